package dev.stackdraft.editing;

import dev.stackdraft.catalog.PropertySchema;
import dev.stackdraft.catalog.ResourceCatalog;
import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.edit.EditRefusedException;
import dev.stackdraft.edit.RemoveProperty;
import dev.stackdraft.edit.SetProperty;
import dev.stackdraft.edit.UpdateProperty;
import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.Plain;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.SourceLocation;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.ScalarStyle;
import dev.stackdraft.template.Value.Tagged;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The property form of one resource, built from the catalog's property schemas (for serverless.yml functions, the
 * framework's documented keys), and what a value typed into it means as an edit command.
 *
 * <p>Values round-trip: a field submitted as the form showed it writes nothing. Intrinsic functions and collections
 * are edited as YAML and written in the file's own form; a changed part of them changes only that part.
 */
public final class PropertyForms {

    private PropertyForms() {}

    /**
     * Every property the schema knows (those the resource sets with their values), then the ones the resource sets
     * that the schema does not know (with schema type {@code unknown}), in schema order: required first, then by name;
     * the unknown ones in file order.
     *
     * @throws EditRefusedException when the template has no such resource
     */
    public static List<PropertyField> of(Template template, String resourceId) {
        Resource resource = resource(template, resourceId);
        Map<String, Entry> set = setProperties(resource);
        List<PropertyField> fields = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (PropertySchema schema : schemas(template, resource)) {
            known.add(schema.name());
            Entry entry = set.get(schema.name());
            fields.add(new PropertyField(schema.name(), schema, entry == null ? new FieldValue.Absent() : value(template, entry)));
        }
        set.forEach((name, entry) -> {
            if (!known.contains(name)) {
                fields.add(new PropertyField(name, PropertySchema.unknown(name), value(template, entry)));
            }
        });
        return fields;
    }

    /**
     * The command for what the user typed into a field: for a plain field a plain value (typed by the schema, so the
     * string "0123" stays a string); for a function or a collection, or a value starting with a tag ({@code !Ref X}),
     * a piece of YAML. Blank input removes the property. A value that means what the file has writes nothing.
     *
     * @throws EditRefusedException for a missing resource, or YAML that does not parse (its message says the line and
     *                              column within the typed value and what is wrong), or a value the type cannot take
     */
    public static EditCommand set(Template template, String resourceId, String property, String input) {
        Resource resource = resource(template, resourceId);
        PropertySchema schema = schemas(template, resource).stream().filter(s -> s.name().equals(property)).findFirst()
                .orElse(PropertySchema.unknown(property));
        List<String> path = List.of(property);
        Optional<Entry> entry = resource.properties().flatMap(p -> p.entry(property));
        Optional<Value> existing = entry.map(Entry::value);
        if (entry.isPresent() && shownAs(template, entry.get()).equals(input) || entry.isEmpty() && input.isBlank()) {
            // submitted as the form showed it: nothing to write (not even read back, so a file's own oddities pass)
            return new Unchanged(property + " of " + resourceId);
        }
        if (input.isBlank()) {
            return new RemoveProperty(resourceId, path);
        }
        if (existing.isEmpty() || existing.get() instanceof Scalar) {
            Scalar current = (Scalar) existing.orElse(null);
            Optional<Value> fragment = fragment(schema, property, input);
            return new SetProperty(resourceId, path, fragment.isPresent() ? fragment.get() : ScalarInput.of(schema, current, input));
        }
        Value value = Fragments.read(property, input);
        if (value instanceof Scalar typed && typed.style() == ScalarStyle.PLAIN && isScalarType(schema)) {
            value = ScalarInput.of(schema, null, input); // a function replaced by a plain value: typed by the schema
        }
        if (Plain.of(value).equals(Plain.of(existing.get()))) {
            return new Unchanged(property + " of " + resourceId);
        }
        return new UpdateProperty(resourceId, path, value);
    }

    /**
     * What a plain field's input is when it is YAML: a tag ({@code !Ref X}), a function in long form
     * ({@code {"Ref": "X"}}), or, for a property that takes a collection, a collection. Empty: a plain value.
     */
    private static Optional<Value> fragment(PropertySchema schema, String property, String input) {
        String text = input.strip();
        if (!isScalarType(schema)) {
            return Optional.of(Fragments.read(property, input));
        }
        if (text.startsWith("!")) {
            Value value = Fragments.read(property, input);
            // "!important" in a text field is text: only a function (or a tag where no text goes) is YAML here
            return value instanceof Tagged && schema.admits("string") ? Optional.empty() : Optional.of(value);
        }
        if (text.startsWith("{") || text.startsWith("[")) {
            try {
                Value value = Fragments.read(property, input);
                if (value instanceof Intrinsic || schema.admits("object") || schema.admits("array")) {
                    return Optional.of(value);
                }
            } catch (EditRefusedException e) {
                if (!schema.admits("string")) {
                    throw e;
                }
            }
        }
        return Optional.empty();
    }

    /** The text a field shows for an entry. */
    private static String shownAs(Template template, Entry entry) {
        return switch (value(template, entry)) {
            case FieldValue.Scalar s -> s.text();
            case FieldValue.Intrinsic i -> i.yaml();
            case FieldValue.Yaml y -> y.yaml();
            case FieldValue.Absent a -> "";
        };
    }

    private static boolean isScalarType(PropertySchema schema) {
        return schema.admits("string") || schema.admits("integer") || schema.admits("number") || schema.admits("boolean");
    }

    private static FieldValue value(Template template, Entry entry) {
        return switch (entry.value()) {
            case Scalar s -> new FieldValue.Scalar(s.text(), ScalarInput.yamlType(s));
            case Intrinsic fn -> new FieldValue.Intrinsic(fn.fn().longName(), Fragments.text(template, entry));
            default -> new FieldValue.Yaml(Fragments.text(template, entry));
        };
    }

    /** The entries the resource sets, by name; where a key repeats, the last one, as readers do. */
    private static Map<String, Entry> setProperties(Resource resource) {
        Map<String, Entry> set = new LinkedHashMap<>();
        resource.properties().ifPresent(properties -> {
            for (Entry entry : properties.entries()) {
                set.remove(entry.name());
                set.put(entry.name(), entry);
            }
        });
        return set;
    }

    private static List<PropertySchema> schemas(Template template, Resource resource) {
        if (template.dialect() == Dialect.SERVERLESS && resource.type().equals(ResourceType.SERVERLESS_FUNCTION)) {
            return ServerlessFunctionKeys.schemas();
        }
        return ResourceCatalog.bundled().propertySchemas(resource.type().value());
    }

    private static Resource resource(Template template, String id) {
        return template.resource(id).orElseThrow(() -> new EditRefusedException(new SourceLocation(template.file(), 1, 1),
                "there is no resource '" + id + "'", "resources here: " + String.join(", ",
                template.resources().stream().map(r -> r.id().value()).toList())));
    }
}
