package dev.stackdraft.editing.links;

import dev.stackdraft.edit.AddConnector;
import dev.stackdraft.edit.AddEventSource;
import dev.stackdraft.edit.AddPolicyTemplate;
import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.edit.SetEnvironmentReference;
import dev.stackdraft.graph.Edge;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Reference;
import dev.stackdraft.template.References;

/** The edge of the graph (as the CLI prints it) each link command must leave between its two resources. */
final class LinkEdges {

    private LinkEdges() {}

    static Edge expected(EditCommand command) {
        return switch (command) {
            case AddEventSource e -> new Edge(e.source(), e.function(), Edge.EVENT);
            case AddPolicyTemplate p -> new Edge(p.function(), References.below(p.parameters().getFirst().value(), DocPath.ROOT)
                    .stream().map(Reference::target).findFirst().orElseThrow(), Edge.POLICY);
            case AddConnector c -> new Edge(c.source(), c.destination(), Edge.CONNECTOR);
            case SetEnvironmentReference s -> new Edge(s.function(), s.resource(), Edge.REF);
            default -> throw new IllegalArgumentException("not a link command: " + command);
        };
    }
}
