package dev.stackdraft.validation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One JSON Schema (draft-04) node, reduced to the keywords that constrain an instance and that the SAM schema
 * uses: {@code $ref}, {@code type}, {@code enum}, {@code pattern}, {@code properties}, {@code required},
 * {@code additionalProperties}, {@code items}, {@code allOf}, {@code anyOf}. Descriptions are dropped on load.
 *
 * @param ref          the name under {@code #/definitions/} this node points to; in draft-04 a {@code $ref}
 *                     replaces every other keyword of its node
 * @param types        the JSON types allowed; empty for any
 * @param additional   the schema for properties outside {@code properties}; {@code null} with
 *                     {@code additionalAllowed} for "anything", {@code null} without it for "none"
 */
record SchemaNode(@Nullable String ref, Set<JsonType> types, @Nullable List<String> enumValues,
                  @Nullable Pattern pattern, Map<String, SchemaNode> properties, List<String> required,
                  boolean additionalAllowed, @Nullable SchemaNode additional, @Nullable SchemaNode items,
                  List<SchemaNode> allOf, List<SchemaNode> anyOf) {

    /** The JSON types of draft-04; {@code integer} is a {@code number} without a fraction. */
    enum JsonType {
        STRING, NUMBER, INTEGER, BOOLEAN, NULL, OBJECT, ARRAY;

        String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    SchemaNode {
        types = Set.copyOf(types);
        enumValues = enumValues == null ? null : List.copyOf(enumValues);
        properties = Map.copyOf(properties);
        required = List.copyOf(required);
        allOf = List.copyOf(allOf);
        anyOf = List.copyOf(anyOf);
    }

    /** Whether a value of type {@code actual} passes this node's {@code type}. */
    boolean allows(JsonType actual) {
        return types.isEmpty() || types.contains(actual) || actual == JsonType.INTEGER && types.contains(JsonType.NUMBER);
    }
}
