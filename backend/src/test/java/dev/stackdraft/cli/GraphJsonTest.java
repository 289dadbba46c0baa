package dev.stackdraft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.bench.LargeTemplate;
import dev.stackdraft.graph.ResourceGraph;
import dev.stackdraft.template.TemplateReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI writes the graph's JSON without Jackson's databind; it must be exactly what the engine's JSON is. */
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
        String json = GraphJson.of(graph);
        assertThat(json).isEqualTo(graph.toJson());
        assertThat(Cli.run("graph", file.toString()).out()).isEqualTo(json + "\n");
        return json;
    }
}
