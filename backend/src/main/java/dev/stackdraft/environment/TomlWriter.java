package dev.stackdraft.environment;

import java.util.List;

/** TOML text for keys and values that an edit writes. */
final class TomlWriter {

    private TomlWriter() {}

    /** A key: bare when it can be, else a basic string. */
    static String key(String key) {
        return TomlDocument.isBareKey(key) ? key : string(key, false);
    }

    /** A one-line string; {@code literal} ({@code '...'}) when asked and the text allows it. */
    static String string(String value, boolean literal) {
        if (literal && value.indexOf('\'') < 0 && value.chars().noneMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            return "'" + value + "'";
        }
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String array(List<String> items) {
        return "[" + String.join(", ", items.stream().map(s -> string(s, false)).toList()) + "]";
    }
}
