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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** A box: the graph's node, its label, and where a user left it (null: the layout places it). */
    public record CanvasNode(String id, String type, String kind, String label, int line, @Nullable Double x,
                             @Nullable Double y) {}

    public record CanvasEdge(String id, String from, String to, String kind) {}

    public record CanvasGraph(List<CanvasNode> nodes, List<CanvasEdge> edges) {}

    /** Where a user dragged a card. */
    public record CardMove(String id, double x, double y) {}

    /** The card a user selected; null when they clicked the empty canvas. */
    public record CardSelection(@Nullable String id) {}

    public ResourceCanvas() {
        setId("canvas");
    }

    /** Draws the graph, with the cards users moved where they left them. */
    public void show(ResourceGraph graph, Map<String, CardPosition> positions) {
        setState("graph", model(graph, positions));
    }

    public Registration addCardMovedListener(SerializableConsumer<CardMove> listener) {
        return getElement().addEventListener("card-moved", event -> listener.accept(event.getEventDetail(CardMove.class)))
                .addEventData("event.detail");
    }

    public Registration addCardSelectedListener(SerializableConsumer<CardSelection> listener) {
        return getElement().addEventListener("card-selected",
                event -> listener.accept(event.getEventDetail(CardSelection.class))).addEventData("event.detail");
    }

    static CanvasGraph model(ResourceGraph graph, Map<String, CardPosition> positions) {
        List<CanvasNode> nodes = graph.nodes().stream().map(node -> {
            CardPosition at = positions.get(node.id());
            return new CanvasNode(node.id(), node.type(), node.kind(), label(node), node.line(),
                    at == null ? null : at.x(), at == null ? null : at.y());
        }).toList();
        List<CanvasEdge> edges = new ArrayList<>();
        for (int i = 0; i < graph.edges().size(); i++) {
            Edge edge = graph.edges().get(i);
            edges.add(new CanvasEdge(edge.kind() + ":" + edge.from() + "→" + edge.to() + "#" + i, edge.from(), edge.to(),
                    edge.kind()));
        }
        return new CanvasGraph(nodes, edges);
    }

    /** A resource's or parameter's logical id; an import's name; an ARN's last part (the whole ARN is its id). */
    private static String label(Node node) {
        return switch (node.kind()) {
            case Node.IMPORT -> node.id().substring(node.id().indexOf(':') + 1);
            case Node.EXTERNAL -> {
                int cut = Math.max(node.id().lastIndexOf(':'), node.id().lastIndexOf('/'));
                yield cut >= 0 && cut < node.id().length() - 1 ? node.id().substring(cut + 1) : node.id();
            }
            default -> node.id();
        };
    }
}
