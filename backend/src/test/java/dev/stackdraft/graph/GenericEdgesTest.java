package dev.stackdraft.graph;

import static dev.stackdraft.graph.Graphs.edges;
import static dev.stackdraft.graph.Graphs.node;
import static dev.stackdraft.graph.Graphs.nodeIds;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GenericEdgesTest {

    @Test
    void ref_getatt_sub_and_depends_on_point_from_the_resource_to_what_it_names() {
        ResourceGraph graph = Graphs.of("""
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                  Topic:
                    Type: AWS::SNS::Topic
                  Bucket:
                    Type: AWS::S3::Bucket
                  Table:
                    Type: AWS::DynamoDB::Table
                  Consumer:
                    Type: AWS::Lambda::Function
                    DependsOn: Table
                    Properties:
                      Environment:
                        Variables:
                          QUEUE: !Ref Queue
                          TOPIC: !GetAtt Topic.TopicName
                          BUCKET: !Sub "s3://${Bucket}/${Bucket.Arn}"
                """);

        assertThat(edges(graph)).containsExactly(
                "Consumer -dependsOn-> Table",
                "Consumer -ref-> Queue",
                "Consumer -getatt-> Topic",
                "Consumer -sub-> Bucket");
    }

    @Test
    void short_and_long_intrinsic_forms_give_the_same_edges() {
        ResourceGraph shortForm = Graphs.of("""
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      A: !Ref Queue
                      B: !GetAtt Queue.Arn
                      C: !Sub "${Queue.QueueName}"
                      D: !Sub ["${Name}-${Queue}", {Name: x}]
                """);
        ResourceGraph longForm = Graphs.of("""
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      A: {Ref: Queue}
                      B: {"Fn::GetAtt": [Queue, Arn]}
                      C:
                        Fn::Sub: "${Queue.QueueName}"
                      D:
                        Fn::Sub:
                          - "${Name}-${Queue}"
                          - Name: x
                """);

        assertThat(edges(longForm)).containsExactly("Fn -ref-> Queue", "Fn -getatt-> Queue", "Fn -sub-> Queue");
        assertThat(longForm.edges()).isEqualTo(shortForm.edges());
    }

    @Test
    void escaped_sub_literals_and_sub_local_variables_make_no_edge() {
        ResourceGraph graph = Graphs.of("""
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                  Table:
                    Type: AWS::DynamoDB::Table
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Literal: !Sub "${!Queue} stays literal"
                      Local: !Sub
                        - "${Table}-${Suffix}"
                        - Table: shadowed
                          Suffix: !Ref Queue
                """);

        assertThat(edges(graph)).containsExactly("Fn -ref-> Queue");
    }

    @Test
    void pseudo_parameters_and_unknown_ids_make_no_nodes_or_edges() {
        ResourceGraph graph = Graphs.of("""
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    DependsOn: [Missing]
                    Properties:
                      A: !Ref AWS::Region
                      B: !Sub "arn:${AWS::Partition}:s3:::${AWS::AccountId}-${Nowhere}"
                      C: !GetAtt Ghost.Arn
                """);

        assertThat(graph.edges()).isEmpty();
        assertThat(graph.nodes()).extracting(Node::id).containsExactly("Fn");
    }

    @Test
    void referenced_parameters_become_nodes_with_their_declared_type_and_line() {
        ResourceGraph graph = Graphs.of("""
                Parameters:
                  Unused:
                    Type: String
                  Stage:
                    Type: String
                  Vpc:
                    Type: AWS::EC2::VPC::Id
                Resources:
                  Group:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      VpcId: !Ref Vpc
                      GroupName: !Sub "${Stage}-group"
                """);

        assertThat(nodeIds(graph, Node.PARAMETER)).containsExactly("Stage", "Vpc");
        assertThat(node(graph, "Vpc")).isEqualTo(new Node("Vpc", "AWS::EC2::VPC::Id", Node.PARAMETER, 6));
        assertThat(edges(graph)).containsExactly("Group -ref-> Vpc", "Group -sub-> Stage");
    }

    @Test
    void outputs_conditions_and_globals_make_no_edges() {
        ResourceGraph graph = Graphs.of("""
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Env:
                    Type: String
                Conditions:
                  IsProd: !Equals [!Ref Env, prod]
                Globals:
                  Function:
                    Environment:
                      Variables:
                        QUEUE: !Ref Queue
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Condition: IsProd
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: index.handler
                Outputs:
                  QueueUrl:
                    Value: !Ref Queue
                  FnArn:
                    Value: !GetAtt Fn.Arn
                """);

        assertThat(graph.edges()).isEmpty();
        assertThat(nodeIds(graph, Node.PARAMETER)).isEmpty();
    }

    @Test
    void the_same_reference_twice_is_one_edge_but_another_kind_is_another_edge() {
        ResourceGraph graph = Graphs.of("""
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                  Fn:
                    Type: AWS::Lambda::Function
                    DependsOn: Queue
                    Properties:
                      A: !Ref Queue
                      B: !Ref Queue
                      C: !GetAtt Queue.Arn
                """);

        assertThat(edges(graph)).containsExactly("Fn -dependsOn-> Queue", "Fn -ref-> Queue", "Fn -getatt-> Queue");
    }

    @Test
    void import_values_become_import_nodes_named_by_the_literal_name_or_the_sub_text() {
        ResourceGraph graph = Graphs.of("""
                Parameters:
                  Network:
                    Type: String
                Resources:
                  Group:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      Description: !ImportValue shared-description
                      VpcId:
                        Fn::ImportValue: !Sub "${Network}-VpcId"
                  Other:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      Description:
                        Fn::ImportValue: shared-description
                      VpcId: {"Fn::ImportValue": {"Fn::Sub": "${Network}-VpcId"}}
                """);

        assertThat(graph.nodes().subList(3, 5)).containsExactly(
                new Node("import:shared-description", "Fn::ImportValue", Node.IMPORT, 8),
                new Node("import:${Network}-VpcId", "Fn::ImportValue", Node.IMPORT, 10));
        assertThat(edges(graph)).containsExactly(
                "Group -import-> import:shared-description",
                "Group -import-> import:${Network}-VpcId",
                "Group -sub-> Network",
                "Other -import-> import:shared-description",
                "Other -import-> import:${Network}-VpcId",
                "Other -sub-> Network");
    }

    @Test
    void a_joined_import_name_is_spelt_like_a_sub() {
        ResourceGraph graph = Graphs.of("""
                Parameters:
                  Network:
                    Type: String
                Resources:
                  Group:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      VpcId:
                        Fn::ImportValue: !Join [":", [!Ref Network, Vpc]]
                """);

        assertThat(edges(graph)).containsExactly("Group -import-> import:${Network}:Vpc", "Group -ref-> Network");
    }

    @Test
    void a_json_template_gives_the_same_graph_as_its_yaml_twin() {
        ResourceGraph json = Graphs.of("t.json", """
                {
                  "Parameters": {"Name": {"Type": "String"}},
                  "Resources": {
                    "Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Ref": "Name"}}},
                    "Fn": {
                      "Type": "AWS::Lambda::Function",
                      "DependsOn": ["Queue"],
                      "Properties": {"Role": {"Fn::GetAtt": ["Queue", "Arn"]}, "Code": {"Fn::Sub": "${Queue}"}}
                    }
                  }
                }
                """);
        ResourceGraph yaml = Graphs.of("""
                Parameters:
                  Name:
                    Type: String
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Ref Name
                  Fn:
                    Type: AWS::Lambda::Function
                    DependsOn: [Queue]
                    Properties:
                      Role: !GetAtt Queue.Arn
                      Code: !Sub "${Queue}"
                """);

        assertThat(edges(json)).containsExactly("Queue -ref-> Name", "Fn -dependsOn-> Queue", "Fn -getatt-> Queue",
                "Fn -sub-> Queue");
        assertThat(json.edges()).isEqualTo(yaml.edges());
        assertThat(node(json, "Fn").line()).isEqualTo(5);
    }

    @Test
    void every_resource_is_a_node_in_template_order_with_its_type_and_key_line() {
        ResourceGraph graph = Graphs.of("""
                Resources:
                  Lonely:
                    Type: AWS::SNS::Topic

                  Typeless:
                    Properties: {}
                  Custom:
                    Type: Custom::Thing
                """);

        assertThat(graph.nodes()).containsExactly(
                new Node("Lonely", "AWS::SNS::Topic", Node.RESOURCE, 2),
                new Node("Typeless", "", Node.RESOURCE, 5),
                new Node("Custom", "Custom::Thing", Node.RESOURCE, 7));
    }
}
