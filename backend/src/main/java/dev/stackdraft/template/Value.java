package dev.stackdraft.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A value of a template as written: scalars, sequences, mappings, intrinsic functions (short or long form)
 * and values under tags we do not know (kept byte for byte). Every value read from a file knows its
 * {@link Span}; values made by an edit carry {@link Span#NONE} until they are written.
 */
public sealed interface Value {

    Span span();

    /** A scalar. {@code text} is the value after unquoting/unfolding; {@code kind} is how YAML resolves it. */
    record Scalar(String text, ScalarKind kind, ScalarStyle style, Span span) implements Value {

        public boolean isNull() {
            return kind == ScalarKind.NULL;
        }
    }

    record Sequence(List<Value> items, boolean flow, Span span) implements Value {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    record Mapping(List<Entry> entries, boolean flow, Span span) implements Value {
        public Mapping {
            entries = List.copyOf(entries);
        }

        /** The value of {@code key}; where a file repeats a key, the last one, as YAML and JSON readers do. */
        public Optional<Value> get(String key) {
            return entry(key).map(Entry::value);
        }

        public Optional<Mapping> mapping(String key) {
            return get(key).filter(Mapping.class::isInstance).map(Mapping.class::cast);
        }

        public Optional<String> string(String key) {
            return get(key).filter(Scalar.class::isInstance).map(v -> ((Scalar) v).text());
        }

        public Optional<Entry> entry(String key) {
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (entries.get(i).key().text().equals(key)) {
                    return Optional.of(entries.get(i));
                }
            }
            return Optional.empty();
        }

        public List<String> keys() {
            List<String> keys = new ArrayList<>(entries.size());
            entries.forEach(e -> keys.add(e.key().text()));
            return keys;
        }

        public boolean isEmpty() {
            return entries.isEmpty();
        }
    }

    /** One {@code key: value} of a mapping; the key keeps its own position and quoting. */
    record Entry(Scalar key, Value value) {
        public String name() {
            return key.text();
        }
    }

    /** {@code !Ref X} or {@code Ref: X}, and the other functions of {@link Fn}. */
    record Intrinsic(Fn fn, Value argument, IntrinsicForm form, Span span) implements Value {}

    /** A value under a tag that is neither YAML's own nor an intrinsic function (e.g. {@code !Rain::Embed}). */
    record Tagged(String tag, Value value, Span span) implements Value {}

    enum ScalarKind { STRING, NUMBER, BOOLEAN, NULL }

    enum ScalarStyle { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL, FOLDED }

    enum IntrinsicForm { SHORT, LONG }

    // Values made by edits: no position yet; the writer chooses their style from the file.

    static Scalar string(String text) {
        return new Scalar(text, ScalarKind.STRING, ScalarStyle.PLAIN, Span.NONE);
    }

    /** A scalar written plain, of the kind YAML reads it as ({@code 5} a number, {@code true} a boolean, {@code x} a string). */
    static Scalar plain(String text) {
        return new Scalar(text, ScalarKinds.ofPlain(text), ScalarStyle.PLAIN, Span.NONE);
    }

    static Scalar number(long number) {
        return new Scalar(Long.toString(number), ScalarKind.NUMBER, ScalarStyle.PLAIN, Span.NONE);
    }

    static Scalar bool(boolean value) {
        return new Scalar(Boolean.toString(value), ScalarKind.BOOLEAN, ScalarStyle.PLAIN, Span.NONE);
    }

    static Intrinsic ref(String logicalId) {
        return intrinsic(Fn.REF, string(logicalId));
    }

    static Intrinsic intrinsic(Fn fn, Value argument) {
        return new Intrinsic(fn, argument, IntrinsicForm.SHORT, Span.NONE);
    }

    static Sequence sequence(List<? extends Value> items) {
        return new Sequence(List.copyOf(items), false, Span.NONE);
    }

    static Mapping mapping(List<Entry> entries) {
        return new Mapping(entries, false, Span.NONE);
    }

    static Entry entry(String key, Value value) {
        return new Entry(string(key), value);
    }
}
