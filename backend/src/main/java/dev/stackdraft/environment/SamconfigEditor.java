package dev.stackdraft.environment;

import java.util.List;
import java.util.Map;

/** The edits {@link Environments} makes, in TOML or in YAML: each collects text patches; {@link #result} checks them. */
interface SamconfigEditor {

    /** Sets a string; an unchanged value is not even re-quoted. */
    void putString(List<String> table, String key, String value);

    void putBoolean(List<String> table, String key, boolean value);

    /** Sets template parameter values in the {@code parameter_overrides} sam deploy reads for {@code env}. */
    void setOverrides(String env, Map<String, String> values);

    void removeOverride(String env, String key);

    void removeEnvironment(String env);

    /** The new text, read again and proven to mean the old one with exactly these changes. */
    String result();
}
