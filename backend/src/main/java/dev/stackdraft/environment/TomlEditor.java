package dev.stackdraft.environment;

import dev.stackdraft.environment.TomlDocument.Header;
import dev.stackdraft.environment.TomlDocument.Pair;
import dev.stackdraft.environment.TomlValue.Arr;
import dev.stackdraft.environment.TomlValue.Origin;
import dev.stackdraft.environment.TomlValue.Str;
import dev.stackdraft.environment.TomlValue.Table;
import dev.stackdraft.template.TemplateException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Edits a {@link TomlDocument} as text patches at the lines it touches: a value replaced in place, a new key at
 * the end of its table, a new table at the end of its environment's tables, a key's line or a whole environment's
 * tables taken out. New text follows the file: {@code key = value} or {@code key=value}, blank lines between
 * tables or none, its line ending. The result is read again and must mean exactly the old document with the
 * intended changes; anything else is refused and nothing is written.
 */
final class TomlEditor {

    private record Patch(int start, int end, String text, int order) {}

    private final TomlDocument doc;
    private final List<Patch> patches = new ArrayList<>();
    /** The old meaning with the intended changes, to compare the result with. */
    private final Map<String, Object> expected;
    /** New tables per environment, written together at the end of that environment's tables. */
    private final Map<String, Map<List<String>, Map<String, String>>> newTables = new LinkedHashMap<>();
    private final String nl;

    TomlEditor(TomlDocument doc) {
        this.doc = doc;
        @SuppressWarnings("unchecked")
        Map<String, Object> plain = (Map<String, Object>) TomlValue.plain(doc.root);
        this.expected = deepCopy(plain);
        this.nl = doc.text.contains("\r\n") ? "\r\n" : "\n";
    }

    TomlDocument document() {
        return doc;
    }

    /** Sets {@code key} in the table at {@code table} to {@code value}, written as {@code rendered}. */
    void put(List<String> table, String key, Object value, String rendered) {
        @Nullable Pair existing = pair(table, key);
        if (existing != null) {
            replace(existing.value(), rendered);
        } else {
            Origin origin = doc.origin(table);
            @Nullable Table t = doc.table(table);
            @Nullable Header header = doc.header(table);
            @Nullable List<String> closed = doc.closedPrefix(table);
            if (closed != null) {
                throw refusal(firstOffset(closed), "[" + String.join(".", table) + "] is written "
                                + (doc.origin(closed) == Origin.INLINE ? "as an inline table" : "as an array of tables") + " here",
                        "write it as a [" + String.join(".", table) + "] table to edit it with stackdraft, or edit it by hand");
            }
            if (t == null || origin == Origin.IMPLICIT && header == null) {
                newTables.computeIfAbsent(table.getFirst(), e -> new LinkedHashMap<>())
                        .computeIfAbsent(table, p -> new LinkedHashMap<>()).put(key, rendered);
            } else if (origin == Origin.HEADER || origin == Origin.ROOT) {
                refuseIfDefinedOtherwise(t, table, key);
                int at = header == null ? rootEnd() : header.contentEnd();
                insertLine(at, line(key, rendered));
            } else {
                throw refusal(firstOffset(table), "[" + String.join(".", table) + "] is written "
                                + (origin == Origin.INLINE ? "as an inline table" : "with dotted keys") + " here",
                        "write it as a [" + String.join(".", table) + "] table to edit it with stackdraft, or edit it by hand");
            }
        }
        setExpected(table, key, value);
    }

    /** Replaces the text of a value read from the file (its type may change; the caller says what it means). */
    void replace(TomlValue old, String rendered) {
        patches.add(new Patch(old.start(), old.end(), rendered, patches.size()));
    }

    /** Sets what the value at {@code table.key} must mean after the edit (for a change made with {@link #replace}). */
    void setExpected(List<String> table, String key, Object value) {
        Map<String, Object> map = expected;
        for (String segment : table) {
            @SuppressWarnings("unchecked")
            Map<String, Object> next = (Map<String, Object>) map.computeIfAbsent(segment, s -> new LinkedHashMap<>());
            map = next;
        }
        map.put(key, value);
    }

    /** Takes {@code key}'s line out of the table at {@code table}. */
    void remove(List<String> table, String key) {
        @Nullable Pair existing = pair(table, key);
        if (existing == null) {
            return;
        }
        int start = lineStart(existing.lineStart());
        patches.add(new Patch(start, existing.lineEnd(), "", patches.size()));
        removeExpected(table, key);
    }

    /** Takes out every table and key of environment {@code env}, with the comments just above their headers. */
    void removeEnvironment(String env) {
        List<int[]> ranges = new ArrayList<>();
        for (int i = 0; i < doc.headers.size(); i++) {
            Header h = doc.headers.get(i);
            if (!h.path().getFirst().equals(env)) {
                continue;
            }
            int start = attachedStart(h);
            int end = i + 1 < doc.headers.size() ? attachedStart(doc.headers.get(i + 1)) : doc.text.length();
            ranges.add(new int[] {start, end});
        }
        for (Pair pair : doc.pairs) {
            if (pair.tablePath().isEmpty() && pair.key().getFirst().equals(env)) {
                ranges.add(new int[] {lineStart(pair.lineStart()), pair.lineEnd()});
            }
        }
        ranges.sort(Comparator.comparingInt(r -> r[0]));
        List<int[]> joined = new ArrayList<>();
        for (int[] range : ranges) {
            if (!joined.isEmpty() && range[0] <= joined.getLast()[1]) {
                joined.getLast()[1] = Math.max(joined.getLast()[1], range[1]);
            } else {
                joined.add(range);
            }
        }
        for (int[] range : joined) {
            int start = range[0];
            if (range[1] == doc.text.length()) { // the last block: the blank lines before it go instead of after
                start = blankLinesBefore(start);
            }
            patches.add(new Patch(start, range[1], "", patches.size()));
        }
        expected.remove(env);
    }

    /** The new text, read again and checked; or a refusal that says what went wrong. */
    String result() {
        writeNewTables();
        List<Patch> ordered = new ArrayList<>(patches);
        ordered.sort(Comparator.comparingInt(Patch::start).reversed().thenComparing(Comparator.comparingInt(Patch::order).reversed()));
        StringBuilder out = new StringBuilder(doc.text);
        int limit = Integer.MAX_VALUE;
        for (Patch patch : ordered) {
            if (patch.end() > limit) {
                throw refusal(patch.start(), "this edit cannot be written safely: two changes touch the same text",
                        "the file is unchanged; please report this with the file");
            }
            out.replace(patch.start(), patch.end(), patch.text());
            limit = patch.start();
        }
        String text = out.toString();
        TomlDocument after;
        try {
            after = TomlDocument.parse(doc.file, text);
        } catch (TemplateException e) {
            throw refusal(0, "this edit cannot be written safely: the result would not parse (" + e.problem() + ")",
                    "the file is unchanged; please report this with the file");
        }
        if (!Objects.equals(TomlValue.plain(after.root), expected)) {
            throw refusal(0, "this edit cannot be written safely: the result would not mean what was intended",
                    "the file is unchanged; please report this with the file");
        }
        return text;
    }

    // --- style and places ---------------------------------------------------------------------------------------

    /** {@code key = value} in the file's way of writing it. */
    String line(String key, String rendered) {
        return TomlWriter.key(key) + (spacedEquals() ? " = " : "=") + rendered;
    }

    String newline() {
        return nl;
    }

    private boolean spacedEquals() {
        int spaced = 0;
        int tight = 0;
        for (Pair pair : doc.pairs) {
            String between = doc.text.substring(pair.keyStart(), pair.value().start());
            if (between.contains(" =") || between.contains("\t=")) {
                spaced++;
            } else {
                tight++;
            }
        }
        return spaced >= tight;
    }

    /** Whether tables are separated by a blank line (most of them, or no table to tell: yes, as sam init writes). */
    private boolean blankBetweenTables() {
        int blank = 0;
        int none = 0;
        for (Header h : doc.headers) {
            int start = lineStart(h.start());
            if (start == 0) {
                continue;
            }
            int prevStart = lineStart(start - 1);
            if (doc.text.substring(prevStart, start).isBlank()) {
                blank++;
            } else {
                none++;
            }
        }
        return blank >= none;
    }

    private void insertLine(int at, String line) {
        if (at == doc.text.length() && !doc.text.isEmpty() && !doc.text.endsWith("\n")) {
            patches.add(new Patch(at, at, nl + line, patches.size())); // the file ends without a newline: so it stays
        } else {
            patches.add(new Patch(at, at, line + nl, patches.size()));
        }
    }

    private void writeNewTables() {
        boolean blank = blankBetweenTables();
        for (var env : newTables.entrySet()) {
            int at = doc.text.length();
            for (Header h : doc.headers) {
                if (h.path().getFirst().equals(env.getKey())) {
                    at = h.contentEnd();
                }
            }
            StringBuilder text = new StringBuilder();
            boolean endsOpen = at == doc.text.length() && !doc.text.isEmpty() && !doc.text.endsWith("\n");
            if (endsOpen) {
                text.append(nl);
            }
            for (var table : env.getValue().entrySet()) {
                if (blank && (at > 0 || !text.isEmpty())) {
                    text.append(nl);
                }
                text.append('[').append(String.join(".", table.getKey().stream().map(TomlWriter::key).toList())).append(']').append(nl);
                for (var kv : table.getValue().entrySet()) {
                    text.append(line(kv.getKey(), kv.getValue())).append(nl);
                }
            }
            if (endsOpen) {
                text.setLength(text.length() - nl.length()); // keep the file ending without a newline
            }
            patches.add(new Patch(at, at, text.toString(), patches.size()));
        }
        newTables.clear();
    }

    private @Nullable Pair pair(List<String> table, String key) {
        for (Pair pair : doc.pairs) {
            List<String> full = new ArrayList<>(pair.tablePath());
            full.addAll(pair.key());
            List<String> wanted = new ArrayList<>(table);
            wanted.add(key);
            if (full.equals(wanted)) {
                if (pair.key().size() > 1 || doc.origin(pair.tablePath()) == Origin.ARRAY_ITEM) {
                    throw refusal(pair.keyStart(), String.join(".", wanted) + " is written with a dotted key here",
                            "write it as " + key + " = ... in a [" + String.join(".", table) + "] table, or edit it by hand");
                }
                return pair;
            }
        }
        return null;
    }

    private void refuseIfDefinedOtherwise(Table t, List<String> table, String key) {
        if (t.entries().containsKey(key)) {
            throw refusal(firstOffset(table), String.join(".", table) + "." + key + " is already defined elsewhere"
                    + " in the file (as a table or with dotted keys)", "edit it by hand");
        }
    }

    private int firstOffset(List<String> table) {
        for (Pair pair : doc.pairs) {
            List<String> full = new ArrayList<>(pair.tablePath());
            full.addAll(pair.key());
            if (full.size() >= table.size() && full.subList(0, table.size()).equals(table)
                    || full.size() < table.size() && table.subList(0, full.size()).equals(full)) {
                return pair.keyStart();
            }
        }
        return 0;
    }

    /** Where the root table's keys end: after its last key, else at the start (before the first header). */
    private int rootEnd() {
        int end = 0;
        for (Pair pair : doc.pairs) {
            if (pair.header() == null) {
                end = pair.lineEnd();
            }
        }
        return end;
    }

    private int lineStart(int offset) {
        int i = Math.min(offset, doc.text.length());
        while (i > 0 && doc.text.charAt(i - 1) != '\n') {
            i--;
        }
        return i;
    }

    /** The start of the comment lines directly above a header (no blank line between), else the header's line. */
    private int attachedStart(Header h) {
        int start = lineStart(h.start());
        while (start > 0) {
            int prev = lineStart(start - 1);
            String line = doc.text.substring(prev, start).strip();
            if (!line.startsWith("#")) {
                break;
            }
            start = prev;
        }
        return start;
    }

    private int blankLinesBefore(int start) {
        int s = start;
        while (s > 0) {
            int prev = lineStart(s - 1);
            if (!doc.text.substring(prev, s).isBlank()) {
                break;
            }
            s = prev;
        }
        return s;
    }

    private void removeExpected(List<String> table, String key) {
        Object current = expected;
        for (String segment : table) {
            if (!(current instanceof Map<?, ?> map)) {
                return;
            }
            current = map.get(segment);
        }
        if (current instanceof Map<?, ?> map) {
            map.remove(key);
        }
    }

    private TemplateException refusal(int offset, String problem, String hint) {
        return new TemplateException(doc.location(offset), problem, hint);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
        return copy;
    }

    static boolean isString(@Nullable TomlValue value) {
        return value instanceof Str;
    }

    static boolean isArray(@Nullable TomlValue value) {
        return value instanceof Arr;
    }
}
