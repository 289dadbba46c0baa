package dev.stackdraft.graph;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A graph as JSON (for the UI and the CLI), Mermaid (for Markdown) and Graphviz DOT. */
final class GraphFormats {

    private GraphFormats() {}

    static String json(ResourceGraph graph) {
        return GraphJson.of(graph);
    }

    static String mermaid(ResourceGraph graph) {
        Map<String, String> names = mermaidNames(graph.nodes());
        StringBuilder out = new StringBuilder("flowchart LR\n");
        for (Node n : graph.nodes()) {
            String label = mermaidText(n.id()) + "<br/>" + mermaidText(n.type());
            String shape = switch (n.kind()) {
                case Node.PARAMETER -> "([\"" + label + "\"])";
                case Node.IMPORT, Node.EXTERNAL -> "[[\"" + label + "\"]]";
                default -> "[\"" + label + "\"]";
            };
            out.append("    ").append(names.get(n.id())).append(shape).append('\n');
        }
        for (Edge e : graph.edges()) {
            out.append("    ").append(names.get(e.from())).append(" -->|").append(e.kind()).append("| ")
                    .append(names.get(e.to())).append('\n');
        }
        return out.toString();
    }

    static String dot(ResourceGraph graph) {
        StringBuilder out = new StringBuilder("digraph \"resources\" {\n    rankdir=LR;\n    node [shape=box];\n");
        for (Node n : graph.nodes()) {
            out.append("    ").append(dotString(n.id())).append(" [label=")
                    .append(dotString(n.id() + "\n" + n.type()));
            switch (n.kind()) {
                case Node.PARAMETER -> out.append(", shape=parallelogram");
                case Node.IMPORT, Node.EXTERNAL -> out.append(", shape=box, style=dashed");
                default -> { }
            }
            out.append("];\n");
        }
        for (Edge e : graph.edges()) {
            out.append("    ").append(dotString(e.from())).append(" -> ").append(dotString(e.to()))
                    .append(" [label=").append(dotString(e.kind())).append("];\n");
        }
        return out.append("}\n").toString();
    }

    /** Mermaid ids: letters, digits and {@code _} only, prefixed so none is a keyword, unique. */
    private static Map<String, String> mermaidNames(List<Node> nodes) {
        Map<String, String> names = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (Node n : nodes) {
            if (names.containsKey(n.id())) {
                continue;
            }
            String base = "n_" + n.id().replaceAll("[^A-Za-z0-9_]", "_");
            String name = base;
            for (int i = 2; !taken.add(name); i++) {
                name = base + "_" + i;
            }
            names.put(n.id(), name);
        }
        return names;
    }

    /** Text inside a quoted Mermaid label: quotes and angle brackets as entity codes. */
    private static String mermaidText(String text) {
        return text.replace("#", "#35;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;")
                .replace("\n", " ");
    }

    private static String dotString(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
