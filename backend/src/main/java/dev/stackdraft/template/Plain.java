package dev.stackdraft.template;

import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.ScalarKind;
import dev.stackdraft.template.Value.Sequence;
import dev.stackdraft.template.Value.Tagged;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value's meaning with its spelling taken away: maps, lists and typed scalars, where the short and long
 * forms of an intrinsic function are equal ({@code !GetAtt A.B} = {@code Fn::GetAtt: [A, B]}). The writer
 * compares these to prove an edit changed exactly what it meant to; tests compare them across edits.
 */
public final class Plain {

    /** A scalar's meaning: its text and how it resolves (so {@code "5"} and {@code 5} differ). */
    public record Atom(String text, ScalarKind kind) {}

    /** A tag we do not know, with its content. */
    public record Tag(String tag, Object value) {}

    private Plain() {}

    public static Object of(Value value) {
        return switch (value) {
            case Scalar s -> atom(s);
            case Sequence seq -> {
                List<Object> items = new ArrayList<>(seq.items().size());
                seq.items().forEach(item -> items.add(of(item)));
                yield items;
            }
            case Mapping m -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Entry e : m.entries()) {
                    map.put(e.name(), of(e.value()));
                }
                yield map;
            }
            case Intrinsic fn -> Map.of(fn.fn().longName(), argument(fn.fn(), fn.argument()));
            case Tagged t -> new Tag(t.tag(), of(t.value()));
        };
    }

    private static Atom atom(Scalar s) {
        if (s.kind() == ScalarKind.NULL) {
            return new Atom("", ScalarKind.NULL);
        }
        if (s.kind() == ScalarKind.BOOLEAN) {
            return new Atom(s.text().toLowerCase(java.util.Locale.ROOT), ScalarKind.BOOLEAN);
        }
        return new Atom(s.text(), s.kind());
    }

    /** The meaning of a function's argument: {@code A.B} for GetAtt means {@code [A, B]}. */
    static Object argument(Fn fn, Value argument) {
        if (fn == Fn.GET_ATT && argument instanceof Scalar s) {
            int dot = s.text().indexOf('.');
            if (dot > 0) {
                return List.of(new Atom(s.text().substring(0, dot), ScalarKind.STRING),
                        new Atom(s.text().substring(dot + 1), ScalarKind.STRING));
            }
        }
        return of(argument);
    }
}
