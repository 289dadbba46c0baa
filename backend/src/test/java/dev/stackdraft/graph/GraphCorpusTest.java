package dev.stackdraft.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.template.Corpus;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GraphCorpusTest {

    private static final TemplateReader READER = new TemplateReader();

    static Stream<Named<Path>> corpus() {
        return Corpus.files().map(p -> Named.of(Corpus.label(p), p));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void every_corpus_file_gives_a_consistent_graph(Path file) {
        Template template = READER.read(file);
        ResourceGraph graph = ResourceGraph.of(template);

        assertThat(graph.nodes().stream().filter(n -> n.kind().equals(Node.RESOURCE)))
                .as("resource nodes of %s", file)
                .containsExactlyElementsOf(template.resources().stream()
                        .map(r -> new Node(r.id().value(), r.type().value(), Node.RESOURCE, r.line())).toList());
        Set<String> ids = new HashSet<>();
        graph.nodes().forEach(n -> ids.add(n.id()));
        assertThat(graph.edges()).allSatisfy(e -> assertThat(ids).contains(e.from(), e.to()));
        assertThat(graph.edges()).doesNotHaveDuplicates();
        assertThat(graph.nodes().stream().filter(n -> !n.kind().equals(Node.RESOURCE)
                        && ResourceGraph.referencedType(template, n.id()).isEmpty()))
                .as("only what an edge uses is a node beside the resources (and the referenced resources)")
                .allSatisfy(n -> assertThat(graph.edges()).anySatisfy(e -> assertThat(List.of(e.from(), e.to()))
                        .contains(n.id())));
        assertThat(graph.cycles()).allSatisfy(c -> assertThat(ids).containsAll(c));
        assertThat(ResourceGraph.of(template)).as("a pure function of the template").isEqualTo(graph);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void every_corpus_graph_renders_as_json_mermaid_and_dot(Path file) {
        Template template = READER.read(file);
        ResourceGraph graph = ResourceGraph.of(template);

        JsonNode json = JsonMapper.builder().build().readTree(graph.toJson());
        assertThat(json.get("nodes").size()).isEqualTo(graph.nodes().size());
        assertThat(json.get("edges").size()).isEqualTo(graph.edges().size());
        assertThat(json.get("cycles").size()).isEqualTo(graph.cycles().size());
        String mermaid = graph.toMermaid();
        String dot = graph.toDot();
        assertThat(mermaid).startsWith("flowchart LR\n");
        assertThat(dot).startsWith("digraph ");
        for (Resource resource : template.resources()) {
            assertThat(mermaid).contains(resource.id().value());
            assertThat(dot).contains("\"" + resource.id().value() + "\"");
        }
    }

    @Test
    void the_corpus_uses_every_edge_kind_and_valid_templates_have_no_cycles() {
        Set<String> kinds = new HashSet<>();
        Set<String> nodeKinds = new HashSet<>();
        Corpus.files().forEach(file -> {
            ResourceGraph graph = ResourceGraph.of(READER.read(file));
            graph.edges().forEach(e -> kinds.add(e.kind()));
            graph.nodes().forEach(n -> nodeKinds.add(n.kind()));
            if (!file.getFileName().toString().contains("error_")) {
                assertThat(graph.cycles()).as("cycles of %s, which deploys", file).isEmpty();
            }
        });

        assertThat(kinds).containsExactlyInAnyOrder(Edge.REF, Edge.GET_ATT, Edge.SUB, Edge.DEPENDS_ON, Edge.IMPORT,
                Edge.EVENT, Edge.POLICY, Edge.LAYER, Edge.CONNECTOR, Edge.DATASOURCE);
        assertThat(nodeKinds).containsExactlyInAnyOrder(Node.RESOURCE, Node.PARAMETER, Node.IMPORT, Node.EXTERNAL);
    }
}
