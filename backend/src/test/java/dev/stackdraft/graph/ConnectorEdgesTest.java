package dev.stackdraft.graph;

import static dev.stackdraft.graph.Graphs.edges;
import static dev.stackdraft.graph.Graphs.node;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectorEdgesTest {

    @Test
    void a_connector_by_ids_points_from_source_to_destination() {
        ResourceGraph graph = Graphs.of("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                  Table:
                    Type: AWS::DynamoDB::Table
                  FnToTable:
                    Type: AWS::Serverless::Connector
                    Properties:
                      Source:
                        Id: Fn
                      Destination:
                        Id: Table
                      Permissions: [Read, Write]
                """);

        assertThat(edges(graph)).containsExactly("Fn -connector-> Table");
    }

    @Test
    void a_connector_by_arns_and_resource_ids_points_the_same_way() {
        ResourceGraph graph = Graphs.of("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                  Fn:
                    Type: AWS::Serverless::Function
                  ApiToFn:
                    Type: AWS::Serverless::Connector
                    Properties:
                      Source:
                        Type: AWS::Serverless::Api
                        ResourceId: !Ref Api
                        Qualifier: Prod/GET/items
                      Destination:
                        Type: AWS::Serverless::Function
                        Arn: !GetAtt Fn.Arn
                      Permissions: [Write]
                  TopicToFn:
                    Type: AWS::Serverless::Connector
                    Properties:
                      Source:
                        Type: AWS::SNS::Topic
                        Arn: arn:aws:sns:us-east-1:123456789012:orders
                      Destination:
                        Id: Fn
                      Permissions: [Write]
                """);

        String topic = "arn:aws:sns:us-east-1:123456789012:orders";
        assertThat(edges(graph)).containsExactly("Api -connector-> Fn", topic + " -connector-> Fn");
        assertThat(node(graph, topic)).isEqualTo(new Node(topic, "AWS::SNS::Topic", Node.EXTERNAL, 23));
    }

    @Test
    void a_connector_with_several_destinations_points_at_each() {
        ResourceGraph graph = Graphs.of("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                  Bucket:
                    Type: AWS::S3::Bucket
                  Queue:
                    Type: AWS::SQS::Queue
                  Access:
                    Type: AWS::Serverless::Connector
                    Properties:
                      Source: {Id: Fn}
                      Destination:
                        - Id: Bucket
                        - Id: Queue
                        - Id: NotThere
                      Permissions: [Read]
                """);

        assertThat(edges(graph)).containsExactly("Fn -connector-> Bucket", "Fn -connector-> Queue");
    }

    @Test
    void embedded_connectors_point_from_the_embedding_resource_to_each_destination() {
        ResourceGraph graph = Graphs.of("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Connectors:
                      ToStores:
                        Properties:
                          Destination:
                            - Id: Bucket
                            - Type: AWS::SQS::Queue
                              Arn: !GetAtt Queue.Arn
                          Permissions: [Read, Write]
                  Bucket:
                    Type: AWS::S3::Bucket
                  Queue:
                    Type: AWS::SQS::Queue
                """);

        assertThat(edges(graph)).containsExactly("Fn -connector-> Bucket", "Fn -connector-> Queue");
    }
}
