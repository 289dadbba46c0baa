package dev.stackdraft.template;

import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.ScalarKind;
import dev.stackdraft.template.Value.ScalarStyle;
import dev.stackdraft.template.Value.Sequence;
import dev.stackdraft.template.Value.Tagged;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Writes new values as text in a {@link FileStyle}: YAML block and flow notation, and JSON. */
final class Renderer {

    private static final Pattern PLAIN_SAFE = Pattern.compile("[A-Za-z0-9_./$(=+^~<;\\\\-][^\\n\\r\\t]*");

    private final FileStyle style;

    Renderer(FileStyle style) {
        this.style = style;
    }

    FileStyle style() {
        return style;
    }

    // ---- YAML block notation -------------------------------------------------------------------------

    /** What follows {@code key:} for a value whose key sits at {@code keyColumn} (0-based). */
    String afterKey(Value value, int keyColumn) {
        return switch (value) {
            case Scalar s -> s.isNull() ? "" : " " + blockScalar(s, keyColumn + style.indent());
            case Mapping m when m.entries().isEmpty() -> " {}";
            case Sequence s when s.items().isEmpty() -> " []";
            case Mapping m -> style.lineEnding() + mappingLines(m, keyColumn + style.indent());
            case Sequence s -> style.lineEnding() + sequenceLines(s, keyColumn + style.sequenceOffset());
            case Intrinsic fn -> style.shortIntrinsics() ? " " + shortIntrinsic(fn, keyColumn + style.indent())
                    : afterKey(longForm(fn), keyColumn);
            case Tagged t -> " " + t.tag() + afterKey(t.value(), keyColumn);
        };
    }

    /** What follows {@code -} for a list item whose dash is at {@code dashColumn} (0-based). */
    String afterDash(Value value, int dashColumn) {
        int content = dashColumn + 2;
        return switch (value) {
            case Scalar s -> " " + blockScalar(s, content);
            case Mapping m when m.entries().isEmpty() -> " {}";
            case Sequence s when s.items().isEmpty() -> " []";
            case Mapping m -> " " + mappingLines(m, content).substring(content);
            case Sequence s -> " " + sequenceLines(s, content).substring(content);
            case Intrinsic fn -> style.shortIntrinsics() ? " " + shortIntrinsic(fn, content)
                    : afterDash(longForm(fn), dashColumn);
            case Tagged t -> " " + t.tag() + afterDash(t.value(), dashColumn);
        };
    }

    /** The lines of a block mapping whose keys sit at {@code column}, each indented, without a final newline. */
    String mappingLines(Mapping mapping, int column) {
        List<String> lines = new ArrayList<>();
        for (Entry e : mapping.entries()) {
            lines.add(style.spaces(column) + key(e.name()) + ":" + afterKey(e.value(), column));
        }
        return String.join(style.lineEnding(), lines);
    }

    String sequenceLines(Sequence sequence, int dashColumn) {
        List<String> lines = new ArrayList<>();
        for (Value item : sequence.items()) {
            lines.add(style.spaces(dashColumn) + "-" + afterDash(item, dashColumn));
        }
        return String.join(style.lineEnding(), lines);
    }

    private String shortIntrinsic(Intrinsic fn, int argumentColumn) {
        String tag = fn.fn().shortTag();
        Value arg = fn.argument();
        if (fn.fn() == Fn.GET_ATT && arg instanceof Sequence seq && seq.items().size() == 2
                && seq.items().get(0) instanceof Scalar a && seq.items().get(1) instanceof Scalar b) {
            return tag + " " + plainOrQuoted(a.text() + "." + b.text(), false);
        }
        return switch (arg) {
            case Scalar s -> tag + " " + blockScalar(s, argumentColumn);
            case Sequence s when s.items().isEmpty() -> tag + " []";
            case Mapping m when m.entries().isEmpty() -> tag + " {}";
            case Sequence s when isFlat(s) -> tag + " " + flow(s);
            case Sequence s -> tag + style.lineEnding() + sequenceLines(s, argumentColumn);
            case Mapping m -> tag + style.lineEnding() + mappingLines(m, argumentColumn);
            default -> tag + " " + flow(arg);
        };
    }

    private static boolean isFlat(Sequence s) {
        return s.items().size() <= 4 && s.items().stream().allMatch(v -> v instanceof Scalar sc && !sc.text().contains("\n")
                || v instanceof Intrinsic i && i.argument() instanceof Scalar);
    }

    private static Mapping longForm(Intrinsic fn) {
        return Value.mapping(List.of(Value.entry(fn.fn().longName(), fn.argument())));
    }

    private String blockScalar(Scalar s, int contentColumn) {
        if (s.kind() == ScalarKind.STRING && s.text().contains("\n")) {
            return literal(s.text(), contentColumn);
        }
        return scalar(s, false);
    }

    /** A multi-line string as a literal block ({@code |}, {@code |-} or {@code |+}). */
    String literal(String text, int contentColumn) {
        String chomp = text.endsWith("\n\n") ? "+" : text.endsWith("\n") ? "" : "-";
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        String indentIndicator = body.startsWith(" ") ? Integer.toString(style.indent()) : "";
        StringBuilder out = new StringBuilder("|").append(indentIndicator).append(chomp);
        for (String line : body.split("\n", -1)) {
            out.append(style.lineEnding());
            if (!line.isEmpty()) {
                out.append(style.spaces(contentColumn)).append(line);
            }
        }
        return out.toString();
    }

    // ---- YAML flow notation --------------------------------------------------------------------------

    String flow(Value value) {
        return switch (value) {
            case Scalar s -> scalar(s, true);
            case Sequence s -> "[" + String.join(", ", s.items().stream().map(this::flow).toList()) + "]";
            case Mapping m -> m.entries().isEmpty() ? "{}" : "{" + String.join(", ",
                    m.entries().stream().map(e -> key(e.name()) + ": " + flow(e.value())).toList()) + "}";
            // a scalar argument inside flow notation is quoted by flow's rules (${X} or a, b would end the collection)
            case Intrinsic fn when style.shortIntrinsics() && fn.argument() instanceof Scalar s && fn.fn() != Fn.GET_ATT ->
                    fn.fn().shortTag() + " " + scalar(s, true);
            case Intrinsic fn -> style.shortIntrinsics() && (fn.argument() instanceof Scalar || fn.fn() == Fn.GET_ATT)
                    ? shortIntrinsic(fn, 0) : flow(longForm(fn));
            case Tagged t -> t.tag() + " " + flow(t.value());
        };
    }

    // ---- scalars -------------------------------------------------------------------------------------

    String key(String key) {
        if (style.format() == SourceFormat.JSON) {
            return jsonString(key);
        }
        return plainOrQuoted(key, true);
    }

    /** A scalar written to mean exactly its kind: strings that would read as something else get quotes. */
    String scalar(Scalar s, boolean inFlow) {
        if (style.format() == SourceFormat.JSON) {
            return json(s);
        }
        return switch (s.kind()) {
            case NULL -> "null";
            case NUMBER, BOOLEAN -> s.text();
            case STRING -> plainOrQuoted(s.text(), inFlow);
        };
    }

    /** A string in a given existing style, when it can be written so; otherwise the file's choice. */
    String scalarLike(String text, ScalarStyle like, boolean inFlow) {
        return switch (like) {
            case SINGLE_QUOTED -> text.contains("\n") ? doubleQuoted(text) : singleQuoted(text);
            case DOUBLE_QUOTED -> style.format() == SourceFormat.JSON ? jsonString(text) : doubleQuoted(text);
            default -> plainOrQuoted(text, inFlow);
        };
    }

    String plainOrQuoted(String text, boolean inFlow) {
        if (isPlainSafe(text, inFlow)) {
            return text;
        }
        if (style.quote() == '\'' && !text.contains("\n") && text.chars().noneMatch(c -> c < 0x20 && c != '\t')) {
            return singleQuoted(text);
        }
        return doubleQuoted(text);
    }

    private static final java.util.regex.Pattern YAML11_TIMESTAMP = java.util.regex.Pattern.compile(
            "\\d{4}-\\d{1,2}-\\d{1,2}([Tt ].*)?");

    static boolean isPlainSafe(String text, boolean inFlow) {
        if (text.isEmpty() || !PLAIN_SAFE.matcher(text).matches() || ScalarKinds.ofPlain(text) != ScalarKind.STRING) {
            return false;
        }
        if (text.startsWith("- ") || text.startsWith(": ") || text.startsWith("? ") || text.equals("-")
                || text.startsWith("{") || text.startsWith("[") || text.startsWith("}") || text.startsWith("]")
                || text.startsWith(",") || text.startsWith("`") || text.startsWith(":") && text.length() == 1) {
            return false;
        }
        if (text.endsWith(" ") || text.endsWith(":") || text.contains(": ") || text.contains(" #")) {
            return false;
        }
        if (inFlow && (text.contains(",") || text.contains("[") || text.contains("]") || text.contains("{")
                || text.contains("}"))) {
            return false;
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        // YAML 1.1 readers (PyYAML, used by cfn-lint and the SAM CLI) read these as booleans, and a date such as an
        // IAM policy's Version 2012-10-17 as a timestamp (the SAM translator then fails on it)
        return !List.of("yes", "no", "on", "off", "y", "n").contains(lower) && !YAML11_TIMESTAMP.matcher(text).matches();
    }

    static String singleQuoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static String doubleQuoted(String text) {
        return JsonText.quote(text);
    }

    // ---- JSON ----------------------------------------------------------------------------------------

    /** A value as JSON whose first line continues a line indented by {@code indent}. */
    String json(Value value, String indent) {
        String inner = indent + style.jsonIndent();
        String nl = style.lineEnding();
        return switch (value) {
            case Scalar s -> json(s);
            case Sequence s when s.items().isEmpty() -> "[]";
            case Mapping m when m.entries().isEmpty() -> "{}";
            case Sequence s when s.items().stream().allMatch(Scalar.class::isInstance) && s.items().size() <= 4 ->
                    "[" + String.join(", ", s.items().stream().map(v -> json((Scalar) v)).toList()) + "]";
            case Sequence s -> "[" + nl + String.join("," + nl,
                    s.items().stream().map(v -> inner + json(v, inner)).toList()) + nl + indent + "]";
            case Mapping m -> "{" + nl + String.join("," + nl, m.entries().stream()
                    .map(e -> inner + jsonString(e.name()) + ": " + json(e.value(), inner)).toList()) + nl + indent + "}";
            case Intrinsic fn -> jsonIntrinsic(fn, indent);
            case Tagged t -> json(t.value(), indent);
        };
    }

    private String jsonIntrinsic(Intrinsic fn, String indent) {
        Value arg = fn.argument();
        if (fn.fn() == Fn.GET_ATT && arg instanceof Scalar s && s.text().indexOf('.') > 0) {
            int dot = s.text().indexOf('.');
            arg = Value.sequence(List.of(Value.string(s.text().substring(0, dot)), Value.string(s.text().substring(dot + 1))));
        }
        String pad = style.jsonSpaceInBraces() ? " " : "";
        String argText = json(arg, indent);
        if (!argText.contains("\n")) {
            return "{" + pad + jsonString(fn.fn().longName()) + ": " + argText + pad + "}";
        }
        return json(longForm(new Intrinsic(fn.fn(), arg, fn.form(), fn.span())), indent);
    }

    String json(Scalar s) {
        return switch (s.kind()) {
            case NULL -> "null";
            case NUMBER, BOOLEAN -> s.text().toLowerCase(java.util.Locale.ROOT);
            case STRING -> jsonString(s.text());
        };
    }

    static String jsonString(String text) {
        return doubleQuoted(text);
    }
}
