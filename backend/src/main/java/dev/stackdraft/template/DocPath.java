package dev.stackdraft.template;

import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Sequence;
import dev.stackdraft.template.Value.Tagged;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The way from a template's root to one value: mapping keys and list indexes. An intrinsic function is
 * stepped through by its long name ({@code Fn::If}) whichever form the file uses, a tagged value by its tag.
 */
public record DocPath(List<Object> segments) {

    public static final DocPath ROOT = new DocPath(List.of());

    public DocPath {
        segments = List.copyOf(segments);
        for (Object segment : segments) {
            if (!(segment instanceof String) && !(segment instanceof Integer)) {
                throw new IllegalArgumentException("a path segment is a key or an index: " + segment);
            }
        }
    }

    public static DocPath of(Object... segments) {
        return new DocPath(List.of(segments));
    }

    public DocPath child(String key) {
        List<Object> next = new ArrayList<>(segments);
        next.add(key);
        return new DocPath(next);
    }

    public DocPath child(int index) {
        List<Object> next = new ArrayList<>(segments);
        next.add(index);
        return new DocPath(next);
    }

    public DocPath parent() {
        return new DocPath(segments.subList(0, Math.max(0, segments.size() - 1)));
    }

    public Object last() {
        return segments.getLast();
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }

    public boolean startsWith(DocPath prefix) {
        return segments.size() >= prefix.segments.size()
                && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
    }

    /** The value at this path below {@code root}, if there is one. */
    public Optional<Value> find(Value root) {
        Value current = root;
        for (Object segment : segments) {
            Optional<Value> next = step(current, segment);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.of(current);
    }

    static Optional<Value> step(Value value, Object segment) {
        return switch (value) {
            case Mapping m when segment instanceof String key -> m.get(key);
            case Sequence s when segment instanceof Integer i -> i >= 0 && i < s.items().size()
                    ? Optional.of(s.items().get(i)) : Optional.empty();
            case Intrinsic fn when fn.fn().longName().equals(segment) -> Optional.of(fn.argument());
            case Tagged t when t.tag().equals(segment) -> Optional.of(t.value());
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(segment);
            }
        }
        return out.toString();
    }
}
