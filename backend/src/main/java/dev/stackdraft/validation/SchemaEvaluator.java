package dev.stackdraft.validation;

import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Span;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import dev.stackdraft.template.Value.Tagged;
import dev.stackdraft.validation.SchemaError.Kind;
import dev.stackdraft.validation.SchemaNode.JsonType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Checks a {@link Value} against a {@link SchemaNode} as draft-04 would check its JSON form, where an intrinsic
 * function is the one-key object of its long form ({@code {"Fn::Sub": ...}}) and a value under an unknown tag
 * passes anything. One leniency: where the schema wants a string, number, boolean or list and no fixed set of
 * values, an intrinsic function passes, as it resolves to one at deploy time (the SAM translator passes such
 * values through; the schema says {@code type: string} for many of them). Working on the values themselves
 * keeps every error's position exact.
 *
 * <p>Where every branch of an {@code anyOf} fails, one explanation is kept, not all of them: branches whose
 * one-value {@code enum} on a direct property (SAM's event {@code Type}) does not match are set aside, and so are
 * branches of another JSON type; of the rest, the branch with the fewest errors speaks. If none is left, a single
 * error lists what the discriminating property or the type could have been.
 */
final class SchemaEvaluator {

    private final SamSchema schema;
    private final boolean lenient;

    SchemaEvaluator(SamSchema schema) {
        this(schema, true);
    }

    /** @param lenient whether intrinsic functions pass where a computed value fits (see above); tests turn it off */
    SchemaEvaluator(SamSchema schema, boolean lenient) {
        this.schema = schema;
        this.lenient = lenient;
    }

    /**
     * @param anchor where to report what the value as a whole lacks: usually the key it stands under
     */
    List<SchemaError> evaluate(SchemaNode node, Value value, DocPath path, Span anchor) {
        List<SchemaError> errors = new ArrayList<>();
        check(node, value, path, anchor, errors);
        return errors;
    }

    static @Nullable JsonType typeOf(Value value) {
        return switch (value) {
            case Scalar s -> switch (s.kind()) {
                case STRING -> JsonType.STRING;
                case BOOLEAN -> JsonType.BOOLEAN;
                case NULL -> JsonType.NULL;
                case NUMBER -> isInteger(s.text()) ? JsonType.INTEGER : JsonType.NUMBER;
            };
            case Sequence seq -> JsonType.ARRAY;
            case Mapping m -> JsonType.OBJECT;
            case Intrinsic fn -> JsonType.OBJECT;
            case Tagged t -> null;
        };
    }

    private static boolean isInteger(String text) {
        String digits = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        return !digits.isEmpty() && digits.chars().allMatch(Character::isDigit)
                || digits.startsWith("0x") || digits.startsWith("0o");
    }

    private void check(SchemaNode declared, Value value, DocPath path, Span anchor, List<SchemaError> out) {
        SchemaNode node = schema.resolve(declared);
        JsonType type = typeOf(value);
        if (type == null) {
            return;
        }
        if (!node.allows(type)) {
            if (lenient && value instanceof Intrinsic && node.enumValues() == null) {
                return; // resolves at deploy time to whatever the place needs; only literal-only places (enums) object
            }
            out.add(new SchemaError(Kind.TYPE, path, value.span(), type.jsonName(),
                    node.types().stream().map(JsonType::jsonName).sorted().toList()));
            return;
        }
        if (node.enumValues() != null && !(value instanceof Scalar s && type == JsonType.STRING
                && node.enumValues().contains(s.text()))) {
            out.add(new SchemaError(Kind.ENUM, path, value.span(), text(value), node.enumValues()));
        }
        if (node.pattern() != null && value instanceof Scalar s && type == JsonType.STRING
                && !node.pattern().matcher(s.text()).find()) {
            out.add(new SchemaError(Kind.PATTERN, path, value.span(), s.text(), List.of(node.pattern().pattern())));
        }
        if (type == JsonType.OBJECT) {
            object(node, value, path, anchor, out);
        } else if (type == JsonType.ARRAY && node.items() != null) {
            List<Value> items = ((Sequence) value).items();
            for (int i = 0; i < items.size(); i++) {
                check(node.items(), items.get(i), path.child(i), items.get(i).span(), out);
            }
        }
        for (SchemaNode part : node.allOf()) {
            check(part, value, path, anchor, out);
        }
        if (!node.anyOf().isEmpty()) {
            anyOf(node.anyOf(), value, path, anchor, out);
        }
    }

    private void object(SchemaNode node, Value value, DocPath path, Span anchor, List<SchemaError> out) {
        List<Entry> entries = entries(value);
        if (!node.required().isEmpty()) {
            Set<String> keys = new HashSet<>();
            entries.forEach(e -> keys.add(e.name()));
            for (String name : node.required()) {
                if (!keys.contains(name)) {
                    out.add(new SchemaError(Kind.REQUIRED, path, anchor, name, List.of()));
                }
            }
        }
        for (Entry entry : entries) {
            DocPath child = path.child(entry.name());
            SchemaNode property = node.properties().get(entry.name());
            if (property != null) {
                check(property, entry.value(), child, entry.key().span(), out);
            } else if (node.additional() != null) {
                check(node.additional(), entry.value(), child, entry.key().span(), out);
            } else if (!node.additionalAllowed()) {
                out.add(new SchemaError(Kind.ADDITIONAL, child, entry.key().span(), entry.name(),
                        new TreeSet<>(node.properties().keySet()).stream().toList()));
            }
        }
    }

    /** A mapping's entries, or the one entry of an intrinsic function's long form. */
    private static List<Entry> entries(Value value) {
        if (value instanceof Intrinsic fn) {
            Span span = fn.span();
            return List.of(new Entry(new Scalar(fn.fn().longName(), Value.ScalarKind.STRING, Value.ScalarStyle.PLAIN,
                    span), fn.argument()));
        }
        return ((Mapping) value).entries();
    }

    private void anyOf(List<SchemaNode> branches, Value value, DocPath path, Span anchor, List<SchemaError> out) {
        SchemaNode chosen = chosen(branches, value);
        if (chosen != null) {
            check(chosen, value, path, anchor, out); // the one branch whose discriminator matches: the same verdict, faster
            return;
        }
        List<List<SchemaError>> candidates = new ArrayList<>();
        Set<String> types = new TreeSet<>();
        Set<String> discriminatorValues = new LinkedHashSet<>();
        SchemaError discriminator = null;
        for (SchemaNode branch : branches) {
            List<SchemaError> errors = new ArrayList<>();
            check(branch, value, path, anchor, errors);
            if (errors.isEmpty()) {
                return;
            }
            SchemaError wrongType = errors.stream()
                    .filter(e -> e.kind() == Kind.TYPE && e.path().equals(path)).findFirst().orElse(null);
            SchemaError wrongKind = errors.stream()
                    .filter(e -> e.kind() == Kind.ENUM && e.allowed().size() == 1
                            && e.path().segments().size() == path.segments().size() + 1 && e.path().startsWith(path))
                    .findFirst().orElse(null);
            if (wrongType != null) {
                types.addAll(wrongType.allowed());
            } else if (wrongKind != null) {
                discriminator = discriminator == null ? wrongKind : discriminator;
                discriminatorValues.addAll(wrongKind.allowed());
            } else {
                candidates.add(errors);
            }
        }
        if (!candidates.isEmpty()) {
            List<SchemaError> best = candidates.getFirst();
            for (List<SchemaError> errors : candidates) {
                if (errors.size() < best.size()) {
                    best = errors;
                }
            }
            out.addAll(best);
        } else if (discriminator != null) {
            out.add(new SchemaError(Kind.ENUM, discriminator.path(), discriminator.span(), discriminator.name(),
                    List.copyOf(discriminatorValues)));
        } else {
            JsonType actual = typeOf(value);
            out.add(new SchemaError(Kind.TYPE, path, value.span(), actual == null ? "value" : actual.jsonName(),
                    List.copyOf(types)));
        }
    }

    private @Nullable SchemaNode chosen(List<SchemaNode> branches, Value value) {
        if (!(value instanceof Mapping m)) {
            return null;
        }
        var discriminator = schema.discriminator(branches);
        if (discriminator.isEmpty()) {
            return null;
        }
        return m.get(discriminator.get().property()).orElse(null) instanceof Scalar s && s.kind() == Value.ScalarKind.STRING
                ? discriminator.get().branches().get(s.text()) : null;
    }

    private static String text(Value value) {
        return value instanceof Scalar s ? s.text() : switch (value) {
            case Intrinsic fn -> fn.fn().longName();
            case Sequence seq -> "a list";
            default -> "a mapping";
        };
    }
}
