package dev.stackdraft.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CyclesTest {

    @Test
    void two_resources_referring_to_each_other_are_one_cycle() {
        ResourceGraph graph = Graphs.of("""
                Resources:
                  B:
                    Type: AWS::SNS::Topic
                    Properties:
                      TopicName: !GetAtt A.QueueName
                  A:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Sub "${B.TopicName}-q"
                  C:
                    Type: AWS::SQS::Queue
                    DependsOn: A
                """);

        assertThat(graph.cycles()).containsExactly(List.of("B", "A"));
    }

    @Test
    void a_resource_referring_to_itself_is_a_cycle_and_an_edge() {
        ResourceGraph graph = Graphs.of("""
                Resources:
                  Selfish:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !GetAtt Selfish.QueueName
                """);

        assertThat(graph.cycles()).containsExactly(List.of("Selfish"));
        assertThat(Graphs.edges(graph)).containsExactly("Selfish -getatt-> Selfish");
    }

    @Test
    void depends_on_closes_a_cycle_too() {
        ResourceGraph graph = Graphs.of("""
                Resources:
                  A:
                    Type: AWS::SQS::Queue
                    DependsOn: [C]
                  B:
                    Type: AWS::SQS::Queue
                    DependsOn: A
                  C:
                    Type: AWS::SQS::Queue
                    Properties:
                      Tags: [{Key: k, Value: !Ref B}]
                  D:
                    Type: AWS::SQS::Queue
                    DependsOn: D
                """);

        assertThat(graph.cycles()).containsExactly(List.of("A", "B", "C"), List.of("D"));
    }

    @Test
    void an_event_source_is_a_dependency_of_nobody_yet_a_policy_is_one_of_the_function() {
        ResourceGraph graph = Graphs.of("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      DefinitionBody:
                        paths:
                          /:
                            get:
                              x-amazon-apigateway-integration:
                                uri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/functions/${Fn.Arn}/invocations"
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        Get:
                          Type: Api
                          Properties:
                            RestApiId: !Ref Api
                            Path: /
                            Method: get
                  Invoker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Policies:
                        - LambdaInvokePolicy:
                            FunctionName: !Ref Invoker
                """);

        assertThat(Graphs.edges(graph)).containsExactly("Api -sub-> Fn", "Api -event-> Fn", "Invoker -policy-> Invoker");
        assertThat(graph.cycles()).as("SAM turns the Api event into a permission of its own; the policy goes"
                + " into the function's role").containsExactly(List.of("Invoker"));
    }

    @Test
    void the_direction_of_an_edge_does_not_decide_the_dependency() {
        ResourceGraph graph = Graphs.of("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Deps:
                    Type: AWS::Lambda::LayerVersion
                    Properties:
                      Description: !Sub "for ${Fn}"
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Layers: [!Ref Deps]
                """);

        assertThat(graph.cycles()).containsExactly(List.of("Deps", "Fn"));
    }

    @Test
    void each_strongly_connected_group_is_reported_once_in_template_order() {
        Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
        dependsOn.put("E", Set.of("F"));
        dependsOn.put("A", Set.of("B"));
        dependsOn.put("B", Set.of("C", "Outside"));
        dependsOn.put("C", Set.of("A", "E"));
        dependsOn.put("F", Set.of("E"));
        dependsOn.put("G", Set.of());

        assertThat(Cycles.of(dependsOn)).containsExactly(List.of("E", "F"), List.of("A", "B", "C"));
    }
}
