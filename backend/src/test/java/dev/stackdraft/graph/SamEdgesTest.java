package dev.stackdraft.graph;

import static dev.stackdraft.graph.Graphs.edges;
import static dev.stackdraft.graph.Graphs.node;
import static dev.stackdraft.graph.Graphs.nodeIds;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SamEdgesTest {

    @Test
    void queue_event_points_from_queue_to_function_and_replaces_the_getatt() {
        ResourceGraph graph = Graphs.of("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: index.handler
                      Events:
                        FromQueue:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt Queue.Arn
                            BatchSize: 10
                """);

        assertThat(edges(graph)).containsExactly("Queue -event-> Fn");
    }

    @Test
    void every_event_source_points_at_its_function_whatever_the_intrinsic() {
        ResourceGraph graph = Graphs.of("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                  Bucket:
                    Type: AWS::S3::Bucket
                  Topic:
                    Type: AWS::SNS::Topic
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        Stream:
                          Type: DynamoDB
                          Properties:
                            Stream: {"Fn::GetAtt": [Table, StreamArn]}
                        Upload:
                          Type: S3
                          Properties:
                            Bucket: !Ref Bucket
                            Events: s3:ObjectCreated:*
                        Notification:
                          Type: SNS
                          Properties:
                            Topic: !Sub "${Topic}"
                        Get:
                          Type: Api
                          Properties:
                            RestApiId: {Ref: Api}
                            Path: /
                            Method: get
                        Nightly:
                          Type: Schedule
                          Properties:
                            Schedule: rate(1 day)
                """);

        assertThat(edges(graph)).containsExactly("Table -event-> Fn", "Bucket -event-> Fn", "Topic -event-> Fn",
                "Api -event-> Fn");
    }

    @Test
    void a_literal_arn_event_source_becomes_an_external_node_typed_by_its_service() {
        ResourceGraph graph = Graphs.of("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        Stream:
                          Type: Kinesis
                          Properties:
                            Stream: arn:aws:kinesis:us-east-1:123456789012:stream/clicks
                            StartingPosition: LATEST
                            KmsKeyArn: arn:aws:kms:us-east-1:123456789012:key/k
                """);

        String arn = "arn:aws:kinesis:us-east-1:123456789012:stream/clicks";
        assertThat(edges(graph)).containsExactly(arn + " -event-> Fn");
        assertThat(node(graph, arn)).isEqualTo(new Node(arn, "AWS::Kinesis::Stream", Node.EXTERNAL, 10));
    }

    @Test
    void where_failed_events_go_is_a_plain_reference_not_an_event_source() {
        ResourceGraph graph = Graphs.of("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                  Failures:
                    Type: AWS::SQS::Queue
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        FromQueue:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt Queue.Arn
                            DestinationConfig:
                              OnFailure:
                                Destination: !GetAtt Failures.Arn
                """);

        assertThat(edges(graph)).containsExactly("Queue -event-> Fn", "Fn -getatt-> Failures");
    }

    @Test
    void a_state_machine_event_points_at_the_state_machine() {
        ResourceGraph graph = Graphs.of("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Bus:
                    Type: AWS::Events::EventBus
                  Flow:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      Events:
                        OnOrder:
                          Type: EventBridgeRule
                          Properties:
                            EventBusName: !Ref Bus
                            Pattern: {source: [shop]}
                """);

        assertThat(edges(graph)).containsExactly("Bus -event-> Flow");
    }

    @Test
    void policy_templates_and_inline_statements_point_from_function_to_resource() {
        ResourceGraph graph = Graphs.of("""
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  OtherFunction:
                    Type: String
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                  Bucket:
                    Type: AWS::S3::Bucket
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Environment:
                        Variables:
                          TABLE: !Ref Table
                      Policies:
                        - DynamoDBCrudPolicy:
                            TableName: !Ref Table
                        - LambdaInvokePolicy:
                            FunctionName: !Ref OtherFunction
                        - AWSLambdaBasicExecutionRole
                        - Statement:
                            - Effect: Allow
                              Action: s3:GetObject
                              Resource: !Sub "${Bucket.Arn}/*"
                """);

        assertThat(edges(graph)).containsExactly("Fn -ref-> Table", "Fn -policy-> Table", "Fn -policy-> OtherFunction",
                "Fn -policy-> Bucket");
        assertThat(nodeIds(graph, Node.PARAMETER)).containsExactly("OtherFunction");
    }

    @Test
    void a_single_policy_template_mapping_counts_too() {
        ResourceGraph graph = Graphs.of("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Policies:
                        SQSPollerPolicy:
                          QueueName: !GetAtt Queue.QueueName
                """);

        assertThat(edges(graph)).containsExactly("Fn -policy-> Queue");
    }

    @Test
    void layers_point_from_function_to_layer_resource_or_external_arn() {
        ResourceGraph graph = Graphs.of("""
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  SharedLayer:
                    Type: String
                Resources:
                  Deps:
                    Type: AWS::Serverless::LayerVersion
                    Properties:
                      ContentUri: layer/
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Layers:
                        - !Ref Deps
                        - arn:aws:lambda:us-east-1:123456789012:layer:tools:3
                        - !Ref SharedLayer
                        - !ImportValue common-layer
                  Plain:
                    Type: AWS::Lambda::Function
                    Properties:
                      Layers: [!Ref Deps]
                """);

        String arn = "arn:aws:lambda:us-east-1:123456789012:layer:tools:3";
        assertThat(edges(graph)).containsExactly("Fn -layer-> Deps", "Fn -layer-> " + arn, "Fn -layer-> SharedLayer",
                "Fn -layer-> import:common-layer", "Plain -layer-> Deps");
        assertThat(node(graph, arn)).isEqualTo(new Node(arn, "AWS::Lambda::LayerVersion", Node.EXTERNAL, 15));
        assertThat(graph.nodes()).extracting(Node::kind).containsExactly(Node.RESOURCE, Node.RESOURCE, Node.RESOURCE,
                Node.PARAMETER, Node.EXTERNAL, Node.IMPORT);
    }

    @Test
    void global_layers_apply_to_every_sam_function_that_does_not_ignore_them() {
        ResourceGraph graph = Graphs.of("""
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Layers:
                      - !Ref Deps
                      - arn:aws:lambda:us-east-1:123456789012:layer:tools:3
                Resources:
                  Deps:
                    Type: AWS::Serverless::LayerVersion
                  One:
                    Type: AWS::Serverless::Function
                    Properties:
                      Layers: [arn:aws:lambda:us-east-1:123456789012:layer:own:1]
                  Two:
                    Type: AWS::Serverless::Function
                  Ignoring:
                    Type: AWS::Serverless::Function
                    IgnoreGlobals: '*'
                  IgnoringLayers:
                    Type: AWS::Serverless::Function
                    IgnoreGlobals: [Layers]
                  Classic:
                    Type: AWS::Lambda::Function
                """);

        String tools = "arn:aws:lambda:us-east-1:123456789012:layer:tools:3";
        assertThat(edges(graph)).containsExactly(
                "One -layer-> arn:aws:lambda:us-east-1:123456789012:layer:own:1",
                "One -layer-> Deps", "One -layer-> " + tools,
                "Two -layer-> Deps", "Two -layer-> " + tools);
        assertThat(node(graph, tools).line()).isEqualTo(6);
    }
}
