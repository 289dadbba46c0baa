package dev.stackdraft.ui.project;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.edit.EditRefusedException;
import dev.stackdraft.edit.RenameLogicalId;
import dev.stackdraft.editing.EditingSession;
import dev.stackdraft.graph.Node;
import dev.stackdraft.project.CardPosition;
import dev.stackdraft.project.ProjectOutline;
import dev.stackdraft.project.ProjectOutlines;
import dev.stackdraft.ui.Notices;
import dev.stackdraft.ui.canvas.ResourceCanvas;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The editor of one project: a toolbar (undo, redo, the pending changes, commit), the canvas, the palette, the panel
 * of the selected card, and the outline. Every change is an edit command applied to the server-side
 * {@link EditingSession}; the canvas and the outline are then drawn again from the rebuilt graph.
 */
class ProjectEditor extends Composite<Div> {

    private final EditingSession session;
    private final ProjectOutlines outlines;
    private final Map<String, CardPosition> positions;
    private final ResourceCanvas canvas = new ResourceCanvas();
    private final SelectionPanel selection = new SelectionPanel(this::apply);
    private final Button undo = new Button("Undo", VaadinIcon.ARROW_BACKWARD.create());
    private final Button redo = new Button("Redo", VaadinIcon.ARROW_FORWARD.create());
    private final Span pending = new Span();
    private final Button commit = new Button("Commit…");
    private final Div outlineHolder = new Div();
    private ProjectOutline outline;
    private @Nullable String selected;

    ProjectEditor(EditingSession session, ProjectOutlines outlines, Map<String, CardPosition> positions,
                  Consumer<ResourceCanvas.CardMove> keepCard, Runnable openCommit) {
        this.session = session;
        this.outlines = outlines;
        this.positions = new HashMap<>(positions);
        this.outline = outlines.of(session.current(), this.positions);

        undo.setId("edit-undo");
        undo.addClickListener(click -> {
            session.undo();
            redraw();
        });
        undo.addClickShortcut(Key.KEY_Z, KeyModifier.CONTROL);
        redo.setId("edit-redo");
        redo.addClickListener(click -> {
            session.redo();
            redraw();
        });
        redo.addClickShortcut(Key.KEY_Z, KeyModifier.CONTROL, KeyModifier.SHIFT);
        pending.setId("edit-pending");
        pending.addClassName("import-status");
        commit.setId("edit-commit");
        commit.addThemeVariants(ButtonVariant.PRIMARY);
        commit.addClickListener(click -> openCommit.run());
        Div toolbar = new Div(undo, redo, pending, commit);
        toolbar.setId("edit-toolbar");
        toolbar.addClassNames("panel", "edit-toolbar");

        canvas.addCardMovedListener(move -> {
            this.positions.put(move.id(), new CardPosition(move.x(), move.y()));
            keepCard.accept(move);
        });
        canvas.addCardSelectedListener(chosen -> select(chosen.id()));

        Palette palette = new Palette(() -> outline.graph().nodes().stream().map(Node::id).collect(Collectors.toSet()),
                this::apply);
        Div side = new Div(palette, selection);
        side.addClassName("side");
        Div workspace = new Div(canvas, side);
        workspace.addClassName("workspace");
        getContent().addClassName("project-editor");
        getContent().add(toolbar, workspace, outlineHolder);
        redraw();
    }

    EditingSession session() {
        return session;
    }

    /** Applies one edit; a refusal is said in a sentence with its place, and changes nothing. */
    private void apply(EditCommand command) {
        try {
            session.apply(command);
        } catch (EditRefusedException refused) {
            Notices.error(refused.getMessage());
            return;
        }
        if (command instanceof RenameLogicalId rename && rename.from().equals(selected)) {
            selected = rename.to();
        }
        redraw();
    }

    private void redraw() {
        outline = outlines.of(session.current(), positions);
        canvas.show(outline.graph(), positions);
        outlineHolder.removeAll();
        outlineHolder.add(new OutlinePanel(outline));
        undo.setEnabled(session.canUndo());
        redo.setEnabled(session.canRedo());
        commit.setEnabled(session.canUndo());
        int count = session.pending().size();
        pending.setText(count == 0 ? "No changes yet" : count == 1 ? "1 change: " + session.pending().getFirst()
                : count + " changes: " + String.join("; ", session.pending()));
        pending.getElement().setAttribute("data-count", Integer.toString(count));
        select(selected);
    }

    private void select(@Nullable String nodeId) {
        Optional<Node> node = nodeId == null ? Optional.empty()
                : outline.graph().nodes().stream().filter(n -> n.id().equals(nodeId)).findFirst();
        selected = node.map(Node::id).orElse(null);
        selection.show(node.orElse(null));
    }
}
