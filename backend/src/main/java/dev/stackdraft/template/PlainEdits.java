package dev.stackdraft.template;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Applies {@link Change}s to {@link Plain} data: what the document must mean after an edit. Every change of
 * one edit names places in the original document, so they are applied in an order that keeps those names
 * valid: replacements, then additions, then list changes from the highest index down, removals, renames.
 */
final class PlainEdits {

    private PlainEdits() {}

    static Object apply(Object root, List<Change> changes) {
        List<Integer> ordered = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            ordered.add(i);
        }
        // several insertions at one index are written in the order given, so the later one is applied first
        ordered.sort(Comparator.comparingInt((Integer i) -> rank(changes.get(i)))
                .thenComparing(Comparator.comparingInt((Integer i) -> changes.get(i).target().segments().size()).reversed())
                .thenComparing(Comparator.comparingInt((Integer i) -> index(changes.get(i))).reversed())
                .thenComparing(Comparator.reverseOrder()));
        Object result = root;
        for (int i : ordered) {
            result = apply(result, changes.get(i));
        }
        return result;
    }

    private static int rank(Change change) {
        return switch (change) {
            case Change.Replace r -> 0;
            case Change.Put p -> 1;
            case Change.PutBefore p -> 1;
            case Change.PutAt p -> 1;
            case Change.Insert i -> 2;
            case Change.RemoveItem r -> 2;
            case Change.RemoveKey r -> 3;
            case Change.RemoveRepeatedKey r -> 3;
            case Change.RenameKey r -> 4;
            case Change.Wrap w -> 0;
            case Change.Unwrap u -> 0;
        };
    }

    private static int index(Change change) {
        return switch (change) {
            case Change.Insert i -> i.index();
            case Change.RemoveItem r -> r.index();
            default -> 0;
        };
    }

    @SuppressWarnings("unchecked")
    private static Object apply(Object root, Change change) {
        return switch (change) {
            case Change.Replace r -> update(root, r.path().segments(), 0, old -> r.path().isEmpty() ? Plain.of(r.value())
                    : Fn.byLongName(String.valueOf(r.path().last())).map(fn -> Plain.argument(fn, r.value()))
                            .orElseGet(() -> Plain.of(r.value())));
            case Change.Put p -> update(root, p.mapping().segments(), 0, old -> {
                Map<String, Object> map = new LinkedHashMap<>((Map<String, Object>) old);
                map.put(p.key(), Plain.of(p.value()));
                return map;
            });
            case Change.PutBefore p -> update(root, p.mapping().segments(), 0, old -> {
                Map<String, Object> map = new LinkedHashMap<>();
                ((Map<String, Object>) old).forEach((k, v) -> {
                    if (k.equals(p.before())) {
                        map.put(p.key(), Plain.of(p.value()));
                    }
                    map.put(k, v);
                });
                map.putIfAbsent(p.key(), Plain.of(p.value()));
                return map;
            });
            case Change.PutAt p -> update(root, p.mapping().segments(), 0, old -> {
                Map<String, Object> map = new LinkedHashMap<>();
                int i = 0;
                for (Map.Entry<String, Object> e : ((Map<String, Object>) old).entrySet()) {
                    if (i++ == p.index()) {
                        map.put(p.key(), Plain.of(p.value()));
                    }
                    map.put(e.getKey(), e.getValue());
                }
                map.putIfAbsent(p.key(), Plain.of(p.value()));
                return map;
            });
            // a repeated key's earlier entry never counted: the meaning stays
            case Change.RemoveRepeatedKey r -> root;
            case Change.RemoveKey r -> update(root, r.mapping().segments(), 0, old -> {
                Map<String, Object> map = new LinkedHashMap<>((Map<String, Object>) old);
                map.remove(r.key());
                return map;
            });
            case Change.RenameKey r -> update(root, r.mapping().segments(), 0, old -> {
                Map<String, Object> map = new LinkedHashMap<>();
                ((Map<String, Object>) old).forEach((k, v) -> map.put(k.equals(r.from()) ? r.to() : k, v));
                return map;
            });
            case Change.Insert i -> update(root, i.sequence().segments(), 0, old -> {
                List<Object> list = new ArrayList<>((List<Object>) old);
                list.add(Math.min(i.index(), list.size()), Plain.of(i.value()));
                return list;
            });
            case Change.RemoveItem r -> update(root, r.sequence().segments(), 0, old -> {
                List<Object> list = new ArrayList<>((List<Object>) old);
                list.remove(r.index());
                return list;
            });
            case Change.Wrap w -> update(root, w.path().segments(), 0,
                    old -> update(Plain.of(w.wrapper()), w.hole().segments(), 0, hole -> old));
            case Change.Unwrap u -> update(root, u.path().segments(), 0, old -> part(old, u.kept().segments()));
        };
    }

    /** The part of plain data at a path (map keys, list indexes, tags), as {@link #update} walks it. */
    private static Object part(Object node, List<Object> path) {
        Object[] found = new Object[1];
        update(node, path, 0, part -> {
            found[0] = part;
            return part;
        });
        return found[0];
    }

    @SuppressWarnings("unchecked")
    private static Object update(Object node, List<Object> path, int depth, UnaryOperator<Object> change) {
        if (depth == path.size()) {
            return change.apply(node);
        }
        Object segment = path.get(depth);
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
            if (!copy.containsKey(segment)) {
                throw new IllegalArgumentException("nothing at " + path.subList(0, depth + 1));
            }
            copy.put((String) segment, update(copy.get(segment), path, depth + 1, change));
            return copy;
        }
        if (node instanceof List<?> list && segment instanceof Integer i) {
            List<Object> copy = new ArrayList<>(list);
            copy.set(i, update(copy.get(i), path, depth + 1, change));
            return copy;
        }
        if (node instanceof Plain.Tag tag && tag.tag().equals(segment)) {
            return new Plain.Tag(tag.tag(), update(tag.value(), path, depth + 1, change));
        }
        throw new IllegalArgumentException("nothing at " + path.subList(0, depth + 1));
    }
}
