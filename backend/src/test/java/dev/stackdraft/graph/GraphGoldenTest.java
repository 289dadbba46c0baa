package dev.stackdraft.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.template.TemplateReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every template under {@code graph/input} against the graph in {@code graph/expected/<name>.json}. Run with
 * {@code -Dgraph.regenerate=true} to rewrite the expected files from the current code, then read the diff.
 */
class GraphGoldenTest {

    private static final Path ROOT = Path.of("src/test/resources/graph");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Named<Path>> inputs() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("input"))) {
            List<Path> inputs = files.filter(Files::isRegularFile).sorted().toList();
            assertThat(inputs).as("golden inputs").isNotEmpty();
            assertThat(inputs.stream().map(GraphGoldenTest::baseName).distinct()).hasSameSizeAs(inputs);
            return inputs.stream().map(p -> Named.of(p.getFileName().toString(), p));
        }
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void graph_matches_the_expected_file(Path input) throws IOException {
        ResourceGraph graph = ResourceGraph.of(new TemplateReader().read(input));
        Path expected = ROOT.resolve("expected").resolve(baseName(input) + ".json");
        if (Boolean.getBoolean("graph.regenerate")) {
            Files.writeString(expected, readable(graph));
        }
        assertThat(expected).as("expected file (run with -Dgraph.regenerate=true to write it)").exists();
        JsonNode want = JSON.readTree(Files.readString(expected));
        assertThat(JSON.readTree(graph.toJson())).as("graph of %s", input).isEqualTo(want);
    }

    private static String baseName(Path input) {
        String name = input.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    /** The JSON with one node, edge or cycle a line, so that a change reads as a short diff. */
    private static String readable(ResourceGraph graph) {
        JsonNode tree = JSON.readTree(graph.toJson());
        StringBuilder out = new StringBuilder("{\n");
        List<String> sections = List.of("nodes", "edges", "cycles");
        for (String section : sections) {
            out.append("  \"").append(section).append("\": [");
            JsonNode items = tree.get(section);
            for (int i = 0; i < items.size(); i++) {
                out.append(i == 0 ? "\n" : ",\n").append("    ").append(JSON.writeValueAsString(items.get(i)));
            }
            out.append(items.isEmpty() ? "]" : "\n  ]").append(section.equals("cycles") ? "\n" : ",\n");
        }
        return out.append("}\n").toString();
    }
}
