package dev.stackdraft.appsync;

import dev.stackdraft.template.Fn;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Small readings of template values that AppSync's properties need: what a value names, and its text. */
final class Values {

    private Values() {}

    /** A scalar's text, or the string of {@code !Sub "..."} (placeholders left in); else null. */
    static @Nullable String text(@Nullable Value value) {
        return switch (value) {
            case Scalar s when !s.isNull() -> s.text();
            case Intrinsic fn when fn.fn() == Fn.SUB -> subString(fn.argument());
            case null, default -> null;
        };
    }

    /** The string of {@code !Sub}'s argument, in both its forms ({@code "s"} and {@code ["s", {vars}]}). */
    private static @Nullable String subString(Value argument) {
        if (argument instanceof Scalar s) {
            return s.text();
        }
        if (argument instanceof Sequence seq && !seq.items().isEmpty() && seq.items().getFirst() instanceof Scalar s) {
            return s.text();
        }
        return null;
    }

    /** The logical id {@code !Ref X} or {@code !GetAtt X.attribute} names; null for anything else. */
    static @Nullable String named(@Nullable Value value, @Nullable String attribute) {
        if (!(value instanceof Intrinsic fn)) {
            return null;
        }
        if (fn.fn() == Fn.REF && attribute == null && fn.argument() instanceof Scalar s) {
            return s.text();
        }
        if (fn.fn() != Fn.GET_ATT) {
            return null;
        }
        String id = null;
        String attr = null;
        if (fn.argument() instanceof Scalar s && s.text().indexOf('.') > 0) {
            id = s.text().substring(0, s.text().indexOf('.'));
            attr = s.text().substring(s.text().indexOf('.') + 1);
        } else if (fn.argument() instanceof Sequence seq && seq.items().size() == 2
                && seq.items().get(0) instanceof Scalar a && seq.items().get(1) instanceof Scalar b) {
            id = a.text();
            attr = b.text();
        }
        return attribute == null || attribute.equals(attr) ? id : null;
    }

    /** What a value points at: the logical id of a {@code Ref}/{@code GetAtt}, else its text. */
    static @Nullable String target(@Nullable Value value) {
        String named = named(value, null);
        if (named == null && value instanceof Intrinsic fn && fn.fn() == Fn.GET_ATT) {
            named = named(value, attributeOf(fn));
        }
        return named != null ? named : text(value);
    }

    private static @Nullable String attributeOf(Intrinsic fn) {
        if (fn.argument() instanceof Scalar s && s.text().indexOf('.') > 0) {
            return s.text().substring(s.text().indexOf('.') + 1);
        }
        if (fn.argument() instanceof Sequence seq && seq.items().size() == 2 && seq.items().get(1) instanceof Scalar b) {
            return b.text();
        }
        return null;
    }

    /** Whether {@code value} refers to {@code id} anywhere: {@code Ref}, {@code GetAtt}, {@code ${id}} in a Sub. */
    static boolean refersTo(@Nullable Value value, String id) {
        return switch (value) {
            case null -> false;
            case Intrinsic fn when fn.fn() == Fn.REF -> fn.argument() instanceof Scalar s && s.text().equals(id);
            case Intrinsic fn when fn.fn() == Fn.GET_ATT -> id.equals(named(fn, attributeOf(fn)));
            case Intrinsic fn when fn.fn() == Fn.SUB -> {
                String text = subString(fn.argument());
                yield text != null && (text.contains("${" + id + "}") || text.contains("${" + id + "."));
            }
            case Intrinsic fn -> refersTo(fn.argument(), id);
            case Sequence seq -> seq.items().stream().anyMatch(v -> refersTo(v, id));
            case Mapping m -> m.entries().stream().anyMatch(e -> refersTo(e.value(), id));
            default -> false;
        };
    }

    static Optional<Mapping> mapping(Optional<Mapping> parent, String key) {
        return parent.flatMap(p -> p.mapping(key));
    }
}
