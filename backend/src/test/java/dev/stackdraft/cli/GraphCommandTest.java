package dev.stackdraft.cli;

import static dev.stackdraft.cli.Cli.run;
import static dev.stackdraft.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.graph.ResourceGraph;
import dev.stackdraft.template.TemplateReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GraphCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void graph_is_json_by_default_with_nodes_edges_and_cycles() {
        Path file = write(dir, "template.yaml", Templates.SAM);

        Cli.Run run = run("graph", file.toString());

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode graph = JSON.readTree(run.out());
        assertThat(graph.propertyNames()).containsExactly("nodes", "edges", "cycles");
        assertThat(graph.get("nodes").valueStream().map(n -> n.get("id").asString() + " " + n.get("type").asString()
                + " " + n.get("kind").asString() + " " + n.get("line").asInt()))
                .contains("OrdersTable AWS::DynamoDB::Table resource 6", "OrdersFunction AWS::Serverless::Function resource 12");
        assertThat(graph.get("edges").valueStream().map(e -> e.get("from").asString() + "->" + e.get("to").asString()))
                .contains("OrdersFunction->OrdersTable");
        assertThat(graph.get("cycles").isArray()).isTrue();
        assertThat(graph.get("cycles")).isEmpty();
    }

    @Test
    void graph_as_mermaid_and_dot() {
        Path file = write(dir, "template.yaml", Templates.SAM);

        Cli.Run mermaid = run("graph", file.toString(), "--format", "mermaid");
        Cli.Run dot = run("graph", "--format=dot", file.toString());

        assertThat(mermaid.status()).isZero();
        assertThat(mermaid.out()).startsWith("flowchart LR\n").contains("OrdersFunction").endsWith("\n");
        assertThat(dot.status()).isZero();
        assertThat(dot.out()).startsWith("digraph ").contains("\"OrdersFunction\" -> \"OrdersTable\"").endsWith("}\n");
    }

    @Test
    void graph_of_a_serverless_yml_has_its_functions() {
        Path file = write(dir, "serverless.yml", Templates.SERVERLESS);

        Cli.Run run = run("graph", file.toString());

        assertThat(run.status()).isZero();
        assertThat(JSON.readTree(run.out()).get("nodes").valueStream().map(n -> n.get("id").asString())).contains("hello");
    }

    @Test
    void duplicate_keys_are_warned_about_on_stderr_and_the_graph_draws_the_last_one() {
        Path file = write(dir, "template.yaml", """
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                  Topic:
                    Type: AWS::SNS::Topic
                    Properties:
                      DisplayName: first
                      DisplayName: !GetAtt Queue.QueueName
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      DelaySeconds: 5
                """);

        Cli.Run run = run("graph", file.toString());

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEqualTo(file + ":8:7: warning: duplicate key 'DisplayName' (first at line 7): YAML readers "
                + "keep only the last one; remove one of them [duplicate-key]\n"
                + file + ":9:3: warning: duplicate key 'Queue' (first at line 2): YAML readers keep only the last one; "
                + "remove one of them [duplicate-key]\n");
        assertThat(run.out()).isEqualTo(ResourceGraph.of(new TemplateReader().read(file)).toJson() + "\n");
        JsonNode graph = JSON.readTree(run.out());
        assertThat(graph.get("nodes").valueStream().map(n -> n.get("id").asString() + " " + n.get("line").asInt()))
                .containsExactly("Topic 4", "Queue 9");
        assertThat(graph.get("edges").valueStream().map(e -> e.get("from").asString() + " -" + e.get("kind").asString()
                + "-> " + e.get("to").asString())).containsExactly("Topic -getatt-> Queue");
    }

    @Test
    void a_graph_without_duplicate_keys_says_nothing_on_stderr_in_any_format() {
        Path file = write(dir, "template.yaml", Templates.SAM);

        assertThat(run("graph", file.toString(), "--format", "mermaid").err()).isEmpty();
        assertThat(run("graph", file.toString(), "--format", "dot").err()).isEmpty();
    }

    @Test
    void an_unknown_format_is_a_usage_error() {
        Path file = write(dir, "template.yaml", Templates.SAM);

        Cli.Run run = run("graph", file.toString(), "--format", "svg");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("stackdraft: --format takes json, mermaid, dot, not 'svg'\nusage:\n  stackdraft graph");
    }
}
