package dev.stackdraft.ui.canvas;

import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.component.react.ReactAdapterComponent;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.shared.Registration;
import dev.stackdraft.graph.Edge;
import dev.stackdraft.graph.Node;
import dev.stackdraft.graph.ResourceGraph;
import dev.stackdraft.project.CardPosition;
import dev.stackdraft.project.ProjectOutline;
import dev.stackdraft.project.ProjectOutline.OutlineFinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A stack's resource graph drawn as cards and typed edges (React Flow, laid out with ELK in the browser): pan, zoom,
 * fit, select, find by name, a minimap. Cards carry {@code data-resource-id} / {@code data-resource-type}, edges
 * {@code data-edge-from} / {@code data-edge-to} / {@code data-edge-kind}, with the ids and kinds of the CLI's
 * {@code graph --format json}. The messages each way are the records below, mirrored in {@code canvas/model.ts}.
 */
@NpmPackage(value = "@xyflow/react", version = "12.12.1")
@NpmPackage(value = "elkjs", version = "0.12.1")
@NpmPackage(value = "html-to-image", version = "1.11.11") // the version React Flow's export example pins
@JsModule("./canvas/resource-canvas.tsx")
@Tag("stackdraft-canvas")
public class ResourceCanvas extends ReactAdapterComponent {

    /**
     * A box: the graph's node, its label, where a user left it (null: the layout places it), and the validation
     * findings in its definition (their count, the worst severity and the first message of that severity), and, for
     * a resource switched to "Use Existing" in the selected environment, the existing one's ARN ("" while the
     * environment names none yet; null: the stack creates it).
     */
    public record CanvasNode(String id, String type, String kind, String label, int line, @Nullable Double x,
                             @Nullable Double y, int findings, @Nullable String severity, @Nullable String finding,
                             @Nullable String existing) {}

    public record CanvasEdge(String id, String from, String to, String kind) {}

    /** An {@code AWS::Composer::Groups} group: a frame around its members. */
    public record CanvasGroup(String id, String label, List<String> members) {}

    /** @param renamed the cards the last edit renamed, old id to new: they stay where the old ones were */
    public record CanvasGraph(List<CanvasNode> nodes, List<CanvasEdge> edges, List<CanvasGroup> groups,
                              Map<String, String> renamed) {}

    /** Where a user dragged a card. */
    public record CardMove(String id, double x, double y) {}

    /** The card a user selected; null when they clicked the empty canvas. */
    public record CardSelection(@Nullable String id) {}

    /** A drag from one card's handle to another card: the user wants them connected. */
    public record CardsConnected(String from, String to) {}

    /** The cards selected now (shift-drag box, ctrl/cmd-click). */
    public record CardsSelected(List<String> ids) {}

    /** The group whose label the user clicked. */
    public record GroupSelection(String id) {}

    public ResourceCanvas() {
        setId("canvas");
    }

    /** Draws the outline's graph, the cards users moved where they left them, its findings on their cards, and the groups. */
    public void show(ProjectOutline outline, List<CanvasGroup> groups, Map<String, String> renamed) {
        show(outline, groups, renamed, Map.of());
    }

    /**
     * As {@link #show(ProjectOutline, List, Map)}, with the resources the selected environment takes as existing ones
     * (resource id to the existing one's ARN, "" when not given yet): drawn apart, with their ARN.
     */
    public void show(ProjectOutline outline, List<CanvasGroup> groups, Map<String, String> renamed,
                     Map<String, String> existing) {
        setState("graph", model(outline, groups, renamed, existing));
    }

    public Registration addCardMovedListener(SerializableConsumer<CardMove> listener) {
        return getElement().addEventListener("card-moved", event -> listener.accept(event.getEventDetail(CardMove.class)))
                .addEventData("event.detail");
    }

    public Registration addCardSelectedListener(SerializableConsumer<CardSelection> listener) {
        return getElement().addEventListener("card-selected",
                event -> listener.accept(event.getEventDetail(CardSelection.class))).addEventData("event.detail");
    }

    public Registration addCardsConnectedListener(SerializableConsumer<CardsConnected> listener) {
        return getElement().addEventListener("cards-connected",
                event -> listener.accept(event.getEventDetail(CardsConnected.class))).addEventData("event.detail");
    }

    public Registration addCardsSelectedListener(SerializableConsumer<CardsSelected> listener) {
        return getElement().addEventListener("cards-selected",
                event -> listener.accept(event.getEventDetail(CardsSelected.class))).addEventData("event.detail");
    }

    public Registration addGroupSelectedListener(SerializableConsumer<GroupSelection> listener) {
        return getElement().addEventListener("group-selected",
                event -> listener.accept(event.getEventDetail(GroupSelection.class))).addEventData("event.detail");
    }

    static CanvasGraph model(ProjectOutline outline, List<CanvasGroup> groups, Map<String, String> renamed) {
        return model(outline, groups, renamed, Map.of());
    }

    static CanvasGraph model(ProjectOutline outline, List<CanvasGroup> groups, Map<String, String> renamed,
                             Map<String, String> existing) {
        ResourceGraph graph = outline.graph();
        Map<String, CardPosition> positions = outline.positions();
        Map<String, List<OutlineFinding>> findings = outline.findings().stream()
                .filter(f -> f.resource() != null)
                .collect(Collectors.groupingBy(f -> Objects.requireNonNull(f.resource())));
        List<CanvasNode> nodes = graph.nodes().stream().map(node -> {
            CardPosition at = positions.get(node.id());
            List<OutlineFinding> found = node.kind().equals(Node.RESOURCE)
                    ? findings.getOrDefault(node.id(), List.of()) : List.of();
            OutlineFinding worst = found.stream().min(Comparator.comparingInt(ResourceCanvas::rank)).orElse(null);
            return new CanvasNode(node.id(), node.type(), node.kind(), label(node), node.line(),
                    at == null ? null : at.x(), at == null ? null : at.y(), found.size(),
                    worst == null ? null : worst.severity(),
                    worst == null ? null : "line " + worst.line() + ": " + worst.message(),
                    node.kind().equals(Node.RESOURCE) ? existing.get(node.id()) : null);
        }).toList();
        // an edge's id is its kind and ends (a second such edge gets a number): stable across edits elsewhere, so the
        // browser keeps the edges that did not change
        List<CanvasEdge> edges = new ArrayList<>();
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (Edge edge : graph.edges()) {
            String key = edge.kind() + ":" + edge.from() + "→" + edge.to();
            int n = seen.merge(key, 1, Integer::sum);
            edges.add(new CanvasEdge(n == 1 ? key : key + "#" + n, edge.from(), edge.to(), edge.kind()));
        }
        return new CanvasGraph(nodes, edges, List.copyOf(groups), Map.copyOf(renamed));
    }

    private static int rank(OutlineFinding finding) {
        return switch (finding.severity()) {
            case "error" -> 0;
            case "warning" -> 1;
            default -> 2;
        };
    }

    /**
     * A resource's or parameter's logical id; an import's name; an ARN's last part (the whole ARN is its id), with the
     * part before when the last is a version number ({@code shared-utils:3} for a layer version, not {@code 3}).
     */
    private static String label(Node node) {
        return switch (node.kind()) {
            case Node.IMPORT -> node.id().substring(node.id().indexOf(':') + 1);
            case Node.EXTERNAL -> {
                String id = node.id();
                int cut = Math.max(id.lastIndexOf(':'), id.lastIndexOf('/'));
                if (cut > 0 && cut < id.length() - 1 && id.substring(cut + 1).chars().allMatch(Character::isDigit)) {
                    cut = Math.max(id.lastIndexOf(':', cut - 1), id.lastIndexOf('/', cut - 1));
                }
                yield cut >= 0 && cut < id.length() - 1 ? id.substring(cut + 1) : id;
            }
            default -> node.id();
        };
    }
}
