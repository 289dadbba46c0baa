package dev.stackdraft.ui.project;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import dev.stackdraft.edit.EditRefusedException;
import dev.stackdraft.edit.RemoveGroup;
import dev.stackdraft.edit.RemoveResource;
import dev.stackdraft.edit.RemoveResourceWithReferences;
import dev.stackdraft.edit.RenameLogicalId;
import dev.stackdraft.edit.SetGroup;
import dev.stackdraft.editing.ReferenceRemoval;
import dev.stackdraft.editing.Removals;
import dev.stackdraft.template.ResourceGroup;
import dev.stackdraft.graph.Node;
import dev.stackdraft.graph.ResourceGraph;
import dev.stackdraft.template.Template;
import dev.stackdraft.ui.Notices;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the user selected on the canvas and what they can do to it. One resource: rename it (every reference
 * follows), delete it (with what refers to it, after the user saw the list), and its properties. Several cards:
 * group them. A group: change its label and members, or remove it (the members stay). Each action is one edit
 * command handed to the editor.
 */
class SelectionPanel extends Composite<Div> {

    private final Edits edits;
    private final Supplier<Template> template;
    private final Function<String, List<Component>> resourcePanels;
    private final Consumer<Selection> reselect;
    private final H3 title = new H3();
    private final Span details = new Span();
    private final Div body = new Div();

    /**
     * @param reselect       selects something else (the group just made from the selected cards)
     * @param resourcePanels what a resource's panel shows above its properties (a function's layers and bootstrap, a
     *                       GraphQL API's resolvers, Use Existing)
     */
    SelectionPanel(Edits edits, Supplier<Template> template, Consumer<Selection> reselect,
                   Function<String, List<Component>> resourcePanels) {
        this.edits = edits;
        this.resourcePanels = resourcePanels;
        this.template = template;
        this.reselect = reselect;
        Div root = getContent();
        root.setId("selection-panel");
        root.addClassNames("panel", "selection-panel");
        title.addClassName("panel-title");
        details.addClassName("import-status");
        root.add(title, details, body);
    }

    /** Shows what is selected; returns the selection as it stands (a card or group that is gone is nothing). */
    Selection show(Selection wanted, ResourceGraph graph, List<ResourceGroup> groups) {
        body.removeAll();
        Selection shown = switch (wanted) {
            case Selection.One one -> graph.nodes().stream().filter(n -> n.id().equals(one.id())).findFirst()
                    .map(node -> {
                        showNode(node);
                        return wanted;
                    }).orElse(Selection.NONE);
            case Selection.Cards cards -> {
                List<String> ids = cards.ids().stream()
                        .filter(id -> graph.nodes().stream().anyMatch(n -> n.id().equals(id) && n.kind().equals(Node.RESOURCE)))
                        .toList();
                if (ids.size() < 2) {
                    yield ids.isEmpty() ? Selection.NONE : show(Selection.of(ids.getFirst()), graph, groups);
                }
                showCards(ids, groups);
                yield Selection.cards(ids);
            }
            case Selection.Group group -> groups.stream().filter(g -> g.id().equals(group.id())).findFirst()
                    .map(g -> {
                        showGroup(g, graph);
                        return wanted;
                    }).orElse(Selection.NONE);
            case Selection.Nothing nothing -> Selection.NONE;
        };
        if (shown instanceof Selection.Nothing) {
            title.setText("Nothing selected");
            details.setText("Select a card to change it. Drag from a card's right edge to another card to connect "
                    + "them; ctrl-click or shift-drag to select several and group them.");
        }
        getContent().getElement().setAttribute("data-selected", switch (shown) {
            case Selection.One one -> one.id();
            case Selection.Cards cards -> String.join(" ", cards.ids());
            case Selection.Group group -> "group:" + group.id();
            case Selection.Nothing nothing -> "";
        });
        return shown;
    }

    private void showNode(Node node) {
        title.setText(node.id());
        if (node.kind().equals(Node.EXTERNAL) && template.get().parameter(node.id()).isPresent()) {
            showReferenced(node);
            return;
        }
        if (!node.kind().equals(Node.RESOURCE)) {
            details.setText(switch (node.kind()) {
                case Node.PARAMETER -> "Parameter · line " + node.line() + ". Change it under Parameters below.";
                case Node.IMPORT -> "A value imported from another stack (Fn::ImportValue).";
                default -> "Outside this stack: " + node.id();
            });
            return;
        }
        details.setText(node.type() + " · line " + node.line());
        TextField newId = new TextField("Logical id");
        newId.setId("selection-rename-field");
        newId.setValue(node.id());
        Button rename = new Button("Rename", click -> {
            String to = newId.getValue().strip();
            if (!to.isEmpty() && !to.equals(node.id())) {
                edits.apply(new RenameLogicalId(node.id(), to));
            }
        });
        rename.setId("selection-rename");
        Button delete = new Button("Delete", click -> delete(node.id()));
        delete.setId("selection-delete");
        delete.addThemeVariants(ButtonVariant.ERROR);
        Div actions = new Div(newId, rename, delete);
        actions.addClassName("filters");
        body.add(actions);
        try {
            resourcePanels.apply(node.id()).forEach(body::add);
            body.add(new PropertyPanel(template.get(), node.id(), edits));
        } catch (EditRefusedException refused) {
            body.add(new Paragraph(refused.getMessage()));
        }
    }

    /**
     * A referenced resource (a parameter holding the ARN of something outside the stack): its ARN, where each
     * environment names its own, and the choice to write the ARN itself where it is used.
     */
    private void showReferenced(Node node) {
        String arn = template.get().parameter(node.id()).flatMap(p -> p.defaultValue()).orElse("");
        details.setText(node.type() + " outside this stack · parameter " + node.id() + " · line " + node.line());
        Paragraph where = new Paragraph(arn);
        where.setId("referenced-arn-shown");
        where.addClassName("layer-written");
        Paragraph how = new Paragraph("Connect it by dragging from or to its card. Each environment can name its own "
                + "under Parameters below (samconfig.toml's parameter_overrides).");
        how.addClassName("import-status");
        Button inline = new Button("Write the ARN where it is used", click ->
                edits.apply(new dev.stackdraft.edit.InlineParameter(node.id())));
        inline.setId("referenced-inline");
        inline.setTooltipText("Replace every !Ref " + node.id() + " with the ARN and take the parameter out");
        Button remove = new Button("Remove", click -> edits.apply(new dev.stackdraft.edit.RemoveSectionEntry(
                "Parameters", node.id())));
        remove.setId("referenced-remove");
        remove.addThemeVariants(ButtonVariant.ERROR);
        Div actions = new Div(inline, remove);
        actions.addClassName("filters");
        body.add(where, how, actions);
    }

    /** Deletes at once when nothing refers to the resource; otherwise shows what would go with it first. */
    private void delete(String id) {
        List<ReferenceRemoval> removals = Removals.of(template.get(), id);
        if (removals.isEmpty()) {
            edits.apply(new RemoveResource(id));
        } else {
            new DeleteDialog(id, removals, () -> edits.apply(new RemoveResourceWithReferences(id))).open();
        }
    }

    private void showCards(List<String> ids, List<ResourceGroup> groups) {
        title.setText(ids.size() + " cards selected");
        details.setText(String.join(", ", ids));
        TextField label = new TextField("Group label");
        label.setId("group-label");
        label.setPlaceholder("e.g. Orders");
        Button group = new Button("Group them", click -> {
            String text = label.getValue().strip();
            if (text.isEmpty()) {
                Notices.error("Give the group a label first.");
                return;
            }
            String id = groupId(text, groups);
            if (edits.apply(new SetGroup(id, text, ids))) {
                reselect.accept(new Selection.Group(id));
            }
        });
        group.setId("group-create");
        Div actions = new Div(label, group);
        actions.addClassName("filters");
        body.add(actions);
    }

    private void showGroup(ResourceGroup group, ResourceGraph graph) {
        title.setText(group.label());
        details.setText("Group " + group.id() + " (AWS::Composer::Groups) · " + group.members().size() + " members");
        TextField label = new TextField("Group label");
        label.setId("group-label");
        label.setValue(group.label());
        MultiSelectComboBox<String> members = new MultiSelectComboBox<>("Members");
        members.setId("group-members");
        members.setWidthFull();
        LinkedHashSet<String> choices = new LinkedHashSet<>(group.members());
        graph.nodes().stream().filter(n -> n.kind().equals(Node.RESOURCE)).map(Node::id).forEach(choices::add);
        members.setItems(new ArrayList<>(choices));
        members.setValue(new LinkedHashSet<>(group.members()));
        Button save = new Button("Save group", click -> {
            List<String> chosen = group.members().stream().filter(members.getValue()::contains).toList();
            List<String> added = members.getValue().stream().filter(m -> !group.members().contains(m)).sorted().toList();
            List<String> all = new ArrayList<>(chosen);
            all.addAll(added);
            if (all.isEmpty()) {
                edits.apply(new RemoveGroup(group.id()));
            } else {
                edits.apply(new SetGroup(group.id(), Optional.of(label.getValue().strip()).filter(s -> !s.isEmpty())
                        .orElse(group.label()), all));
            }
        });
        save.setId("group-save");
        Button remove = new Button("Remove group", click -> edits.apply(new RemoveGroup(group.id())));
        remove.setId("group-remove");
        remove.addThemeVariants(ButtonVariant.ERROR);
        Div actions = new Div(label, members, save, remove);
        actions.addClassName("filters");
        body.add(actions);
    }

    /** A new group's id from its label, as Infrastructure Composer makes them (letters and digits), not yet taken. */
    static String groupId(String label, List<ResourceGroup> groups) {
        String base = label.replaceAll("[^A-Za-z0-9]", "");
        base = base.isEmpty() ? "Group" : base;
        String id = base;
        for (int n = 2; taken(id, groups); n++) {
            id = base + n;
        }
        return id;
    }

    private static boolean taken(String id, List<ResourceGroup> groups) {
        return groups.stream().anyMatch(g -> g.id().equals(id));
    }
}
