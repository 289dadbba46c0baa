package dev.stackdraft.template;

import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.IntrinsicForm;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.ScalarKind;
import dev.stackdraft.template.Value.ScalarStyle;
import dev.stackdraft.template.Value.Sequence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final String file;
    private final TextIndex index;
    private final ParseLimits limits;
    private long values;
    private final List<Finding> findings = new ArrayList<>();

    List<Finding> findings() {
        return findings;
    }

    JsonTreeBuilder(String file, TextIndex index, ParseLimits limits) {
        this.file = file;
        this.index = index;
        this.limits = limits;
    }

    Value build() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(limits.maxDepth()).build())
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
            TokenStreamLocation location = e.getLocation();
            String message = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
            if (message.contains("nesting depth")) {
                message = "nesting deeper than " + limits.maxDepth() + " levels";
            }
            throw at(location, firstLine(message), "fix the JSON syntax at this place");
        }
    }

    private static String firstLine(String message) {
        return message.lines().findFirst().orElse(message).strip();
    }

    private Value value(JsonParser parser, int depth) {
        if (++values > limits.maxExpandedNodes()) {
            throw at(parser.currentTokenLocation(), "more than " + limits.maxExpandedNodes() + " values", "");
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

    private Scalar literal(JsonParser parser, int start, ScalarKind kind) {
        String text = parser.getText();
        return new Scalar(kind == ScalarKind.NULL ? "" : text, kind, ScalarStyle.PLAIN,
                index.span(start, start + text.length()));
    }

    private Value object(JsonParser parser, int start, int depth) {
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
        List<Value> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(parser, depth + 1));
        }
        int end = offset(parser.currentTokenLocation()) + 1;
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

    private TemplateException at(TokenStreamLocation location, String problem, String hint) {
        int line = location == null || location.getLineNr() < 1 ? 1 : location.getLineNr();
        int column = location == null || location.getColumnNr() < 1 ? 1 : location.getColumnNr();
        return new TemplateException(new SourceLocation(file, line, column), problem, hint);
    }
}
