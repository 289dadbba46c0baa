package dev.stackdraft.graph;

import static dev.stackdraft.graph.Graphs.edges;
import static dev.stackdraft.graph.Graphs.node;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerlessEdgesTest {

    private static ResourceGraph serverless(String yaml) {
        return Graphs.of("serverless.yml", yaml);
    }

    @Test
    void functions_and_layers_are_nodes_beside_the_cloudformation_resources() {
        ResourceGraph graph = serverless("""
                service: shop
                provider:
                  name: aws
                functions:
                  hello:
                    handler: handler.hello
                layers:
                  deps:
                    path: layer
                resources:
                  Resources:
                    Orders:
                      Type: AWS::SQS::Queue
                """);

        assertThat(graph.nodes()).containsExactly(
                new Node("hello", "Serverless::Function", Node.RESOURCE, 5),
                new Node("deps", "Serverless::Layer", Node.RESOURCE, 8),
                new Node("Orders", "AWS::SQS::Queue", Node.RESOURCE, 12));
    }

    @Test
    void sqs_and_stream_events_point_from_the_named_resource_to_the_function() {
        ResourceGraph graph = serverless("""
                service: shop
                provider:
                  name: aws
                functions:
                  worker:
                    handler: handler.work
                    events:
                      - sqs:
                          arn: !GetAtt Orders.Arn
                          batchSize: 5
                      - stream:
                          type: dynamodb
                          arn:
                            Fn::GetAtt: [Carts, StreamArn]
                      - sns:
                          arn: !Ref Alerts
                          topicName: alerts
                      - stream: arn:aws:kinesis:us-east-1:123456789012:stream/clicks
                      - http: GET /worker
                resources:
                  Resources:
                    Orders:
                      Type: AWS::SQS::Queue
                    Carts:
                      Type: AWS::DynamoDB::Table
                    Alerts:
                      Type: AWS::SNS::Topic
                """);

        String clicks = "arn:aws:kinesis:us-east-1:123456789012:stream/clicks";
        assertThat(edges(graph)).containsExactly("Orders -event-> worker", "Carts -event-> worker",
                "Alerts -event-> worker", clicks + " -event-> worker");
        assertThat(node(graph, clicks)).isEqualTo(new Node(clicks, "AWS::Kinesis::Stream", Node.EXTERNAL, 18));
    }

    @Test
    void an_sqs_event_given_as_an_arn_string_makes_an_external_source() {
        ResourceGraph graph = serverless("""
                service: shop
                provider:
                  name: aws
                functions:
                  worker:
                    handler: handler.work
                    events:
                      - sqs: arn:aws:sqs:us-east-1:123456789012:orders
                """);

        assertThat(edges(graph)).containsExactly("arn:aws:sqs:us-east-1:123456789012:orders -event-> worker");
        assertThat(node(graph, "arn:aws:sqs:us-east-1:123456789012:orders").type()).isEqualTo("AWS::SQS::Queue");
    }

    @Test
    void layers_of_the_function_and_of_the_provider_point_from_every_function() {
        ResourceGraph graph = serverless("""
                service: media
                provider:
                  name: aws
                  layers:
                    - arn:aws:lambda:us-east-1:123456789012:layer:shared:2
                functions:
                  mkgif:
                    handler: handler.mkgif
                    layers:
                      - {Ref: FfmpegLambdaLayer}
                  thumbnail:
                    handler: handler.thumbnail
                layers:
                  ffmpeg:
                    path: layer
                """);

        String shared = "arn:aws:lambda:us-east-1:123456789012:layer:shared:2";
        assertThat(edges(graph)).containsExactly("mkgif -layer-> ffmpeg", "mkgif -layer-> " + shared,
                "thumbnail -layer-> " + shared);
        assertThat(node(graph, shared)).isEqualTo(new Node(shared, "AWS::Lambda::LayerVersion", Node.EXTERNAL, 5));
    }

    @Test
    void resources_refer_to_functions_by_the_logical_ids_the_framework_generates() {
        ResourceGraph graph = serverless("""
                service: mail
                provider:
                  name: aws
                functions:
                  process-header:
                    handler: handler.header
                  send_reply:
                    handler: handler.reply
                resources:
                  Resources:
                    AllowSes:
                      Type: AWS::Lambda::Permission
                      Properties:
                        FunctionName: {"Fn::GetAtt": [ProcessDashheaderLambdaFunction, Arn]}
                    AllowReply:
                      Type: AWS::Lambda::Permission
                      Properties:
                        FunctionName: !Ref SendUnderscorereplyLambdaFunction
                """);

        assertThat(edges(graph)).containsExactly("AllowSes -getatt-> process-header", "AllowReply -ref-> send_reply");
    }

    @Test
    void provider_role_statements_are_policies_of_every_function() {
        ResourceGraph graph = serverless("""
                service: shop
                provider:
                  name: aws
                  iam:
                    role:
                      statements:
                        - Effect: Allow
                          Action: [dynamodb:GetItem]
                          Resource: !GetAtt Table.Arn
                  iamRoleStatements:
                    - Effect: Allow
                      Action: [sns:Publish]
                      Resource: !Ref Alerts
                functions:
                  read:
                    handler: handler.read
                    environment:
                      TABLE: !Ref Table
                  write:
                    handler: handler.write
                resources:
                  Resources:
                    Table:
                      Type: AWS::DynamoDB::Table
                    Alerts:
                      Type: AWS::SNS::Topic
                """);

        assertThat(edges(graph)).containsExactly(
                "read -ref-> Table", "read -policy-> Alerts", "read -policy-> Table",
                "write -policy-> Alerts", "write -policy-> Table");
    }
}
