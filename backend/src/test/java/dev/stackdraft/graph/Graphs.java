package dev.stackdraft.graph;

import dev.stackdraft.template.TemplateReader;
import java.util.List;

/** Reads inline templates and spells a graph's edges as {@code "from -kind-> to"} for short assertions. */
final class Graphs {

    private static final TemplateReader READER = new TemplateReader();

    private Graphs() {}

    static ResourceGraph of(String yaml) {
        return ResourceGraph.of(READER.read("t.yaml", yaml));
    }

    static ResourceGraph of(String name, String text) {
        return ResourceGraph.of(READER.read(name, text));
    }

    static List<String> edges(ResourceGraph graph) {
        return graph.edges().stream().map(e -> e.from() + " -" + e.kind() + "-> " + e.to()).toList();
    }

    static List<String> nodeIds(ResourceGraph graph, String kind) {
        return graph.nodes().stream().filter(n -> n.kind().equals(kind)).map(Node::id).toList();
    }

    static Node node(ResourceGraph graph, String id) {
        return graph.nodes().stream().filter(n -> n.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + id + " in " + graph.nodes()));
    }
}
