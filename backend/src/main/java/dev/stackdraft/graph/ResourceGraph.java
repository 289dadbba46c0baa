package dev.stackdraft.graph;

import dev.stackdraft.template.Template;
import java.util.List;

/**
 * What a template's resources refer to: every resource as a node, plus the parameters, imports and outside
 * things they use; typed edges; and the dependency cycles CloudFormation would refuse. Derived from a template
 * by {@link #of}, a pure function: the graph is never edited, an edit makes a new template and a new graph.
 *
 * <p>Nodes come in template order (resources, then parameters), then imports and outside things in the order
 * they are first mentioned; edges in the order they are found, one per (from, to, kind).
 */
public record ResourceGraph(List<Node> nodes, List<Edge> edges, List<List<String>> cycles) {

    public ResourceGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        cycles = cycles.stream().map(List::copyOf).toList();
    }

    /**
     * The type of the referenced resource a parameter stands for: a {@code String} parameter whose default is an ARN
     * of a known service ({@code AWS::SNS::Topic} for {@code arn:aws:sns:…}); empty for any other parameter.
     */
    public static java.util.Optional<String> referencedType(dev.stackdraft.template.Template template, String parameter) {
        return template.parameter(parameter).flatMap(Targets::referenced).map(Node::type);
    }

    public static ResourceGraph of(Template template) {
        EdgeCollector collector = new EdgeCollector(template).collect();
        return new ResourceGraph(collector.nodes(), collector.edges(), Cycles.of(collector.dependencies()));
    }

    /** {@code {"nodes":[{"id","type","kind","line"}],"edges":[{"from","to","kind"}],"cycles":[[ids]]}}. */
    public String toJson() {
        return GraphFormats.json(this);
    }

    /** A Mermaid {@code flowchart LR}: one box per node labelled id and type, edges labelled with their kind. */
    public String toMermaid() {
        return GraphFormats.mermaid(this);
    }

    /** A Graphviz digraph: nodes by their quoted ids, labelled id and type; edges labelled with their kind. */
    public String toDot() {
        return GraphFormats.dot(this);
    }
}
