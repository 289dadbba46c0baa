package dev.stackdraft.environment;

import java.util.List;
import java.util.Map;

/** {@link SamconfigEditor} over a {@code samconfig.toml}. */
final class TomlSamconfigEditor implements SamconfigEditor {

    private final TomlEditor editor;

    TomlSamconfigEditor(TomlDocument doc) {
        this.editor = new TomlEditor(doc);
    }

    @Override
    public void putString(List<String> table, String key, String value) {
        TomlDocument doc = editor.document();
        boolean literal = false;
        if (doc.table(table) != null && doc.table(table).entries().get(key) instanceof TomlValue.Str s) {
            if (s.value().equals(value)) {
                return;
            }
            literal = s.literal() && !s.multiline();
        }
        editor.put(table, key, value, TomlWriter.string(value, literal));
    }

    @Override
    public void putBoolean(List<String> table, String key, boolean value) {
        editor.put(table, key, value, Boolean.toString(value));
    }

    @Override
    public void setOverrides(String env, Map<String, String> values) {
        new OverridesEdit(editor).set(env, values);
    }

    @Override
    public void removeOverride(String env, String key) {
        new OverridesEdit(editor).remove(env, key);
    }

    @Override
    public void removeEnvironment(String env) {
        editor.removeEnvironment(env);
    }

    @Override
    public String result() {
        return editor.result();
    }
}
