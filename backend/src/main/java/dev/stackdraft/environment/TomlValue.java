package dev.stackdraft.environment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TOML value as written: where it stands ({@code [start, end)} char offsets into the text) and what it means.
 * Tables are the logical ones (a header, dotted keys or an inline table make them), built by {@link TomlDocument}.
 */
sealed interface TomlValue {

    int start();

    int end();

    /** A string; {@code literal} for {@code '...'} and {@code '''...'''}, {@code multiline} for the triple-quoted. */
    record Str(String value, boolean literal, boolean multiline, int start, int end) implements TomlValue {}

    /** An integer, float, boolean or date-time, kept as written; {@link #plain()} says what it means. */
    record Atom(Kind kind, String raw, int start, int end) implements TomlValue {}

    /** An array; {@code multiline} when it spans lines. */
    record Arr(List<TomlValue> items, boolean multiline, int start, int end) implements TomlValue {
        public Arr {
            items = List.copyOf(items);
        }
    }

    /** A table; {@code origin} says how the file made it, which decides what may be written into it. */
    record Table(Map<String, TomlValue> entries, Origin origin, int start, int end) implements TomlValue {}

    enum Kind { INTEGER, FLOAT, BOOLEAN, DATETIME }

    enum Origin { ROOT, HEADER, IMPLICIT, DOTTED, INLINE, ARRAY_ITEM }

    /** What a TOML reader makes of it: String, Long, Double, Boolean, a date-time as its text, List, Map. */
    static Object plain(TomlValue value) {
        return switch (value) {
            case Str s -> s.value();
            case Atom a -> switch (a.kind()) {
                case BOOLEAN -> Boolean.parseBoolean(a.raw());
                case INTEGER -> parseInteger(a.raw());
                case FLOAT -> parseFloat(a.raw());
                case DATETIME -> a.raw();
            };
            case Arr arr -> arr.items().stream().map(TomlValue::plain).toList();
            case Table t -> {
                Map<String, Object> map = new LinkedHashMap<>();
                t.entries().forEach((k, v) -> map.put(k, plain(v)));
                yield map;
            }
        };
    }

    private static Long parseInteger(String raw) {
        String digits = raw.replace("_", "");
        boolean negative = digits.startsWith("-");
        if (digits.startsWith("+") || digits.startsWith("-")) {
            digits = digits.substring(1);
        }
        long value;
        if (digits.startsWith("0x")) {
            value = Long.parseUnsignedLong(digits.substring(2), 16);
        } else if (digits.startsWith("0o")) {
            value = Long.parseLong(digits.substring(2), 8);
        } else if (digits.startsWith("0b")) {
            value = Long.parseLong(digits.substring(2), 2);
        } else {
            value = Long.parseLong(digits);
        }
        return negative ? -value : value;
    }

    private static Double parseFloat(String raw) {
        String text = raw.replace("_", "");
        return switch (text) {
            case "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan", "+nan", "-nan" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }
}
