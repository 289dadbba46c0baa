package dev.stackdraft.environment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Environments out of a samconfig document's meaning (TOML or YAML alike: maps, lists, strings, numbers, booleans). */
final class SamConfigModel {

    static final String DEPLOY = "deploy";
    static final String GLOBAL = "global";
    static final String STACKDRAFT = "stackdraft";
    static final String PARAMETERS = "parameters";

    private SamConfigModel() {}

    /** SAM's {@code get_stage_configuration_names}: every top-level key whose value is a table. */
    static List<String> names(Map<String, Object> document) {
        List<String> names = new ArrayList<>();
        document.forEach((key, value) -> {
            if (value instanceof Map<?, ?>) {
                names.add(key);
            }
        });
        return names;
    }

    static Environment environment(Map<String, Object> document, String name) {
        Map<String, Object> deploy = parameters(document, name, DEPLOY);
        Map<String, Object> effective = new LinkedHashMap<>(parameters(document, name, GLOBAL));
        effective.putAll(deploy);
        @Nullable Object account = parameters(document, name, STACKDRAFT).get("account_id");
        return new Environment(name, text(effective.get("stack_name")), text(effective.get("region")),
                text(account), parameterOverrides(effective.get("parameter_overrides")), tags(effective.get("tags")),
                words(effective.get("capabilities")));
    }

    static Map<String, Object> parameters(Map<String, Object> document, String env, String command) {
        if (document.get(env) instanceof Map<?, ?> e && e.get(command) instanceof Map<?, ?> c
                && c.get(PARAMETERS) instanceof Map<?, ?> p) {
            Map<String, Object> out = new LinkedHashMap<>();
            p.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        return Map.of();
    }

    /** SAM's {@code CfnParameterOverridesType.convert}, without following {@code file://} references. */
    static Map<String, String> parameterOverrides(@Nullable Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        List<Object> flat = new ArrayList<>();
        flatten(value, flat);
        for (Object item : flat) {
            if (item instanceof String s) {
                if (!s.startsWith("file://")) {
                    out.putAll(SamKeyValues.parameterMap(s));
                }
            } else if (item instanceof Map<?, ?> map) {
                map.forEach((k, v) -> {
                    if (!"$include".equals(k)) {
                        out.put(SamKeyValues.unquote(String.valueOf(k)), SamKeyValues.unquote(python(v)));
                    }
                });
            }
        }
        return out;
    }

    private static void flatten(@Nullable Object value, List<Object> out) {
        if (value instanceof List<?> list) {
            list.forEach(item -> flatten(item, out));
        } else if (value != null) {
            out.add(value);
        }
    }

    /** How Python's {@code str()} writes a value (what SAM makes of a number or a boolean in a table of overrides). */
    private static String python(@Nullable Object value) {
        return switch (value) {
            case null -> "";
            case Boolean b -> b ? "True" : "False";
            case List<?> list -> String.join(",", list.stream().filter(x -> x != null && !"".equals(x))
                    .map(x -> String.valueOf(x).strip()).toList());
            default -> String.valueOf(value);
        };
    }

    static Map<String, String> tags(@Nullable Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        List<Object> flat = new ArrayList<>();
        flatten(value, flat);
        for (Object item : flat) {
            out.putAll(SamKeyValues.tags(String.valueOf(item)));
        }
        return out;
    }

    private static List<String> words(@Nullable Object value) {
        List<String> out = new ArrayList<>();
        List<Object> flat = new ArrayList<>();
        flatten(value, flat);
        for (Object item : flat) {
            for (String word : String.valueOf(item).split("\\s+")) {
                if (!word.isEmpty()) {
                    out.add(word);
                }
            }
        }
        return out;
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null || value instanceof Map<?, ?> || value instanceof List<?> ? null : String.valueOf(value);
    }
}
