package dev.stackdraft.environment;

import dev.stackdraft.environment.TomlDocument.Header;
import dev.stackdraft.environment.TomlDocument.Pair;
import dev.stackdraft.environment.TomlValue.Arr;
import dev.stackdraft.environment.TomlValue.Atom;
import dev.stackdraft.environment.TomlValue.Kind;
import dev.stackdraft.environment.TomlValue.Origin;
import dev.stackdraft.environment.TomlValue.Str;
import dev.stackdraft.environment.TomlValue.Table;
import dev.stackdraft.template.TemplateException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The TOML 1.0 grammar, read once over a {@link TomlDocument}'s text: headers, key lines, values with their places,
 * and the logical tables they make. Refusals say the file, line and column, as the SAM CLI's reader would refuse.
 */
final class TomlParser {

    private static final Pattern INTEGER = Pattern.compile(
            "[+-]?(0|[1-9](_?[0-9])*)|0x[0-9A-Fa-f](_?[0-9A-Fa-f])*|0o[0-7](_?[0-7])*|0b[01](_?[01])*");
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(0|[1-9](_?[0-9])*)((\\.[0-9](_?[0-9])*)([eE][+-]?[0-9](_?[0-9])*)?|[eE][+-]?[0-9](_?[0-9])*)"
                    + "|[+-]?(inf|nan)");
    private static final Pattern DATETIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}([Tt ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?([Zz]|[+-]\\d{2}:\\d{2})?)?"
                    + "|\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");

    private final TomlDocument doc;
    private final String text;
    private int pos;
    final Map<String, TomlValue> rootEntries = new LinkedHashMap<>();
    final Map<String, Origin> origins = new LinkedHashMap<>();
    final List<Header> headers = new ArrayList<>();
    final List<Pair> pairs = new ArrayList<>();

    TomlParser(TomlDocument doc) {
        this.doc = doc;
        this.text = doc.text;
    }


    void parse() {
        List<String> tablePath = List.of();
        Map<String, TomlValue> table = rootEntries;
        int headerIndex = -1;
        List<Header> open = new ArrayList<>(); // headers whose content end is not known yet
        int lastContentEnd = 0;
        while (true) {
            skipBlankAndComments();
            if (pos >= text.length()) {
                break;
            }
            int lineStart = pos;
            if (text.charAt(pos) == '[') {
                closeHeader(headerIndex, lastContentEnd);
                boolean array = text.startsWith("[[", pos);
                pos += array ? 2 : 1;
                skipSpaces();
                List<String> path = key();
                skipSpaces();
                if (!text.startsWith(array ? "]]" : "]", pos)) {
                    throw error(pos, "a table header must end with " + (array ? "]]" : "]"), "close the brackets");
                }
                pos += array ? 2 : 1;
                endOfLine();
                table = array ? arrayTable(path, lineStart) : headerTable(path, lineStart);
                tablePath = path;
                headers.add(new Header(path, array, lineStart, pos, pos));
                headerIndex = headers.size() - 1;
                lastContentEnd = pos;
                continue;
            }
            int keyStart = pos;
            List<String> key = key();
            skipSpaces();
            if (pos >= text.length() || text.charAt(pos) != '=') {
                throw error(pos, "expected '=' after the key " + String.join(".", key),
                        "write key = value, with the value quoted if it is text");
            }
            pos++;
            skipSpaces();
            TomlValue value = value(tablePath, key);
            endOfLine();
            assign(table, tablePath, key, value, keyStart);
            pairs.add(new Pair(tablePath, headerIndex < 0 ? null : headers.get(headerIndex), key, value, lineStart,
                    keyStart, pos));
            lastContentEnd = pos;
        }
        closeHeader(headerIndex, lastContentEnd);
        // pairs were recorded with the header before its content end was known: point them at the final headers
        for (int i = 0; i < pairs.size(); i++) {
            Pair p = pairs.get(i);
            if (p.header() != null) {
                Header h = p.header();
                Header fin = headers.stream().filter(x -> x.start() == h.start()).findFirst().orElseThrow();
                pairs.set(i, new Pair(p.tablePath(), fin, p.key(), p.value(), p.lineStart(), p.keyStart(), p.lineEnd()));
            }
        }
    }

    private void closeHeader(int index, int contentEnd) {
        if (index >= 0) {
            Header h = headers.get(index);
            headers.set(index, new Header(h.path(), h.array(), h.start(), h.lineEnd(), Math.max(contentEnd, h.lineEnd())));
        }
    }

    private Map<String, TomlValue> headerTable(List<String> path, int at) {
        Map<String, TomlValue> parent = walk(path.subList(0, path.size() - 1), at);
        String last = path.getLast();
        String id = String.join("\0", path);
        TomlValue existing = parent.get(last);
        if (existing == null) {
            Map<String, TomlValue> entries = new LinkedHashMap<>();
            parent.put(last, new Table(entries, Origin.HEADER, at, at));
            origins.put(id, Origin.HEADER);
            return entries;
        }
        if (existing instanceof Table t && origins.getOrDefault(id, Origin.IMPLICIT) == Origin.IMPLICIT) {
            origins.put(id, Origin.HEADER);
            return t.entries();
        }
        throw error(at, "the table [" + String.join(".", path) + "] is defined twice",
                "merge the two into one table; TOML readers (and the SAM CLI) refuse a second definition");
    }

    private Map<String, TomlValue> arrayTable(List<String> path, int at) {
        Map<String, TomlValue> parent = walk(path.subList(0, path.size() - 1), at);
        String last = path.getLast();
        TomlValue existing = parent.get(last);
        List<TomlValue> items = new ArrayList<>();
        if (existing instanceof Arr arr && origins.get(String.join("\0", path)) == Origin.ARRAY_ITEM) {
            items.addAll(arr.items());
        } else if (existing != null) {
            throw error(at, "[[" + String.join(".", path) + "]] names something already defined", "rename one of them");
        }
        Map<String, TomlValue> entries = new LinkedHashMap<>();
        items.add(new Table(entries, Origin.ARRAY_ITEM, at, at));
        parent.put(last, new Arr(items, true, at, at));
        origins.put(String.join("\0", path), Origin.ARRAY_ITEM);
        return entries;
    }

    /** The entries of the table at {@code path}, making the missing ones implicitly (as a header does). */
    private Map<String, TomlValue> walk(List<String> path, int at) {
        Map<String, TomlValue> current = rootEntries;
        for (int i = 0; i < path.size(); i++) {
            String segment = path.get(i);
            TomlValue next = current.get(segment);
            if (next == null) {
                Map<String, TomlValue> entries = new LinkedHashMap<>();
                current.put(segment, new Table(entries, Origin.IMPLICIT, at, at));
                current = entries;
            } else if (next instanceof Table t && t.origin() != Origin.INLINE) {
                current = t.entries();
            } else if (next instanceof Arr arr && origins.get(String.join("\0", path.subList(0, i + 1))) == Origin.ARRAY_ITEM) {
                current = ((Table) arr.items().getLast()).entries();
            } else {
                throw error(at, String.join(".", path.subList(0, i + 1)) + " is already a value, not a table",
                        "rename the table or the key");
            }
        }
        return current;
    }

    private void assign(Map<String, TomlValue> table, List<String> tablePath, List<String> key, TomlValue value, int at) {
        Map<String, TomlValue> current = table;
        List<String> path = new ArrayList<>(tablePath);
        for (int i = 0; i < key.size() - 1; i++) {
            String segment = key.get(i);
            path.add(segment);
            TomlValue next = current.get(segment);
            String id = String.join("\0", path);
            if (next == null) {
                Map<String, TomlValue> entries = new LinkedHashMap<>();
                current.put(segment, new Table(entries, Origin.DOTTED, at, at));
                origins.put(id, Origin.DOTTED);
                current = entries;
            } else if (next instanceof Table t && origins.get(id) == Origin.DOTTED) {
                current = t.entries();
            } else {
                throw error(at, "the key " + String.join(".", path) + " is already defined", "write each key once");
            }
        }
        String last = key.getLast();
        if (current.containsKey(last)) {
            throw error(at, "the key " + String.join(".", key) + " is defined twice in this table",
                    "keep one of them; TOML readers (and the SAM CLI) refuse a repeated key");
        }
        current.put(last, value);
        if (value instanceof Table) {
            path.add(last);
            origins.put(String.join("\0", path), Origin.INLINE);
        }
    }

    private List<String> key() {
        List<String> segments = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (pos >= text.length()) {
                throw error(pos, "a key is missing", "write key = value");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                Str s = basicString();
                if (s.multiline()) {
                    throw error(s.start(), "a key may not be a multi-line string", "use a one-line quoted key");
                }
                segments.add(s.value());
            } else if (c == '\'') {
                Str s = literalString();
                if (s.multiline()) {
                    throw error(s.start(), "a key may not be a multi-line string", "use a one-line quoted key");
                }
                segments.add(s.value());
            } else {
                int start = pos;
                while (pos < text.length() && isBare(text.charAt(pos))) {
                    pos++;
                }
                if (start == pos) {
                    throw error(pos, "'" + printable(c) + "' cannot start a key",
                            "a key is letters, digits, '_' and '-', or a quoted string");
                }
                segments.add(text.substring(start, pos));
            }
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == '.') {
                pos++;
                continue;
            }
            return segments;
        }
    }

    private TomlValue value(List<String> tablePath, List<String> key) {
        if (pos >= text.length() || text.charAt(pos) == '\n' || text.charAt(pos) == '\r' || text.charAt(pos) == '#') {
            throw error(pos, "the value of " + String.join(".", key) + " is missing",
                    "write a value after '=', e.g. \"text\", 1, true or [ ]");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '"' -> basicString();
            case '\'' -> literalString();
            case '[' -> array(tablePath, key);
            case '{' -> inlineTable(tablePath, key);
            default -> atom(key);
        };
    }

    private Atom atom(List<String> key) {
        int start = pos;
        while (pos < text.length() && isAtomChar(text.charAt(pos))) {
            pos++;
        }
        // a date and a time may be separated by one space
        if (pos + 2 < text.length() && text.charAt(pos) == ' ' && Character.isDigit(text.charAt(pos + 1))
                && text.substring(start, pos).matches("\\d{4}-\\d{2}-\\d{2}")) {
            pos++;
            while (pos < text.length() && isAtomChar(text.charAt(pos))) {
                pos++;
            }
        }
        String raw = text.substring(start, pos);
        Kind kind;
        if (raw.equals("true") || raw.equals("false")) {
            kind = Kind.BOOLEAN;
        } else if (INTEGER.matcher(raw).matches()) {
            kind = Kind.INTEGER;
        } else if (FLOAT.matcher(raw).matches()) {
            kind = Kind.FLOAT;
        } else if (DATETIME.matcher(raw).matches()) {
            kind = Kind.DATETIME;
        } else {
            throw error(start, "'" + (raw.isEmpty() ? printable(text.charAt(start)) : raw) + "' is not a TOML value"
                            + " (the value of " + String.join(".", key) + ")",
                    "quote text: " + String.join(".", key) + " = \"" + raw.replace("\"", "") + "\"");
        }
        return new Atom(kind, raw, start, pos);
    }

    private Arr array(List<String> tablePath, List<String> key) {
        int start = pos;
        int line = lineOf(start);
        pos++;
        List<TomlValue> items = new ArrayList<>();
        while (true) {
            skipWhitespaceNewlinesComments();
            if (pos >= text.length()) {
                throw error(start, "the array never closes", "end it with ']'");
            }
            if (text.charAt(pos) == ']') {
                pos++;
                break;
            }
            items.add(value(tablePath, key));
            skipWhitespaceNewlinesComments();
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
            } else if (pos < text.length() && text.charAt(pos) == ']') {
                pos++;
                break;
            } else {
                throw error(pos, "expected ',' or ']' in the array", "separate the items with commas");
            }
        }
        return new Arr(items, lineOf(pos) != line, start, pos);
    }

    private Table inlineTable(List<String> tablePath, List<String> key) {
        int start = pos;
        pos++;
        Map<String, TomlValue> entries = new LinkedHashMap<>();
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == '}') {
            pos++;
            return new Table(entries, Origin.INLINE, start, pos);
        }
        while (true) {
            skipSpaces();
            int at = pos;
            List<String> k = key();
            skipSpaces();
            if (pos >= text.length() || text.charAt(pos) != '=') {
                throw error(pos, "expected '=' in the inline table", "write { key = value, ... } on one line");
            }
            pos++;
            skipSpaces();
            TomlValue v = value(tablePath, k);
            Map<String, TomlValue> current = entries;
            for (int i = 0; i < k.size() - 1; i++) {
                TomlValue next = current.computeIfAbsent(k.get(i), s -> new Table(new LinkedHashMap<>(), Origin.DOTTED, at, at));
                if (!(next instanceof Table t)) {
                    throw error(at, "the key " + String.join(".", k) + " is already defined", "write each key once");
                }
                current = t.entries();
            }
            if (current.put(k.getLast(), v) != null) {
                throw error(at, "the key " + String.join(".", k) + " is defined twice in the inline table", "keep one");
            }
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
            } else if (pos < text.length() && text.charAt(pos) == '}') {
                pos++;
                return new Table(entries, Origin.INLINE, start, pos);
            } else {
                throw error(pos, "expected ',' or '}' in the inline table", "write { key = value, ... } on one line");
            }
        }
    }

    private Str basicString() {
        int start = pos;
        boolean multi = text.startsWith("\"\"\"", pos);
        pos += multi ? 3 : 1;
        if (multi) {
            skipFirstNewline();
        }
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error(start, "the string never closes", "end it with " + (multi ? "\"\"\"" : "\""));
            }
            char c = text.charAt(pos);
            if (multi && text.startsWith("\"\"\"", pos)) {
                int quotes = 3;
                while (pos + quotes < text.length() && text.charAt(pos + quotes) == '"' && quotes < 5) {
                    quotes++;
                }
                out.append("\"".repeat(quotes - 3));
                pos += quotes;
                return new Str(out.toString(), false, true, start, pos);
            }
            if (!multi && c == '"') {
                pos++;
                return new Str(out.toString(), false, false, start, pos);
            }
            if (!multi && (c == '\n' || c == '\r')) {
                throw error(start, "the string never closes on its line", "end it with '\"' or use \"\"\" for several lines");
            }
            if (c == '\\') {
                pos++;
                if (pos >= text.length()) {
                    throw error(pos, "the string ends in an escape", "write \\\\ for a backslash");
                }
                char e = text.charAt(pos);
                switch (e) {
                    case 'b' -> out.append('\b');
                    case 't' -> out.append('\t');
                    case 'n' -> out.append('\n');
                    case 'f' -> out.append('\f');
                    case 'r' -> out.append('\r');
                    case 'e' -> out.append('\u001b');
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case 'u', 'U' -> {
                        int n = e == 'u' ? 4 : 8;
                        if (pos + n >= text.length() || !text.substring(pos + 1, pos + 1 + n).matches("[0-9A-Fa-f]+")) {
                            throw error(pos - 1, "\\" + e + " needs " + n + " hex digits", "write the code point in hex");
                        }
                        out.appendCodePoint(Integer.parseInt(text.substring(pos + 1, pos + 1 + n), 16));
                        pos += n;
                    }
                    default -> {
                        if (multi && (e == ' ' || e == '\t' || e == '\n' || e == '\r')) {
                            // a line-ending backslash: the newline and the whitespace after it go
                            int p = pos;
                            while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
                                p++;
                            }
                            if (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
                                while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
                                    p++;
                                }
                                pos = p;
                                continue;
                            }
                        }
                        throw error(pos - 1, "\\" + printable(e) + " is not an escape TOML knows",
                                "write \\\\ for a backslash, or use a 'literal string'");
                    }
                }
                pos++;
                continue;
            }
            out.append(c);
            pos++;
        }
    }

    private Str literalString() {
        int start = pos;
        boolean multi = text.startsWith("'''", pos);
        pos += multi ? 3 : 1;
        if (multi) {
            skipFirstNewline();
        }
        int from = pos;
        while (true) {
            if (pos >= text.length()) {
                throw error(start, "the string never closes", "end it with " + (multi ? "'''" : "'"));
            }
            char c = text.charAt(pos);
            if (multi && text.startsWith("'''", pos)) {
                int quotes = 3;
                while (pos + quotes < text.length() && text.charAt(pos + quotes) == '\'' && quotes < 5) {
                    quotes++;
                }
                String value = text.substring(from, pos) + "'".repeat(quotes - 3);
                pos += quotes;
                return new Str(value, true, true, start, pos);
            }
            if (!multi && c == '\'') {
                String value = text.substring(from, pos);
                pos++;
                return new Str(value, true, false, start, pos);
            }
            if (!multi && (c == '\n' || c == '\r')) {
                throw error(start, "the string never closes on its line", "end it with \"'\"");
            }
            pos++;
        }
    }

    private void skipFirstNewline() {
        if (text.startsWith("\r\n", pos)) {
            pos += 2;
        } else if (pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
        }
    }

    /** After a value or header: spaces, an optional comment, then a newline or the end of the text. */
    private void endOfLine() {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == '#') {
            while (pos < text.length() && text.charAt(pos) != '\n') {
                pos++;
            }
        }
        if (pos >= text.length()) {
            return;
        }
        if (text.startsWith("\r\n", pos)) {
            pos += 2;
        } else if (text.charAt(pos) == '\n') {
            pos++;
        } else {
            throw error(pos, "unexpected '" + printable(text.charAt(pos)) + "' after the value",
                    "one key = value per line; quote text that has spaces or quotes in it");
        }
    }

    private void skipSpaces() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private void skipBlankAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\uFEFF' && pos == 0) {
                pos++;
            } else if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private void skipWhitespaceNewlinesComments() {
        skipBlankAndComments();
    }

    private int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean isBare(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    private static boolean isAtomChar(char c) {
        return isBare(c) || c == '+' || c == '.' || c == ':';
    }


    private static String printable(char c) {
        return c < ' ' ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private TemplateException error(int offset, String problem, String hint) {
        return new TemplateException(doc.location(offset), problem, hint);
    }
}
