package dev.stackdraft.project;

import dev.stackdraft.graph.ResourceGraph;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a project's template holds, as the engine reads it from the branch now: its resource graph (what the canvas
 * draws), its resources with the line they start on and what each one uses (the graph's edges), the validation
 * findings, and where users moved the canvas's cards.
 *
 * @param positions where users left cards, by node id; the other cards are placed by the automatic layout
 * @param problem   why the template could not be read ({@code file:line:col: ...}); then the graph and lists are
 *                  empty
 */
public record ProjectOutline(ResourceGraph graph, List<OutlineResource> resources, List<OutlineFinding> findings,
                             Map<String, CardPosition> positions, @Nullable String problem) {

    /** A template that cannot be read: only why. */
    public static ProjectOutline unreadable(String problem) {
        return new ProjectOutline(new ResourceGraph(List.of(), List.of(), List.of()), List.of(), List.of(), Map.of(),
                problem);
    }

    public ProjectOutline {
        positions = Map.copyOf(positions);
        resources = List.copyOf(resources);
        findings = List.copyOf(findings);
    }

    /** One resource; {@code uses} are its outgoing edges as {@code kind → target} (e.g. {@code layer → CommonLayer}). */
    public record OutlineResource(String id, String type, int line, List<String> uses) {
        public OutlineResource {
            uses = List.copyOf(uses);
        }
    }

    /**
     * A validation finding, with the resource whose definition holds its line (null: outside any resource, e.g. a
     * parameter or the top level), so that the canvas can show it on that card.
     */
    public record OutlineFinding(String severity, String code, int line, int column, String message,
                                 @Nullable String resource) {}
}
