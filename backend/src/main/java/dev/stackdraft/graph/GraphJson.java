package dev.stackdraft.graph;

import java.util.List;

/**
 * The graph as JSON, written by hand rather than through Jackson's databind: starting its object mapper loads some 550
 * classes, a fifth of a cold CLI {@code graph} run. The text is what Jackson wrote before (compact, its escaping);
 * {@code GraphJsonTest} holds it to that.
 */
final class GraphJson {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private GraphJson() {}

    static String of(ResourceGraph graph) {
        StringBuilder json = new StringBuilder(64 + 96 * (graph.nodes().size() + graph.edges().size()));
        json.append("{\"nodes\":[");
        boolean first = true;
        for (Node n : graph.nodes()) {
            json.append(first ? "{\"id\":" : ",{\"id\":");
            string(json, n.id()).append(",\"type\":");
            string(json, n.type()).append(",\"kind\":");
            string(json, n.kind()).append(",\"line\":").append(n.line()).append('}');
            first = false;
        }
        json.append("],\"edges\":[");
        first = true;
        for (Edge e : graph.edges()) {
            json.append(first ? "{\"from\":" : ",{\"from\":");
            string(json, e.from()).append(",\"to\":");
            string(json, e.to()).append(",\"kind\":");
            string(json, e.kind()).append('}');
            first = false;
        }
        json.append("],\"cycles\":[");
        first = true;
        for (List<String> cycle : graph.cycles()) {
            json.append(first ? "[" : ",[");
            for (int i = 0; i < cycle.size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                string(json, cycle.get(i));
            }
            json.append(']');
            first = false;
        }
        return json.append("]}").toString();
    }

    /** Jackson's default escaping: quote, backslash, and control characters (short forms where JSON has them). */
    private static StringBuilder string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
