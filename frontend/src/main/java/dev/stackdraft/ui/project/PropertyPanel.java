package dev.stackdraft.ui.project;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.stackdraft.catalog.PropertySchema;
import dev.stackdraft.edit.EditRefusedException;
import dev.stackdraft.editing.FieldValue;
import dev.stackdraft.editing.PropertyField;
import dev.stackdraft.editing.PropertyForms;
import dev.stackdraft.template.Template;
import dev.stackdraft.ui.Notices;
import java.util.List;

/**
 * The properties of one resource as a form made from the CloudFormation provider schemas and the SAM schema: each
 * set property with its type, enum values, whether it is required, its description and a link to its page in the
 * docs; a plain value in a text field (a list to pick from for enums and booleans); an intrinsic function
 * ({@code !Ref}, {@code !Sub} ...) as the YAML it is written in, marked with its function; a mapping or list as YAML.
 * Properties not set yet are added from a list. A changed field becomes one edit command when the user leaves it.
 */
class PropertyPanel extends Composite<Div> {

    private final Template template;
    private final String resource;
    private final Edits edits;
    private final Div fields = new Div();

    /** @throws EditRefusedException when the resource is not in the template */
    PropertyPanel(Template template, String resource, Edits edits) {
        this.template = template;
        this.resource = resource;
        this.edits = edits;
        List<PropertyField> all = PropertyForms.of(template, resource);
        Div root = getContent();
        root.setId("property-panel");
        root.addClassName("property-panel");
        fields.addClassName("property-fields");
        H4 heading = new H4("Properties");
        heading.addClassName("panel-title");
        root.add(heading, fields);

        List<PropertyField> unset = all.stream().filter(f -> f.value() instanceof FieldValue.Absent).toList();
        all.stream().filter(f -> !(f.value() instanceof FieldValue.Absent) || f.schema().required())
                .forEach(f -> fields.add(row(f)));
        if (!unset.isEmpty()) {
            ComboBox<PropertyField> add = new ComboBox<>("Add a property");
            add.setId("property-add");
            add.setWidthFull();
            add.setItems(unset.stream().filter(f -> !f.schema().required()).toList());
            add.setItemLabelGenerator(f -> f.name() + " · " + f.schema().valueType());
            add.addValueChangeListener(chosen -> {
                if (chosen.getValue() != null) {
                    Component row = row(chosen.getValue());
                    fields.add(row);
                    add.clear();
                    row.getChildren().filter(c -> c instanceof com.vaadin.flow.component.Focusable<?>).findFirst()
                            .ifPresent(c -> ((com.vaadin.flow.component.Focusable<?>) c).focus());
                }
            });
            root.add(add);
        }
    }

    private Component row(PropertyField field) {
        PropertySchema schema = field.schema();
        Component editor = editor(field);
        Div row = new Div();
        row.addClassName("property-row");
        row.getElement().setAttribute("data-property", field.name());
        row.getElement().setAttribute("data-value-kind", kind(field.value()));
        if (field.value() instanceof FieldValue.Intrinsic intrinsic) {
            Span fn = new Span(shortName(intrinsic.function()));
            fn.addClassNames("pill", "neutral", "intrinsic");
            fn.getElement().setAttribute("title", "An intrinsic function, kept as written: edit it as YAML");
            row.add(fn);
        }
        row.add(editor);
        if (schema.docsUrl() != null) {
            Anchor docs = new Anchor(schema.docsUrl(), "docs");
            docs.setTarget(AnchorTarget.BLANK);
            docs.addClassName("docs-link");
            row.add(docs);
        }
        return row;
    }

    private Component editor(PropertyField field) {
        PropertySchema schema = field.schema();
        String label = field.name() + (schema.required() ? " *" : "");
        String original = switch (field.value()) {
            case FieldValue.Absent absent -> "";
            case FieldValue.Scalar scalar -> scalar.text();
            case FieldValue.Intrinsic intrinsic -> intrinsic.yaml();
            case FieldValue.Yaml yaml -> yaml.yaml();
        };
        boolean structured = field.value() instanceof FieldValue.Intrinsic || field.value() instanceof FieldValue.Yaml
                || (field.value() instanceof FieldValue.Absent
                && (schema.valueType().startsWith("object") || schema.valueType().startsWith("array")));
        AbstractField<?, String> editor;
        if (structured) {
            TextArea area = new TextArea(label);
            area.addClassName("yaml-field");
            area.setHelperText(help(schema, "YAML: intrinsic functions as !Ref, !Sub, !GetAtt …"));
            editor = area;
        } else if (!schema.enumValues().isEmpty() || schema.valueType().equals("boolean")) {
            ComboBox<String> choice = new ComboBox<>(label);
            List<String> values = schema.enumValues().isEmpty() ? List.of("true", "false") : schema.enumValues();
            choice.setItems(values);
            choice.setAllowCustomValue(true); // a value the schema does not list yet, or an intrinsic typed in
            choice.addCustomValueSetListener(typed -> choice.setValue(typed.getDetail()));
            choice.setHelperText(help(schema, ""));
            editor = choice;
        } else {
            TextField text = new TextField(label);
            text.setHelperText(help(schema, ""));
            editor = text;
        }
        editor.setId("property-" + field.name());
        ((HasValue<?, String>) editor).setValue(original);
        ((com.vaadin.flow.component.HasSize) editor).setWidthFull();
        editor.addValueChangeListener(change -> {
            if (!change.isFromClient()) {
                return;
            }
            String input = change.getValue() == null ? "" : change.getValue();
            if (input.strip().equals(original.strip())) {
                return;
            }
            try {
                edits.apply(PropertyForms.set(template, resource, field.name(), input));
            } catch (EditRefusedException refused) {
                Notices.error(field.name() + ": " + refused.getMessage());
            }
        });
        return editor;
    }

    private static String help(PropertySchema schema, String more) {
        String type = schema.valueType() + (schema.itemType() != null ? " of " + schema.itemType() : "");
        String description = schema.description().isBlank() ? "" : " — " + schema.description();
        return type + description + (more.isEmpty() ? "" : " (" + more + ")");
    }

    private static String kind(FieldValue value) {
        return switch (value) {
            case FieldValue.Absent absent -> "absent";
            case FieldValue.Scalar scalar -> "scalar";
            case FieldValue.Intrinsic intrinsic -> "intrinsic";
            case FieldValue.Yaml yaml -> "yaml";
        };
    }

    /** {@code Fn::GetAtt} → {@code !GetAtt}, {@code Ref} → {@code !Ref}: how YAML users know them. */
    private static String shortName(String function) {
        return "!" + (function.startsWith("Fn::") ? function.substring(4) : function);
    }
}
