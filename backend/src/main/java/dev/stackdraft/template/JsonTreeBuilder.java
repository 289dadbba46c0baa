package dev.stackdraft.template;

import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.IntrinsicForm;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.ScalarKind;
import dev.stackdraft.template.Value.ScalarStyle;
import dev.stackdraft.template.Value.Sequence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * Builds the {@link Value} tree of a JSON template with Jackson's streaming parser, which reports where
 * each token starts. JSON is not parsed as YAML: real JSON templates indent with tabs, which YAML refuses.
 */
final class JsonTreeBuilder {

    private static final Pattern TOKEN = Pattern.compile("token '([^']+)'");

    private final String file;
    private final TextIndex index;
    private final ParseLimits limits;
    private long values;
    private final List<Finding> findings = new ArrayList<>();
    /** Where each object or array still open starts, innermost first: an unclosed one is reported where it opens. */
    private final Deque<Integer> open = new ArrayDeque<>();

    List<Finding> findings() {
        return findings;
    }

    JsonTreeBuilder(String file, TextIndex index, ParseLimits limits) {
        this.file = file;
        this.index = index;
        this.limits = limits;
    }

    Value build() {
        // Our own depth check says where the nesting goes too deep; Jackson's is a backstop one level further.
        // Numbers are kept as text, never converted, so their length needs no bound beyond the file's size.
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth() + 1)
                        .maxNumberLength(Math.max(limits.maxBytes(), 1000))
                        .build())
                .build();
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), index.text())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new TemplateException(new SourceLocation(file, 1, 1), "the file is empty",
                        "a template is a JSON object with a Resources section");
            }
            Value root = value(parser, 1);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw at(parser.currentTokenLocation(), "text after the end of the JSON document",
                        "remove what follows the closing brace");
            }
            return root;
        } catch (JacksonException e) {
            throw syntaxError(e);
        }
    }

    /** Jackson's complaint said for a person: what is wrong and where to look, without the parser's internals. */
    private TemplateException syntaxError(JacksonException e) {
        String message = e.getOriginalMessage() == null ? "malformed JSON" : firstLine(e.getOriginalMessage());
        String text = index.text();
        TokenStreamLocation location = e.getLocation();
        int offset = location == null || location.getCharOffset() < 0 ? -1
                : (int) Math.min(location.getCharOffset(), text.length());
        Matcher token = TOKEN.matcher(message);
        if (token.find() && offset >= token.group(1).length() && !text.startsWith(token.group(1), offset)
                && text.startsWith(token.group(1), offset - token.group(1).length())) {
            offset -= token.group(1).length(); // Jackson points after some bad words, we point at their start
        }
        char found = offset >= 0 && offset < text.length() ? text.charAt(offset) : 0;
        int before = previousNonBlank(offset);
        char last = before >= 0 ? text.charAt(before) : 0;
        if (message.startsWith("Unexpected end-of-input")) {
            if (message.contains("closing quote")) {
                int quote = text.lastIndexOf('"', Math.max(0, offset - 1));
                return at(quote, "this string is never closed: the file ends inside it", "add the closing '\"'");
            }
            if (!open.isEmpty()) {
                int opened = open.peek();
                char close = text.charAt(opened) == '[' ? ']' : '}';
                return at(opened, "this '" + text.charAt(opened) + "' is never closed: the file ends before its '"
                        + close + "'", "add the closing '" + close + "'");
            }
        }
        if ((found == '}' || found == ']') && last == ',') {
            return at(before, "a comma after the last " + (found == '}' ? "entry of an object" : "item of a list"),
                    "JSON allows no comma before '" + found + "': remove it");
        }
        if (message.contains("was expecting comma to separate")) {
            return at(before + 1, "a comma is missing after this value",
                    "add ',' between two " + (message.contains("Array") ? "items of a list" : "entries of an object"));
        }
        if (found == '/' || found == '#' || message.contains("ALLOW_COMMENTS") || message.contains("ALLOW_YAML_COMMENTS")) {
            return at(offset, "JSON does not allow comments", "remove the comment, or write the template in YAML");
        }
        if (message.contains("was expecting a colon")) {
            return at(offset, "a ':' is missing between a name and its value", "write \"Name\": value");
        }
        if (message.contains("was expecting double-quote to start property name")) {
            return at(offset, "a name in a JSON object needs double quotes", "write it as \"Name\"");
        }
        if (message.startsWith("Unexpected close marker") && !open.isEmpty()) {
            int opened = open.peek();
            char close = text.charAt(opened) == '[' ? ']' : '}';
            SourceLocation o = new SourceLocation(file, index.line(opened), index.column(opened));
            return at(offset, "a '" + found + "' where the '" + text.charAt(opened) + "' opened at line " + o.line()
                    + ", column " + o.column() + " needs its '" + close + "'", "close the brackets in the order they were opened");
        }
        if (message.contains("CTRL-CHAR")) {
            return at(offset, "a control character (such as a tab or a line break) inside a string",
                    "write it as an escape: \\t for a tab, \\n for a line break");
        }
        if (found == '\'') {
            return at(offset, "JSON needs double quotes (\") around names and strings, not single quotes",
                    "replace the single quotes with double quotes");
        }
        if (message.contains("nesting depth")) {
            return at(offset, "nesting deeper than " + limits.maxDepth() + " levels",
                    "no template needs this depth; check for runaway brackets");
        }
        return at(offset, clean(message), "fix the JSON syntax at this place");
    }

    /** Takes Jackson's internals out of a message: source descriptions, character codes, setting names. */
    static String clean(String message) {
        return message
                .replaceAll("\\s*\\((for [A-Za-z]+ )?start(ing)? (marker )?at \\[.*?\\]\\)", "")
                .replaceAll("\\s*\\[Source:.*?\\]", "")
                .replaceAll(":?\\s*enable `[^`]*` to allow", " (JSON has no such value)")
                .replaceAll("`[A-Za-z]+\\.[A-Za-z_.()]+`", "")
                .replaceAll("\\(CTRL-CHAR, code (\\d+)\\)", "control character $1")
                .replaceAll(" \\(code \\d+\\)", "")
                .replaceAll("\\s*\\([^()]*(Feature|Constraints|ALLOW_)[^()]*(\\(\\))?[^()]*\\)", "")
                .replace("(JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                        "a string, number, list, object, true, false or null")
                .replace("JSON String, Number, Array, Object or token 'null', 'true' or 'false'",
                        "a string, number, list, object, true, false or null")
                .replace("Object entries", "object entries")
                .replace("Array entries", "list items")
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static String firstLine(String message) {
        return message.lines().findFirst().orElse(message).strip();
    }

    private int previousNonBlank(int offset) {
        String text = index.text();
        int i = Math.min(offset, text.length()) - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i;
    }

    private Value value(JsonParser parser, int depth) {
        if (++values > limits.maxExpandedNodes()) {
            throw at(parser.currentTokenLocation(), "more than " + limits.maxExpandedNodes() + " values",
                    "no template holds this many values");
        }
        if (depth > limits.maxDepth() && parser.currentToken().isStructStart()) {
            throw at(parser.currentTokenLocation(), "nesting deeper than " + limits.maxDepth() + " levels",
                    "no template needs this depth; check for runaway brackets");
        }
        int start = offset(parser.currentTokenLocation());
        return switch (parser.currentToken()) {
            case START_OBJECT -> object(parser, start, depth);
            case START_ARRAY -> array(parser, start, depth);
            case VALUE_STRING -> new Scalar(parser.getString(), ScalarKind.STRING, ScalarStyle.DOUBLE_QUOTED,
                    index.span(start, stringEnd(start)));
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> literal(parser, start, ScalarKind.NUMBER);
            case VALUE_TRUE, VALUE_FALSE -> literal(parser, start, ScalarKind.BOOLEAN);
            case VALUE_NULL -> literal(parser, start, ScalarKind.NULL);
            default -> throw at(parser.currentTokenLocation(), "unexpected " + parser.currentToken(), "");
        };
    }

    /** A number, {@code true}, {@code false} or {@code null}, with its text as written (as YAML keeps it too). */
    private Scalar literal(JsonParser parser, int start, ScalarKind kind) {
        String text = parser.getText();
        return new Scalar(text, kind, ScalarStyle.PLAIN, index.span(start, start + text.length()));
    }

    private Value object(JsonParser parser, int start, int depth) {
        open.push(start);
        List<Entry> entries = new ArrayList<>();
        Map<String, Scalar> keys = new HashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            int keyStart = offset(parser.currentTokenLocation());
            Scalar key = new Scalar(parser.currentName(), ScalarKind.STRING, ScalarStyle.DOUBLE_QUOTED,
                    index.span(keyStart, stringEnd(keyStart)));
            Scalar first = keys.putIfAbsent(key.text(), key);
            if (first != null) {
                findings.add(Finding.error("duplicate-key", new SourceLocation(file, key.span().line(), key.span().column()),
                        "duplicate key '" + key.text() + "' (first at line " + first.span().line()
                                + "): JSON readers keep only the last one; remove one of them"));
            }
            parser.nextToken();
            entries.add(new Entry(key, value(parser, depth + 1)));
        }
        int end = offset(parser.currentTokenLocation()) + 1;
        open.pop();
        Mapping mapping = new Mapping(entries, true, index.span(start, end));
        if (entries.size() == 1) {
            Optional<Fn> fn = Fn.byLongName(entries.getFirst().name());
            if (fn.isPresent()) {
                return new Intrinsic(fn.get(), entries.getFirst().value(), IntrinsicForm.LONG, mapping.span());
            }
        }
        return mapping;
    }

    private Value array(JsonParser parser, int start, int depth) {
        open.push(start);
        List<Value> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(parser, depth + 1));
        }
        int end = offset(parser.currentTokenLocation()) + 1;
        open.pop();
        return new Sequence(items, true, index.span(start, end));
    }

    /** The offset just after the closing quote of the string that opens at {@code start}. */
    private int stringEnd(int start) {
        String text = index.text();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return text.length();
    }

    private int offset(TokenStreamLocation location) {
        return (int) location.getCharOffset();
    }

    private TemplateException at(@Nullable TokenStreamLocation location, String problem, String hint) {
        return at(location == null || location.getCharOffset() < 0 ? -1
                : (int) Math.min(location.getCharOffset(), index.text().length()), problem, hint);
    }

    /** Line and column of a char offset, counted like every {@link Span}; 1:1 where the offset is unknown. */
    private TemplateException at(int offset, String problem, String hint) {
        SourceLocation location = offset < 0 ? new SourceLocation(file, 1, 1)
                : new SourceLocation(file, index.line(offset), index.column(offset));
        return new TemplateException(location, problem, hint);
    }
}
