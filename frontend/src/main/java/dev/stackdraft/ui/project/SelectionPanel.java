package dev.stackdraft.ui.project;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.edit.RemoveResource;
import dev.stackdraft.edit.RenameLogicalId;
import dev.stackdraft.graph.Node;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What the user selected on the canvas, and what they can do to it: rename a resource (every reference follows) or
 * delete it (refused with the reason while something refers to it). Each action is one edit command handed over.
 */
class SelectionPanel extends Composite<Div> {

    private final Consumer<EditCommand> edit;
    private final H3 title = new H3();
    private final Span details = new Span();
    private final TextField newId = new TextField("Logical id");
    private final Button rename = new Button("Rename");
    private final Button delete = new Button("Delete");
    private @Nullable Node selected;

    SelectionPanel(Consumer<EditCommand> edit) {
        this.edit = edit;
        Div root = getContent();
        root.setId("selection-panel");
        root.addClassNames("panel", "selection-panel");
        title.addClassName("panel-title");
        details.addClassName("import-status");
        newId.setId("selection-rename-field");
        rename.setId("selection-rename");
        rename.addClickListener(click -> {
            if (selected != null && !newId.getValue().isBlank() && !newId.getValue().strip().equals(selected.id())) {
                edit.accept(new RenameLogicalId(selected.id(), newId.getValue().strip()));
            }
        });
        delete.setId("selection-delete");
        delete.addThemeVariants(ButtonVariant.ERROR);
        delete.addClickListener(click -> {
            if (selected != null) {
                edit.accept(new RemoveResource(selected.id()));
            }
        });
        Div actions = new Div(newId, rename, delete);
        actions.addClassName("filters");
        root.add(title, details, actions);
        show(null);
    }

    /** Shows the selected node (null: nothing selected). */
    void show(@Nullable Node node) {
        selected = node;
        boolean resource = node != null && node.kind().equals(Node.RESOURCE);
        title.setText(node == null ? "Nothing selected" : node.id());
        details.setText(node == null ? "Select a card to change it." : node.type() + " · line " + node.line());
        newId.setValue(node == null ? "" : node.id());
        newId.setVisible(resource);
        rename.setVisible(resource);
        delete.setVisible(resource);
        getContent().getElement().setAttribute("data-selected", node == null ? "" : node.id());
    }
}
