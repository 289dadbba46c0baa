package dev.stackdraft.environment;

import dev.stackdraft.environment.TomlValue.Arr;
import dev.stackdraft.environment.TomlValue.Str;
import dev.stackdraft.environment.TomlValue.Table;
import dev.stackdraft.template.TemplateException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One template parameter's value in an environment's {@code parameter_overrides}, changed where {@code sam deploy}
 * reads it from (the deploy table's, else the global table's, else a new one in the deploy table) and only at that
 * pair: the other pairs, their quoting and the string's own quoting stay as written.
 */
final class OverridesEdit {

    static final String KEY = "parameter_overrides";

    private final TomlEditor editor;
    private final TomlDocument doc;

    OverridesEdit(TomlEditor editor) {
        this.editor = editor;
        this.doc = editor.document();
    }

    /** Sets each of {@code values} (in order); the others stay. */
    void set(String env, java.util.Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        List<String> table = where(env);
        @Nullable TomlValue current = current(table);
        if (current == null) {
            String written = "";
            for (var entry : values.entrySet()) {
                written = withPair(written, entry.getKey(), entry.getValue());
            }
            editor.put(table, KEY, written, TomlWriter.string(written, false));
            return;
        }
        switch (current) {
            case Str s -> {
                String changed = checked(s, table);
                for (var entry : values.entrySet()) {
                    changed = withPair(changed, entry.getKey(), entry.getValue());
                }
                if (!changed.equals(s.value())) {
                    editor.replace(s, TomlWriter.string(changed, s.literal()));
                    editor.setExpected(table, KEY, changed);
                }
            }
            case Arr arr -> {
                List<Object> items = strings(arr, table);
                int original = items.size();
                for (var entry : values.entrySet()) {
                    int index = lastItemWith(items, entry.getKey());
                    if (index >= 0) {
                        items.set(index, withPair((String) items.get(index), entry.getKey(), entry.getValue()));
                    } else {
                        boolean quoted = items.isEmpty() || items.stream().anyMatch(i -> anyQuoted((String) i));
                        items.add(SamKeyValues.pair(entry.getKey(), entry.getValue(), quoted));
                    }
                }
                boolean literal = !arr.items().isEmpty() && ((Str) arr.items().getLast()).literal();
                for (int i = 0; i < original; i++) {
                    Str item = (Str) arr.items().get(i);
                    if (!item.value().equals(items.get(i))) {
                        editor.replace(item, TomlWriter.string((String) items.get(i), item.literal()));
                    }
                }
                if (items.size() > original) {
                    appendItems(arr, items.subList(original, items.size()).stream()
                            .map(i -> TomlWriter.string((String) i, literal)).toList());
                }
                editor.setExpected(table, KEY, items);
            }
            default -> throw unsupported(current, table);
        }
    }

    void remove(String env, String key) {
        List<String> table = where(env);
        @Nullable TomlValue current = current(table);
        if (current == null) {
            return;
        }
        switch (current) {
            case Str s -> {
                String changed = withoutPair(checked(s, table), key);
                if (changed.equals(s.value())) {
                    return;
                }
                if (changed.isBlank()) {
                    editor.remove(table, KEY);
                } else {
                    editor.replace(s, TomlWriter.string(changed, s.literal()));
                    editor.setExpected(table, KEY, changed);
                }
            }
            case Arr arr -> {
                List<Object> items = strings(arr, table);
                int index = lastItemWith(items, key);
                if (index < 0) {
                    return;
                }
                Str item = (Str) arr.items().get(index);
                String changed = withoutPair(checked(item, table), key);
                if (!changed.isBlank()) {
                    editor.replace(item, TomlWriter.string(changed, item.literal()));
                    items.set(index, changed);
                } else if (items.size() == 1) {
                    editor.remove(table, KEY);
                    return;
                } else {
                    removeItem(arr, index);
                    items.remove(index);
                }
                editor.setExpected(table, KEY, items);
            }
            default -> throw unsupported(current, table);
        }
    }

    /** The table whose parameter_overrides sam deploy reads for {@code env}. */
    private List<String> where(String env) {
        List<String> deploy = List.of(env, SamConfigModel.DEPLOY, SamConfigModel.PARAMETERS);
        List<String> global = List.of(env, SamConfigModel.GLOBAL, SamConfigModel.PARAMETERS);
        if (current(deploy) == null && current(global) != null) {
            return global;
        }
        return deploy;
    }

    private @Nullable TomlValue current(List<String> table) {
        @Nullable Table t = doc.table(table);
        return t == null ? null : t.entries().get(KEY);
    }

    private String checked(Str s, List<String> table) {
        if (s.multiline()) {
            throw new TemplateException(doc.location(s.start()), String.join(".", table) + "." + KEY
                    + " is a multi-line string, which the SAM CLI splits at spaces only", "write it on one line");
        }
        if (SamKeyValues.isLongForm(s.value())) {
            throw new TemplateException(doc.location(s.start()), KEY + " is written as ParameterKey=...,ParameterValue=..."
                    + " here", "write it as KEY=VALUE pairs to edit it with stackdraft, or edit it by hand");
        }
        return s.value();
    }

    private List<Object> strings(Arr arr, List<String> table) {
        List<Object> items = new ArrayList<>();
        for (TomlValue item : arr.items()) {
            if (!(item instanceof Str s)) {
                throw unsupported(item, table);
            }
            items.add(checked(s, table));
        }
        return items;
    }

    private static int lastItemWith(List<Object> items, String key) {
        for (int i = items.size() - 1; i >= 0; i--) {
            if (SamKeyValues.parameterMap((String) items.get(i)).containsKey(key)) {
                return i;
            }
        }
        return -1;
    }

    static String withPair(String text, String key, String value) {
        List<SamKeyValues.Pair> pairs = SamKeyValues.parameters(text);
        for (int i = pairs.size() - 1; i >= 0; i--) {
            SamKeyValues.Pair pair = pairs.get(i);
            if (pair.key().equals(key)) {
                return text.substring(0, pair.start()) + SamKeyValues.pair(key, value, pair.quoted() || anyQuoted(text))
                        + text.substring(pair.end());
            }
        }
        String added = SamKeyValues.pair(key, value, pairs.isEmpty() || anyQuoted(text));
        if (text.isBlank()) {
            return added;
        }
        String trimmed = text.stripTrailing();
        return trimmed + " " + added + text.substring(trimmed.length());
    }

    static String withoutPair(String text, String key) {
        String out = text;
        List<SamKeyValues.Pair> pairs = SamKeyValues.parameters(text);
        for (int i = pairs.size() - 1; i >= 0; i--) {
            SamKeyValues.Pair pair = pairs.get(i);
            if (!pair.key().equals(key)) {
                continue;
            }
            int start = pair.start();
            int end = pair.end();
            if (start > 0 && out.charAt(start - 1) == ' ') {
                start--;
            } else if (end < out.length() && out.charAt(end) == ' ') {
                end++;
            }
            out = out.substring(0, start) + out.substring(end);
        }
        return out;
    }

    private static boolean anyQuoted(String text) {
        return SamKeyValues.parameters(text).stream().anyMatch(SamKeyValues.Pair::quoted);
    }

    private void appendItems(Arr arr, List<String> rendered) {
        if (arr.items().isEmpty()) {
            editor.replace(arr, "[" + String.join(", ", rendered) + "]");
            return;
        }
        TomlValue last = arr.items().getLast();
        String text = doc.text;
        if (!arr.multiline()) {
            editor.replace(new Str("", false, false, last.end(), last.end()), ", " + String.join(", ", rendered));
            return;
        }
        int lineStart = last.start();
        while (lineStart > 0 && text.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        String indent = text.substring(lineStart, last.start()).replaceAll("\\S", " ");
        int after = last.end();
        while (after < arr.end() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
            after++;
        }
        StringBuilder added = new StringBuilder();
        boolean trailingComma = text.charAt(after) == ',';
        for (String item : rendered) {
            added.append(trailingComma ? "" : ",").append(editor.newline()).append(indent).append(item)
                    .append(trailingComma ? "," : "");
        }
        int at = trailingComma ? after + 1 : last.end(); // after a trailing comma, each new item has one of its own
        editor.replace(new Str("", false, false, at, at), added.toString());
    }

    private void removeItem(Arr arr, int index) {
        TomlValue item = arr.items().get(index);
        if (index > 0) {
            TomlValue previous = arr.items().get(index - 1);
            editor.replace(new Str("", false, false, previous.end(), item.end()), "");
        } else {
            TomlValue next = arr.items().get(1);
            editor.replace(new Str("", false, false, item.start(), next.start()), "");
        }
    }

    private TemplateException unsupported(TomlValue value, List<String> table) {
        return new TemplateException(doc.location(value.start()), String.join(".", table) + "." + KEY
                + " is not a string or a list of strings here", "write it as \"KEY=VALUE ...\" to edit it with stackdraft,"
                + " or edit it by hand");
    }
}
