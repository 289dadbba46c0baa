package dev.stackdraft.ui.project;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import dev.stackdraft.edit.AddResource;
import dev.stackdraft.editing.ResourceTypes;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Adds a resource: the SAM types and common services first, then any of the CloudFormation types by search, with a
 * logical id the template does not use yet. One edit command per click.
 */
class Palette extends Composite<Div> {

    private static final List<String> TYPES = ResourceTypes.forPalette();
    private static final String STARTER_SCHEMA = """
            type Item {
              id: ID!
              name: String
            }

            type Query {
              getItem(id: ID!): Item
            }

            type Mutation {
              putItem(id: ID!, name: String): Item
            }

            schema {
              query: Query
              mutation: Mutation
            }
            """;

    Palette(Supplier<Set<String>> takenIds, Edits edit) {
        ComboBox<String> type = new ComboBox<>("Resource type");
        type.setId("palette-type");
        type.setItems(TYPES);
        type.setPlaceholder("Search " + String.format("%,d", TYPES.size()) + " types");
        type.setWidthFull();
        TextField id = new TextField("Logical id");
        id.setId("palette-id");
        id.setWidthFull();
        type.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                id.setValue(ResourceTypes.newId(change.getValue(), takenIds.get()));
            }
        });
        Button add = new Button("Add", VaadinIcon.PLUS.create());
        add.setId("palette-add");
        add.addClickListener(click -> {
            if (type.getValue() != null && !id.getValue().isBlank()) {
                String newId = id.getValue().strip();
                // a new GraphQL API is written as SAM writes it, with a schema to start from and a key to call it with
                edit.apply(type.getValue().equals("AWS::Serverless::GraphQLApi")
                        ? new dev.stackdraft.appsync.NewGraphQlApi(newId, newId, STARTER_SCHEMA)
                        : new AddResource(newId, type.getValue(), List.of()));
                id.setValue(ResourceTypes.newId(type.getValue(), takenIds.get()));
            }
        });
        H3 title = new H3("Add a resource");
        title.addClassName("panel-title");
        getContent().setId("palette");
        getContent().addClassNames("panel", "palette");
        getContent().add(title, type, id, add, referenced(edit));
    }

    /**
     * A referenced resource: something outside the stack given by its ARN (an existing topic, a central function),
     * written as a parameter, drawn outside the stack and connected like any card.
     */
    private static Div referenced(Edits edit) {
        TextField name = new TextField("Name");
        name.setId("referenced-name");
        name.setWidthFull();
        name.setPlaceholder("AlertsTopic");
        TextField arn = new TextField("ARN of an existing resource");
        arn.setId("referenced-arn");
        arn.setWidthFull();
        arn.setPlaceholder("arn:aws:sns:eu-west-1:123456789012:alerts");
        Button add = new Button("Reference it", VaadinIcon.LINK.create());
        add.setId("referenced-add");
        add.addClickListener(click -> {
            if (name.getValue().isBlank() || arn.getValue().isBlank()) {
                dev.stackdraft.ui.Notices.error("Give the referenced resource a name and its ARN.");
                return;
            }
            if (edit.apply(new dev.stackdraft.edit.AddReferencedResource(name.getValue().strip(), arn.getValue().strip()))) {
                name.clear();
                arn.clear();
            }
        });
        H3 title = new H3("Reference an existing resource");
        title.addClassName("panel-title");
        Div box = new Div(title, name, arn, add);
        box.addClassName("referenced-add");
        return box;
    }
}
