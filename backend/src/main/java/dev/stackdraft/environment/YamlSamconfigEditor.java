package dev.stackdraft.environment;

import dev.stackdraft.template.SourceLocation;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.TemplateReader;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.ScalarKind;
import dev.stackdraft.template.Value.ScalarStyle;
import dev.stackdraft.template.Value.Sequence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@link SamconfigEditor} over a {@code samconfig.yaml}: block mappings and lists patched at the lines they touch, in
 * the file's indentation and quoting; a flow collection (or an alias) in the way is refused with its place.
 */
final class YamlSamconfigEditor implements SamconfigEditor {

    private record Patch(int start, int end, String text, int order) {}

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./$=+@(][A-Za-z0-9 _./:=@+$()\"',*-]*");

    private final String file;
    private final String text;
    private final Mapping root;
    private final Map<String, Object> expected;
    private final List<Patch> patches = new ArrayList<>();
    /** New entries below the deepest mapping that exists, keyed by that mapping's path. */
    private final Map<List<String>, Map<String, Object>> pending = new LinkedHashMap<>();
    private final String nl;
    private final int step;

    YamlSamconfigEditor(String file, String text, Map<String, Object> document) {
        this.file = file;
        this.text = text;
        Value value = text.isBlank() ? Value.mapping(List.of()) : new TemplateReader().readValue(file, text);
        if (!(value instanceof Mapping mapping) || mapping.flow() && !mapping.entries().isEmpty()) {
            throw refusal(0, "the top level is not a block mapping", "edit it by hand");
        }
        this.root = mapping;
        this.expected = copy(document);
        this.nl = text.contains("\r\n") ? "\r\n" : "\n";
        this.step = indentStep();
    }

    @Override
    public void putString(List<String> table, String key, String value) {
        List<String> path = with(table, key);
        @Nullable Value existing = at(path);
        if (existing instanceof Scalar s && s.kind() == ScalarKind.STRING && s.text().equals(value)) {
            return;
        }
        put(path, existing, scalar(value, existing instanceof Scalar s ? s.style() : ScalarStyle.PLAIN), value);
    }

    @Override
    public void putBoolean(List<String> table, String key, boolean value) {
        List<String> path = with(table, key);
        put(path, at(path), Boolean.toString(value), value);
    }

    @Override
    public void setOverrides(String env, Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        List<String> path = overridesPath(env);
        @Nullable Value current = at(path);
        switch (current) {
            case null -> {
                String written = "";
                for (var e : values.entrySet()) {
                    written = OverridesEdit.withPair(written, e.getKey(), e.getValue());
                }
                putString(path.subList(0, 3), OverridesEdit.KEY, written);
            }
            case Scalar s when s.kind() == ScalarKind.STRING && s.span().isKnown() -> {
                String changed = s.text();
                for (var e : values.entrySet()) {
                    changed = OverridesEdit.withPair(changed, e.getKey(), e.getValue());
                }
                putString(path.subList(0, 3), OverridesEdit.KEY, changed);
            }
            case Mapping m when !m.flow() -> {
                for (var e : values.entrySet()) {
                    putString(path, e.getKey(), e.getValue());
                }
            }
            case Sequence seq when !seq.flow() && seq.items().stream().allMatch(i -> i instanceof Scalar) -> {
                List<Object> items = new ArrayList<>();
                seq.items().forEach(i -> items.add(((Scalar) i).text()));
                int original = items.size();
                for (var e : values.entrySet()) {
                    int index = -1;
                    for (int i = items.size() - 1; i >= 0 && index < 0; i--) {
                        if (SamKeyValues.parameterMap((String) items.get(i)).containsKey(e.getKey())) {
                            index = i;
                        }
                    }
                    if (index >= 0) {
                        items.set(index, OverridesEdit.withPair((String) items.get(index), e.getKey(), e.getValue()));
                    } else {
                        items.add(SamKeyValues.pair(e.getKey(), e.getValue(), false));
                    }
                }
                for (int i = 0; i < original; i++) {
                    Scalar item = (Scalar) seq.items().get(i);
                    if (!item.text().equals(items.get(i))) {
                        replace(item, scalar((String) items.get(i), item.style()));
                    }
                }
                if (items.size() > original) {
                    Scalar last = (Scalar) seq.items().getLast();
                    int lineStart = lineStart(last.span().start());
                    String dash = text.substring(lineStart, last.span().start());
                    StringBuilder added = new StringBuilder();
                    for (Object item : items.subList(original, items.size())) {
                        added.append(dash).append(scalar((String) item, last.style())).append(nl);
                    }
                    patches.add(new Patch(lineEnd(last.span().end()), lineEnd(last.span().end()), added.toString(), patches.size()));
                }
                setExpected(path, items);
            }
            default -> throw refusal(current.span().start(), String.join(".", path) + " is written in a shape stackdraft"
                    + " does not edit (a flow collection, a list of mappings or an alias)", "edit it by hand");
        }
    }

    @Override
    public void removeOverride(String env, String key) {
        List<String> path = overridesPath(env);
        switch (at(path)) {
            case null -> { }
            case Scalar s when s.kind() == ScalarKind.STRING -> {
                String changed = OverridesEdit.withoutPair(s.text(), key);
                if (changed.isBlank()) {
                    removeEntry(path);
                } else if (!changed.equals(s.text())) {
                    putString(path.subList(0, 3), OverridesEdit.KEY, changed);
                }
            }
            case Mapping m when !m.flow() -> {
                if (m.get(key).isPresent()) {
                    removeEntry(m.entries().size() == 1 ? path : with(path, key));
                }
            }
            case Value other -> throw refusal(other.span().start(), String.join(".", path) + " is written in a shape"
                    + " stackdraft does not take a parameter out of", "edit it by hand");
        }
    }

    @Override
    public void removeEnvironment(String env) {
        Entry entry = root.entry(env).orElseThrow();
        int start = attachedStart(lineStart(entry.key().span().start()));
        int end = lineEnd(end(entry));
        int next = text.length();
        for (Entry other : root.entries()) {
            if (other.key().span().start() > entry.key().span().start()) {
                next = Math.min(next, attachedStart(lineStart(other.key().span().start())));
            }
        }
        if (next == text.length()) {
            start = blankLinesBefore(start);
            end = text.length();
        } else {
            end = next;
        }
        patches.add(new Patch(start, end, "", patches.size()));
        expected.remove(env);
    }

    @Override
    public String result() {
        writePending();
        List<Patch> ordered = new ArrayList<>(patches);
        ordered.sort(Comparator.comparingInt(Patch::start).reversed().thenComparing(Comparator.comparingInt(Patch::order).reversed()));
        StringBuilder out = new StringBuilder(text);
        int limit = Integer.MAX_VALUE;
        for (Patch patch : ordered) {
            if (patch.end() > limit) {
                throw refusal(patch.start(), "this edit cannot be written safely: two changes touch the same text",
                        "the file is unchanged; please report this with the file");
            }
            out.replace(patch.start(), patch.end(), patch.text());
            limit = patch.start();
        }
        String after = out.toString();
        Map<String, Object> meaning;
        try {
            meaning = YamlSamconfig.read(file, after);
        } catch (TemplateException e) {
            throw refusal(0, "this edit cannot be written safely: the result would not parse (" + e.problem() + ")",
                    "the file is unchanged (an alias may point into what would change); edit it by hand");
        }
        if (!Objects.equals(meaning, expected)) {
            throw refusal(0, "this edit cannot be written safely: the result would not mean what was intended",
                    "the file is unchanged (an alias or a flow collection may be in the way); edit it by hand");
        }
        return after;
    }

    // --- inside ---------------------------------------------------------------------------------------------------

    private void put(List<String> path, @Nullable Value existing, String rendered, Object meaning) {
        if (existing != null) {
            if (!(existing instanceof Scalar s) || !s.span().isKnown()) {
                throw refusal(existing.span().isKnown() ? existing.span().start() : 0, String.join(".", path)
                        + " is not a single value here", "edit it by hand");
            }
            replace(s, rendered);
        } else {
            int depth = 0;
            Mapping deepest = root;
            while (depth < path.size() - 1 && deepest.get(path.get(depth)).orElse(null) instanceof Mapping m) {
                deepest = m;
                depth++;
            }
            if (depth < path.size() - 1 && deepest.get(path.get(depth)).isPresent()) {
                Value in = deepest.get(path.get(depth)).orElseThrow();
                throw refusal(in.span().isKnown() ? in.span().start() : 0, String.join(".", path.subList(0, depth + 1))
                        + " is not a mapping here", "edit it by hand");
            }
            if (deepest.flow()) {
                throw refusal(deepest.span().start(), String.join(".", path.subList(0, depth)) + " is a flow mapping ({...})"
                        + " here", "write it as a block mapping to edit it with stackdraft, or edit it by hand");
            }
            Map<String, Object> tree = pending.computeIfAbsent(List.copyOf(path.subList(0, depth)), p -> new LinkedHashMap<>());
            for (String segment : path.subList(depth, path.size() - 1)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) tree.computeIfAbsent(segment, s -> new LinkedHashMap<>());
                tree = next;
            }
            tree.put(path.getLast(), rendered);
        }
        setExpected(path, meaning);
    }

    private void writePending() {
        // where an inner mapping and its parent both end at one line, the inner one's new keys must come first
        List<Map.Entry<List<String>, Map<String, Object>>> deepestFirst = new ArrayList<>(pending.entrySet());
        deepestFirst.sort(Comparator.comparingInt((Map.Entry<List<String>, Map<String, Object>> e) -> e.getKey().size()).reversed());
        for (var entry : deepestFirst) {
            List<String> path = entry.getKey();
            Mapping mapping = path.isEmpty() ? root : (Mapping) at(path);
            int indent;
            int at;
            if (mapping == root || Objects.requireNonNull(mapping).entries().isEmpty()) {
                indent = path.size() * step;
                at = path.isEmpty() ? text.length() : lineEnd(mapping.span().end());
            } else {
                indent = mapping.entries().getFirst().key().span().column() - 1;
                at = lineEnd(end(mapping.entries().getLast()));
            }
            if (!path.isEmpty() && mapping.entries().isEmpty()) {
                at = lineEnd(mapping.span().end());
            }
            StringBuilder out = new StringBuilder();
            if (at == text.length() && !text.isEmpty() && !text.endsWith("\n")) {
                out.append(nl);
            }
            if (path.isEmpty() && text.contains(nl + nl)) { // environments set apart by blank lines: so is the new one
                out.append(nl);
            }
            lines(entry.getValue(), indent, out);
            patches.add(new Patch(at, at, out.toString(), patches.size()));
        }
        pending.clear();
    }

    private void lines(Map<String, Object> tree, int indent, StringBuilder out) {
        tree.forEach((key, value) -> {
            out.append(" ".repeat(indent)).append(key).append(':');
            if (value instanceof Map<?, ?> nested) {
                out.append(nl);
                @SuppressWarnings("unchecked")
                Map<String, Object> children = (Map<String, Object>) nested;
                lines(children, indent + step, out);
            } else {
                out.append(' ').append(value).append(nl);
            }
        });
    }

    /** Removes an entry; a mapping it leaves empty goes too (an empty YAML key would mean null), the environment stays. */
    private void removeEntry(List<String> path) {
        while (path.size() > 2 && at(path.subList(0, path.size() - 1)) instanceof Mapping m && m.entries().size() == 1) {
            path = path.subList(0, path.size() - 1);
        }
        Mapping parent = (Mapping) Objects.requireNonNull(path.size() == 1 ? root : at(path.subList(0, path.size() - 1)));
        Entry entry = parent.entry(path.getLast()).orElseThrow();
        patches.add(new Patch(lineStart(entry.key().span().start()), lineEnd(end(entry)), "", patches.size()));
        Object map = expected;
        for (String segment : path.subList(0, path.size() - 1)) {
            map = ((Map<?, ?>) map).get(segment);
        }
        ((Map<?, ?>) map).remove(path.getLast());
    }

    private void replace(Scalar old, String rendered) {
        patches.add(new Patch(old.span().start(), old.span().end(), rendered, patches.size()));
    }

    /** A string as YAML: in the style it had where that still reads back the same, else plain if safe, else quoted. */
    private static String scalar(String value, ScalarStyle style) {
        if (style == ScalarStyle.SINGLE_QUOTED && value.chars().noneMatch(c -> c < 0x20)) {
            return "'" + value.replace("'", "''") + "'";
        }
        if (style != ScalarStyle.DOUBLE_QUOTED && PLAIN.matcher(value).matches() && !value.endsWith(" ")
                && !value.contains(": ") && !value.contains(" #") && readsAsString(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\x%02x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private static boolean readsAsString(String plain) {
        try {
            return new TemplateReader().readValue("value", plain) instanceof Scalar s && s.kind() == ScalarKind.STRING
                    && s.text().equals(plain);
        } catch (TemplateException e) {
            return false;
        }
    }

    private List<String> overridesPath(String env) {
        List<String> deploy = List.of(env, SamConfigModel.DEPLOY, SamConfigModel.PARAMETERS, OverridesEdit.KEY);
        List<String> global = List.of(env, SamConfigModel.GLOBAL, SamConfigModel.PARAMETERS, OverridesEdit.KEY);
        return at(deploy) == null && at(global) != null ? global : deploy;
    }

    private @Nullable Value at(List<String> path) {
        Value current = root;
        for (String segment : path) {
            if (!(current instanceof Mapping m) || m.get(segment).isEmpty()) {
                return null;
            }
            current = m.get(segment).orElseThrow();
        }
        return current;
    }

    private int end(Entry entry) {
        return entry.value().span().isKnown() ? Math.max(entry.value().span().end(), entry.key().span().end())
                : entry.key().span().end();
    }

    /** The indentation step of the file: how far the first nested key stands right of its parent (2 if none). */
    private int indentStep() {
        for (Entry entry : root.entries()) {
            if (entry.value() instanceof Mapping m && !m.flow() && !m.entries().isEmpty()) {
                int step = m.entries().getFirst().key().span().column() - entry.key().span().column();
                if (step > 0) {
                    return step;
                }
            }
        }
        return 2;
    }

    private void setExpected(List<String> path, Object value) {
        Map<String, Object> map = expected;
        for (String segment : path.subList(0, path.size() - 1)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> next = (Map<String, Object>) map.computeIfAbsent(segment, s -> new LinkedHashMap<>());
            map = next;
        }
        map.put(path.getLast(), value);
    }

    private int lineStart(int offset) {
        int i = Math.min(offset, text.length());
        while (i > 0 && text.charAt(i - 1) != '\n') {
            i--;
        }
        return i;
    }

    private int lineEnd(int offset) {
        int i = offset;
        while (i < text.length() && text.charAt(i) != '\n') {
            i++;
        }
        return Math.min(text.length(), i + 1);
    }

    private int attachedStart(int start) {
        int s = start;
        while (s > 0) {
            int prev = lineStart(s - 1);
            if (!text.substring(prev, s).strip().startsWith("#")) {
                break;
            }
            s = prev;
        }
        return s;
    }

    private int blankLinesBefore(int start) {
        int s = start;
        while (s > 0) {
            int prev = lineStart(s - 1);
            if (!text.substring(prev, s).isBlank()) {
                break;
            }
            s = prev;
        }
        return s;
    }

    private static List<String> with(List<String> path, String key) {
        List<String> out = new ArrayList<>(path);
        out.add(key);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m ? copy((Map<String, Object>) m)
                : v instanceof List<?> l ? new ArrayList<>(l) : v));
        return out;
    }

    private TemplateException refusal(int offset, String problem, String hint) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new TemplateException(new SourceLocation(file, line, offset - lineStart + 1), problem, hint);
    }
}
