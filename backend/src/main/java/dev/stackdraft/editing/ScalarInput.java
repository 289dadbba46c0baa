package dev.stackdraft.editing;

import dev.stackdraft.catalog.PropertySchema;
import dev.stackdraft.edit.EditRefusedException;
import dev.stackdraft.template.SourceLocation;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.ScalarKind;
import dev.stackdraft.template.Value.ScalarStyle;
import dev.stackdraft.template.Span;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a plain value typed into a field means, by the property's schema type: {@code 0123} for a string property stays
 * the string "0123", {@code true} for a string property the string "true"; a number property takes a number. The writer
 * then quotes the value as the file quotes and as its kind needs.
 */
final class ScalarInput {

    private static final Pattern INTEGER = Pattern.compile("[-+]?(?:[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)");
    private static final Pattern NUMBER = Pattern.compile(
            "[-+]?(?:[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)");
    private static final Set<String> BOOLEANS = Set.of("true", "True", "TRUE", "false", "False", "FALSE");

    private ScalarInput() {}

    /** How a scalar of the file is typed, for {@link FieldValue.Scalar#yamlType()}. */
    static String yamlType(Scalar scalar) {
        return switch (scalar.kind()) {
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case NUMBER -> INTEGER.matcher(scalar.text()).matches() ? "integer" : "number";
        };
    }

    /**
     * The value {@code input} stands for in a field of this schema whose value is {@code existing} (null when unset).
     *
     * @throws EditRefusedException when the schema takes a number or a boolean and the input is none
     */
    static Scalar of(PropertySchema schema, @Nullable Scalar existing, String input) {
        String text = input.contains("\n") ? input : input.strip();
        boolean string = schema.admits("string");
        boolean integer = schema.admits("integer");
        boolean number = schema.admits("number");
        boolean bool = schema.admits("boolean");
        if (schema.valueType().equals("unknown") || schema.valueType().equals("any")) {
            // no schema to go by: a string stays a string, anything else is what YAML makes of it
            return existing != null && existing.kind() == ScalarKind.STRING ? Value.string(text) : Value.plain(text);
        }
        if (existing != null && existing.kind() == ScalarKind.NUMBER && (integer || number) && fits(text, ScalarKind.NUMBER, integer, number)
                || existing != null && existing.kind() == ScalarKind.BOOLEAN && bool && BOOLEANS.contains(text)) {
            return scalar(text, existing.kind());
        }
        if (string) {
            return Value.string(text);
        }
        if ((integer || number) && fits(text, ScalarKind.NUMBER, integer, number)) {
            return scalar(text, ScalarKind.NUMBER);
        }
        if (bool && BOOLEANS.contains(text)) {
            return scalar(text, ScalarKind.BOOLEAN);
        }
        String wants = integer && !number ? "a whole number" : integer || number ? "a number" : bool ? "true or false"
                : "a " + schema.valueType().replace("|", " or ");
        throw new EditRefusedException(new SourceLocation("value of " + schema.name(), 1, 1),
                schema.name() + " takes " + wants + ", not '" + text + "'",
                "type " + wants + ", or a YAML value such as !Ref SomeParameter");
    }

    private static boolean fits(String text, ScalarKind kind, boolean integer, boolean number) {
        return kind == ScalarKind.NUMBER && (number ? NUMBER.matcher(text).matches() : integer && INTEGER.matcher(text).matches());
    }

    private static Scalar scalar(String text, ScalarKind kind) {
        return new Scalar(text, kind, ScalarStyle.PLAIN, Span.NONE);
    }
}
