package dev.stackdraft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.bench.LargeTemplate;
import dev.stackdraft.graph.Edge;
import dev.stackdraft.graph.Node;
import dev.stackdraft.graph.ResourceGraph;
import dev.stackdraft.template.TemplateReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The graph's JSON is written without Jackson's databind (cold start); it must stay exactly what Jackson wrote, which
 * the UI and scripts read: the reference here builds it with Jackson as the engine did before.
 */
class GraphJsonTest {

    @TempDir
    Path dir;

    @Test
    void the_json_of_a_small_stack_is_the_engines_json() {
        assertSameJson(Cli.write(dir, "template.yaml", Templates.SAM));
        assertSameJson(Cli.write(dir, "serverless.yml", Templates.SERVERLESS));
    }

    @Test
    void the_json_of_a_500_resource_stack_is_the_engines_json() {
        assertSameJson(Cli.write(dir, "large.yaml", LargeTemplate.sam(500)));
    }

    @Test
    void quotes_backslashes_and_control_characters_are_escaped_as_the_engine_escapes_them() {
        Path file = Cli.write(dir, "odd.yaml", """
                Parameters:
                  Odd:
                    Type: "Str\\"ing\\\\ \\b\\f\\n\\r\\t \\x01\\x1f \\u2028 é 😀 </script>"
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Ref Odd
                      Tags:
                        - Key: k
                          Value: !ImportValue "shared\\tname\\u0007"
                  Loop1:
                    Type: AWS::SNS::Topic
                    DependsOn: Loop2
                  Loop2:
                    Type: AWS::SNS::Topic
                    DependsOn: Loop1
                """);

        String json = assertSameJson(file);

        assertThat(json).contains("\\\"ing\\\\ \\b\\f\\n\\r\\t \\u0001\\u001F").contains("\"cycles\":[[");
    }

    private static String assertSameJson(Path file) {
        ResourceGraph graph = ResourceGraph.of(new TemplateReader().read(file));
        String json = graph.toJson();
        assertThat(json).isEqualTo(jackson(graph));
        assertThat(Cli.run("graph", file.toString()).out()).isEqualTo(json + "\n");
        return json;
    }

    private static String jackson(ResourceGraph graph) {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode nodes = root.putArray("nodes");
        for (Node n : graph.nodes()) {
            nodes.addObject().put("id", n.id()).put("type", n.type()).put("kind", n.kind()).put("line", n.line());
        }
        ArrayNode edges = root.putArray("edges");
        for (Edge e : graph.edges()) {
            edges.addObject().put("from", e.from()).put("to", e.to()).put("kind", e.kind());
        }
        ArrayNode cycles = root.putArray("cycles");
        for (List<String> cycle : graph.cycles()) {
            ArrayNode ids = cycles.addArray();
            cycle.forEach(ids::add);
        }
        return mapper.writeValueAsString(root);
    }
}
