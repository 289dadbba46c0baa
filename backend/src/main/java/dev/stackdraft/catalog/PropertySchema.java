package dev.stackdraft.catalog;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a property form needs to know about one top-level property of a resource type, as the CloudFormation
 * provider schemas and the SAM schema say it.
 *
 * @param name        the property name, e.g. {@code DelaySeconds}
 * @param valueType   {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code array} or
 *                    {@code object}; a union of them joined by {@code |} in that order ({@code string|object});
 *                    {@code any} where the schema does not say; {@code unknown} for a property the schema does not
 *                    know at all (only made outside the catalog, for properties a template sets anyway)
 * @param enumValues  the values the property takes, or for an array the values its items take; empty when free
 * @param itemType    for an array (or a union with {@code array}): the type of its items, same vocabulary;
 *                    null otherwise
 * @param required    whether the schema always requires it
 * @param description one or two sentences, plain text (links and markup taken out); may be empty
 * @param docsUrl     the property on the AWS documentation pages, if there is one
 */
public record PropertySchema(String name, String valueType, List<String> enumValues, @Nullable String itemType,
                             boolean required, String description, @Nullable String docsUrl) {

    public PropertySchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(description, "description");
        enumValues = List.copyOf(enumValues);
    }

    /** A property the schema does not know, set in a template all the same. */
    public static PropertySchema unknown(String name) {
        return new PropertySchema(name, "unknown", List.of(), null, false, "", null);
    }

    /** Whether a value of this type may be (or, for a union, include) {@code type}. */
    public boolean admits(String type) {
        if (valueType.equals("any") || valueType.equals("unknown")) {
            return true;
        }
        for (String member : valueType.split("\\|")) {
            if (member.equals(type)) {
                return true;
            }
        }
        return false;
    }
}
