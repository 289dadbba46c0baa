package dev.stackdraft.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stackdraft.bench.LargeTemplate;
import dev.stackdraft.graph.ResourceGraph;
import dev.stackdraft.template.Corpus;
import dev.stackdraft.template.Finding;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The cycle check's quick look ({@link CycleCheck#mayHaveCycles}) never says "no cycle" where the resource graph
 * finds one, so that skipping the graph changes no finding.
 */
class CycleCheckTest {

    private static Template read(String text) {
        return new TemplateReader().read("template.yaml", text);
    }

    private static List<Finding> cycles(String text) {
        return new TemplateValidator().validate(read(text)).stream()
                .filter(f -> f.code().equals("circular-dependency")).toList();
    }

    private static boolean quickLookSaysMaybe(Template template) {
        return new CycleCheck(template, new Report(template)).mayHaveCycles();
    }

    @Test
    void the_quick_look_finds_every_cycle_the_graph_finds_in_the_corpus_and_the_test_templates() throws IOException {
        List<Path> files = new ArrayList<>(Corpus.files().toList());
        try (Stream<Path> inputs = Files.walk(Path.of("src/test/resources"))) {
            inputs.filter(p -> p.toString().matches(".*\\.(ya?ml|json)")).forEach(files::add);
        }
        int withCycles = 0;
        for (Path file : files) {
            Template template;
            try {
                template = new TemplateReader().read(file);
            } catch (RuntimeException unreadable) {
                continue; // not a template (a fixture of another kind); the reader's own tests cover it
            }
            if (!ResourceGraph.of(template).cycles().isEmpty()) {
                withCycles++;
                assertThat(quickLookSaysMaybe(template)).as(file.toString()).isTrue();
            }
        }
        assertThat(files).hasSizeGreaterThan(100);
        assertThat(withCycles).isPositive();
    }

    @Test
    void the_generated_500_resource_template_needs_no_graph_for_its_cycles() {
        Template template = read(LargeTemplate.sam(500));
        assertThat(template.resources()).hasSize(500);
        assertThat(quickLookSaysMaybe(template)).isFalse();
        assertThat(ResourceGraph.of(template).cycles()).isEmpty();
    }

    @Test
    void a_cycle_closed_through_globals_is_still_reported() {
        List<Finding> findings = cycles("""
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Layers:
                      - !Ref Shared
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties: {Runtime: python3.13, Handler: app.handler, CodeUri: src/}
                  Shared:
                    Type: AWS::Serverless::LayerVersion
                    Properties:
                      ContentUri: layers/
                      Description: !Sub "for ${Fn.Arn}"
                """);
        assertThat(findings).singleElement().satisfies(f ->
                assertThat(f.message()).startsWith("Fn and Shared depend on each other in a cycle"));
    }

    @Test
    void a_cycle_through_a_connector_id_and_a_padded_sub_variable_is_still_reported() {
        List<Finding> findings = cycles("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Sub "q-${ Link }"
                  Link:
                    Type: AWS::Serverless::Connector
                    Properties:
                      Source: {Id: Queue}
                      Destination: {Id: Queue}
                      Permissions: [Read]
                """);
        assertThat(findings).extracting(Finding::code, f -> f.location().line())
                .containsExactly(tuple("circular-dependency", 6));
        assertThat(findings.getFirst().message()).startsWith("Queue and Link depend on each other in a cycle");
    }

    @Test
    void a_resource_that_names_itself_in_a_plain_string_is_no_cycle() {
        Template template = read("""
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: Queue
                """);
        assertThat(quickLookSaysMaybe(template)).isTrue(); // the quick look cannot tell: the graph decides
        assertThat(cycles("""
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: Queue
                """)).isEmpty();
    }
}
