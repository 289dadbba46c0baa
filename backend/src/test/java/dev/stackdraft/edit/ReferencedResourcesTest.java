package dev.stackdraft.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.editing.links.LinkOption;
import dev.stackdraft.editing.links.LinkTable;
import dev.stackdraft.graph.Edge;
import dev.stackdraft.graph.Node;
import dev.stackdraft.graph.ResourceGraph;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Infrastructure outside the stack given by ARN: a parameter the graph draws as an outside node of its type, linked
 * to the stack's resources by the link table (a function subscribed to an existing topic, a connector to an existing
 * function), or written as the literal ARN; judged by cfn-lint and the SAM translator.
 */
class ReferencedResourcesTest {

    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:central-alerts";
    private static final String ERRORS = "arn:aws:lambda:eu-west-1:123456789012:function:report-error";
    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              # handles alerts
              Handler:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: s3://bucket/handler.zip
            """;

    private final Editor editor = new Editor();
    private final Template template = new TemplateReader().read("template.yaml", TEMPLATE);

    private Template withReferences() {
        Template topic = editor.apply(template, new AddReferencedResource("AlertsTopic", TOPIC)).after();
        return editor.apply(topic, new AddReferencedResource("ErrorReporter", ERRORS)).after();
    }

    @Test
    void a_referenced_resource_is_a_parameter_drawn_outside_the_stack_as_what_it_is() {
        Template referenced = withReferences();

        assertThat(referenced.parameter("AlertsTopic")).hasValueSatisfying(p -> {
            assertThat(p.type()).isEqualTo("String");
            assertThat(p.defaultValue()).contains(TOPIC);
        });
        assertThat(referenced.source().text()).startsWith(TEMPLATE.substring(0, TEMPLATE.indexOf("Resources:")))
                .contains("# handles alerts");
        Template linked = editor.apply(referenced, new SetEnvironmentReference("Handler", "ALERTS", "AlertsTopic")).after();
        ResourceGraph graph = ResourceGraph.of(linked);
        assertThat(graph.nodes()).contains(new Node("AlertsTopic", "AWS::SNS::Topic", Node.EXTERNAL,
                linked.parameter("AlertsTopic").orElseThrow().line()));
        assertThat(graph.edges()).contains(new Edge("Handler", "AlertsTopic", Edge.REF));
        assertThatThrownBy(() -> editor.apply(template, new AddReferencedResource("Bad", "sns:central-alerts")))
                .isInstanceOf(EditRefusedException.class).hasMessageContaining("is not an ARN");
    }

    @Test
    void the_link_table_offers_an_event_source_a_connector_and_a_variable_and_the_judges_accept_each(@TempDir Path dir)
            throws Exception {
        Template referenced = withReferences();
        LinkTable links = LinkTable.standard();

        List<LinkOption> fromTopic = links.options(referenced, "AlertsTopic", "Handler");
        List<LinkOption> toFunction = links.options(referenced, "Handler", "ErrorReporter");

        assertThat(fromTopic).extracting(LinkOption::kind).contains(LinkOption.EVENT_SOURCE, LinkOption.CONNECTOR,
                LinkOption.ENVIRONMENT_VARIABLE);
        assertThat(toFunction).extracting(LinkOption::kind).contains(LinkOption.CONNECTOR);
        Files.writeString(dir.resolve("before.yaml"), referenced.source().text());
        int n = 0;
        for (LinkOption option : List.of(fromTopic.getFirst(), connector(fromTopic), connector(toFunction))) {
            String after = editor.apply(referenced, option.command()).text();
            assertThat(after).contains("!Ref " + (option.label().contains("ErrorReporter") ? "ErrorReporter" : "AlertsTopic"));
            Files.writeString(dir.resolve("after-" + n++ + ".yaml"), after);
        }
        assertThat(editor.apply(referenced, fromTopic.getFirst().command()).text())
                .contains("Type: SNS", "Topic: !Ref AlertsTopic");
        if (Judges.hasCfnLint()) {
            Map<String, Set<String>> rules = Judges.cfnLint(dir);
            for (int i = 0; i < n; i++) {
                assertThat(rules.getOrDefault("after-" + i + ".yaml", Set.of())).as("cfn-lint on after-" + i)
                        .isSubsetOf(rules.getOrDefault("before.yaml", Set.of()));
            }
        }
        Assumptions.assumeTrue(Judges.hasSamTranslator(), "aws-sam-translator is not installed: outside judge skipped");
        List<String> files = java.util.stream.IntStream.range(0, n).mapToObj(i -> dir.resolve("after-" + i + ".yaml").toString()).toList();
        assertThat(Judges.samTranslate(files).values()).containsOnly("OK");
    }

    @Test
    void a_referenced_resource_can_be_written_as_its_literal_arn_instead() {
        Template referenced = withReferences();
        Template linked = editor.apply(referenced, LinkTable.standard().options(referenced, "AlertsTopic", "Handler")
                .getFirst().command()).after();

        String inlined = editor.apply(linked, new InlineParameter("AlertsTopic")).text();

        assertThat(inlined).doesNotContain("AlertsTopic:").contains("Topic: " + TOPIC).contains("# handles alerts");
        assertThat(ResourceGraph.of(new TemplateReader().read("template.yaml", inlined)).nodes())
                .anyMatch(node -> node.id().equals(TOPIC) && node.kind().equals(Node.EXTERNAL));
    }

    private static LinkOption connector(List<LinkOption> options) {
        return options.stream().filter(o -> o.kind().equals(LinkOption.CONNECTOR)).findFirst().orElseThrow();
    }
}
