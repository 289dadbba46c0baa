package dev.stackdraft.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GraphFormatsTest {

    private static final ResourceGraph SMALL = Graphs.of("""
            Parameters:
              Stage:
                Type: String
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !Sub "${Stage}-orders"
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Role: !GetAtt Queue.Arn
            """);

    @Test
    void json_has_nodes_edges_and_cycles_in_that_shape() {
        assertThat(SMALL.toJson()).isEqualTo("{\"nodes\":["
                + "{\"id\":\"Queue\",\"type\":\"AWS::SQS::Queue\",\"kind\":\"resource\",\"line\":5},"
                + "{\"id\":\"Fn\",\"type\":\"AWS::Lambda::Function\",\"kind\":\"resource\",\"line\":9},"
                + "{\"id\":\"Stage\",\"type\":\"String\",\"kind\":\"parameter\",\"line\":2}],"
                + "\"edges\":[{\"from\":\"Queue\",\"to\":\"Stage\",\"kind\":\"sub\"},"
                + "{\"from\":\"Fn\",\"to\":\"Queue\",\"kind\":\"getatt\"}],"
                + "\"cycles\":[]}");
    }

    @Test
    void json_escapes_what_ids_may_contain() {
        ResourceGraph graph = new ResourceGraph(List.of(new Node("import:\"q\"\\${X}\n", "Fn::ImportValue", Node.IMPORT, 3)),
                List.of(), List.of(List.of("A", "B")));

        JsonNode parsed = JsonMapper.builder().build().readTree(graph.toJson());

        assertThat(parsed.get("nodes").get(0).get("id").asString()).isEqualTo("import:\"q\"\\${X}\n");
        assertThat(parsed.get("cycles").get(0).get(1).asString()).isEqualTo("B");
    }

    @Test
    void mermaid_is_a_left_to_right_flowchart_with_sanitised_ids_and_kind_labels() {
        assertThat(SMALL.toMermaid()).isEqualTo("""
                flowchart LR
                    n_Queue["Queue<br/>AWS::SQS::Queue"]
                    n_Fn["Fn<br/>AWS::Lambda::Function"]
                    n_Stage(["Stage<br/>String"])
                    n_Queue -->|sub| n_Stage
                    n_Fn -->|getatt| n_Queue
                """);
    }

    @Test
    void mermaid_keeps_ids_apart_that_sanitise_alike_and_escapes_quotes() {
        ResourceGraph graph = new ResourceGraph(List.of(
                new Node("send-mail", "Serverless::Function", Node.RESOURCE, 1),
                new Node("send_mail", "Serverless::Function", Node.RESOURCE, 2),
                new Node("import:\"odd\"", "Fn::ImportValue", Node.IMPORT, 3)),
                List.of(new Edge("send-mail", "import:\"odd\"", Edge.IMPORT)), List.of());

        assertThat(graph.toMermaid()).contains(
                "n_send_mail[\"send-mail<br/>Serverless::Function\"]",
                "n_send_mail_2[\"send_mail<br/>Serverless::Function\"]",
                "n_import__odd_[[\"import:#quot;odd#quot;<br/>Fn::ImportValue\"]]",
                "n_send_mail -->|import| n_import__odd_");
    }

    @Test
    void dot_quotes_ids_and_labels_edges_with_their_kind() {
        assertThat(SMALL.toDot()).isEqualTo("""
                digraph "resources" {
                    rankdir=LR;
                    node [shape=box];
                    "Queue" [label="Queue\\nAWS::SQS::Queue"];
                    "Fn" [label="Fn\\nAWS::Lambda::Function"];
                    "Stage" [label="Stage\\nString", shape=parallelogram];
                    "Queue" -> "Stage" [label="sub"];
                    "Fn" -> "Queue" [label="getatt"];
                }
                """);
    }

    @Test
    void dot_escapes_quotes_and_backslashes_in_ids() {
        ResourceGraph graph = new ResourceGraph(List.of(new Node("import:a\"b\\c", "Fn::ImportValue", Node.IMPORT, 1)),
                List.of(), List.of());

        assertThat(graph.toDot()).contains("\"import:a\\\"b\\\\c\" [label=\"import:a\\\"b\\\\c\\nFn::ImportValue\","
                + " shape=box, style=dashed];");
    }
}
