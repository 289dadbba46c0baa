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
    void a_connector_by_arns_and_resource_ids_points_the_same_way_and_refers_to_both_ends() {
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
        assertThat(edges(graph)).containsExactly("ApiToFn -ref-> Api", "ApiToFn -getatt-> Fn", "Api -connector-> Fn",
                topic + " -connector-> Fn");
        assertThat(node(graph, topic)).isEqualTo(new Node(topic, "AWS::SNS::Topic", Node.EXTERNAL, 23));
    }

    @Test
    void a_connector_by_role_name_and_type_and_name_links_its_ends_and_refers_to_them() {
        ResourceGraph graph = Graphs.of("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Role:
                    Type: AWS::IAM::Role
                  Fn:
                    Type: AWS::Serverless::Function
                  Table:
                    Type: AWS::DynamoDB::Table
                  RoleToTable:
                    Type: AWS::Serverless::Connector
                    Properties:
                      Source:
                        Type: AWS::IAM::Role
                        RoleName: !Ref Role
                      Destination:
                        Type: AWS::DynamoDB::Table
                        Name: !Ref Table
                      Permissions: [Read]
                  FnToTable:
                    Type: AWS::Serverless::Connector
                    Properties:
                      Source:
                        Type: AWS::Lambda::Function
                        Arn: !GetAtt Fn.Arn
                        RoleName: !Ref FnRole
                      Destination:
                        Type: AWS::DynamoDB::Table
                        Arn: !GetAtt Table.Arn
                      Permissions: [Write]
                """);

        assertThat(edges(graph)).containsExactly("RoleToTable -ref-> Role", "RoleToTable -ref-> Table",
                "Role -connector-> Table", "FnToTable -getatt-> Fn", "FnToTable -getatt-> Table", "Fn -connector-> Table");
    }

    @Test
    void literal_names_and_arns_of_ends_are_things_outside_the_stack() {
        ResourceGraph graph = Graphs.of("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                  Reports:
                    Type: AWS::Serverless::Connector
                    Properties:
                      Source:
                        Type: AWS::IAM::Role
                        RoleName: reports-role
                      Destination:
                        Type: AWS::SQS::Queue
                        Arn: !Sub arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:reports
                      Permissions: [Write]
                  Archive:
                    Type: AWS::Serverless::Connector
                    Properties:
                      Source: {Id: Fn}
                      Destination: {Type: AWS::DynamoDB::Table, Name: archive}
                      Permissions: [Read]
                """);

        String queue = "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:reports";
        assertThat(edges(graph)).containsExactly("reports-role -connector-> " + queue, "Fn -connector-> archive");
        assertThat(node(graph, "reports-role")).isEqualTo(new Node("reports-role", "AWS::IAM::Role", Node.EXTERNAL, 10));
        assertThat(node(graph, queue)).isEqualTo(new Node(queue, "AWS::SQS::Queue", Node.EXTERNAL, 13));
        assertThat(node(graph, "archive")).isEqualTo(new Node("archive", "AWS::DynamoDB::Table", Node.EXTERNAL, 19));
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
