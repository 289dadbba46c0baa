package dev.stackdraft.template;

import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.IntrinsicForm;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.ScalarKind;
import dev.stackdraft.template.Value.ScalarStyle;
import dev.stackdraft.template.Value.Sequence;
import dev.stackdraft.template.Value.Tagged;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;

/**
 * Builds the {@link Value} tree from snakeyaml-engine's event stream. Working from events rather than its
 * composer lets us keep where each alias is written, see which tags were explicit, refuse duplicate keys
 * with both places, and bound depth and alias expansion without recursion.
 */
final class YamlTreeBuilder {

    private final String file;
    private final TextIndex index;
    private final ParseLimits limits;
    private final Map<String, Built> anchors = new HashMap<>();
    private final List<Value.Tagged> unknownTags = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private int aliases;

    private record Built(Value value, long size) {}

    private abstract static class Frame {
        final CollectionStartEvent start;
        long size = 1;
        /** Where the last child as written ends (an alias counts where it is written, not where its anchor is). */
        int end = -1;

        Frame(CollectionStartEvent start) {
            this.start = start;
        }
    }

    private static final class SequenceFrame extends Frame {
        final List<Value> items = new ArrayList<>();

        SequenceFrame(CollectionStartEvent start) {
            super(start);
        }
    }

    private static final class MappingFrame extends Frame {
        final List<Entry> entries = new ArrayList<>();
        final Map<String, Scalar> keys = new HashMap<>();
        /** Keys whose entry came from a merge key ({@code <<}); a key written in the mapping itself replaces them. */
        final Set<String> merged = new HashSet<>();
        @Nullable Scalar pendingKey;

        MappingFrame(CollectionStartEvent start) {
            super(start);
        }
    }

    YamlTreeBuilder(String file, TextIndex index, ParseLimits limits) {
        this.file = file;
        this.index = index;
        this.limits = limits;
    }

    List<Value.Tagged> unknownTags() {
        return unknownTags;
    }

    /** What the file does that we read but do not like: duplicate keys. */
    List<Finding> findings() {
        return findings;
    }

    Value build() {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setMaxAliasesForCollections(limits.maxAliases())
                .setCodePointLimit(Math.max(limits.maxBytes(), 1) * 2)
                .build();
        Deque<Frame> stack = new ArrayDeque<>();
        Value root = null;
        int documents = 0;
        try {
            for (Event event : new Parse(settings).parseString(index.text())) {
                switch (event.getEventId()) {
                    case DocumentStart -> {
                        if (++documents > 1) {
                            throw error(event.getStartMark(), "the file holds more than one YAML document",
                                    "a template is one document: remove the second '---' and what follows, or split the file");
                        }
                    }
                    case SequenceStart, MappingStart -> {
                        if (stack.size() >= limits.maxDepth()) {
                            throw error(event.getStartMark(), "nesting deeper than " + limits.maxDepth() + " levels",
                                    "no template needs this depth; check for runaway brackets");
                        }
                        CollectionStartEvent start = (CollectionStartEvent) event;
                        stack.push(event instanceof MappingStartEvent ? new MappingFrame(start) : new SequenceFrame(start));
                    }
                    case SequenceEnd, MappingEnd -> {
                        Frame frame = stack.pop();
                        Built built = finish(frame, event);
                        root = add(stack, built, built.value().span().end(), root);
                    }
                    case Scalar -> {
                        Built built = scalar((ScalarEvent) event);
                        root = add(stack, built, built.value().span().end(), root);
                    }
                    case Alias -> root = add(stack, alias((AliasEvent) event),
                            index.charOffset(event.getEndMark().orElseThrow().getIndex()), root);
                    default -> { }
                }
            }
        } catch (MarkedYamlEngineException e) {
            throw new YamlSyntaxErrors(file, index).translate(e);
        } catch (ReaderException e) {
            int offset = index.charOffset(e.getPosition());
            throw new TemplateException(location(offset), "the character " + codePoint(e.getCodePoint())
                    + " is not allowed in a YAML file", "remove it, or write it as an escape inside a double-quoted string");
        } catch (YamlVersionException e) {
            throw new TemplateException(new SourceLocation(file, 1, 1), "the file declares a YAML version this reader "
                    + "does not know (" + e.getMessage().replaceAll("\\D+", ".").replaceAll("^\\.|\\.$", "") + ")",
                    "remove the %YAML line or write '%YAML 1.2'");
        } catch (YamlEngineException e) {
            throw new TemplateException(new SourceLocation(file, 1, 1), firstLine(e.getMessage()), "fix the YAML syntax");
        }
        if (root == null) {
            throw new TemplateException(new SourceLocation(file, 1, 1),
                    index.text().isBlank() ? "the file is empty" : "the file holds only comments, no template",
                    "a template is a YAML or JSON mapping with a Resources section");
        }
        return root;
    }

    private static String codePoint(int codePoint) {
        return String.format(java.util.Locale.ROOT, "U+%04X", codePoint);
    }

    private static String firstLine(@Nullable String message) {
        return message == null ? "malformed YAML" : message.lines().findFirst().orElse("malformed YAML").strip();
    }

    private @Nullable Value add(Deque<Frame> stack, Built built, int writtenEnd, @Nullable Value root) {
        Frame parent = stack.peek();
        if (parent == null) {
            return built.value();
        }
        parent.size += built.size();
        parent.end = Math.max(parent.end, writtenEnd);
        if (parent.size > limits.maxExpandedNodes()) {
            Span s = built.value().span();
            throw new TemplateException(new SourceLocation(file, s.line(), s.column()),
                    "the document would expand to more than " + limits.maxExpandedNodes() + " values through aliases",
                    "this looks like an alias bomb ('billion laughs'); write the values out or use fewer aliases");
        }
        if (parent instanceof SequenceFrame seq) {
            seq.items.add(built.value());
        } else {
            MappingFrame map = (MappingFrame) parent;
            if (map.pendingKey == null) {
                map.pendingKey = key(built.value());
            } else {
                addEntry(map, map.pendingKey, built.value());
                map.pendingKey = null;
            }
        }
        return root;
    }

    private Scalar key(Value value) {
        if (value instanceof Scalar scalar && !scalar.isNull()) {
            return scalar;
        }
        if (value instanceof Scalar scalar) {
            return new Scalar("", ScalarKind.STRING, scalar.style(), scalar.span());
        }
        Span s = value.span();
        throw new TemplateException(new SourceLocation(file, s.line(), s.column()),
                "a mapping key must be a plain string, not a " + describe(value),
                "write the key as text");
    }

    private void addEntry(MappingFrame map, Scalar key, Value value) {
        if (key.text().equals("<<") && key.style() == ScalarStyle.PLAIN) {
            merge(map, value);
            return;
        }
        Scalar first = map.keys.putIfAbsent(key.text(), key);
        if (first != null && map.merged.remove(key.text())) {
            // a key written in the mapping overrides the one a merge key brought in: no duplicate
            map.entries.removeIf(e -> e.key() == first);
            map.keys.put(key.text(), key);
        } else if (first != null) {
            findings.add(Finding.error("duplicate-key", new SourceLocation(file, key.span().line(), key.span().column()),
                    "duplicate key '" + key.text() + "' (first at line " + first.span().line()
                            + "): YAML readers keep only the last one; remove one of them"));
        }
        map.entries.add(new Entry(key, value));
    }

    /** YAML merge keys ({@code <<: *base}): the merged entries fill in keys the mapping does not set itself. */
    private void merge(MappingFrame map, Value value) {
        List<Value> sources = value instanceof Sequence seq ? seq.items() : List.of(value);
        for (Value source : sources) {
            if (!(source instanceof Mapping mapping)) {
                Span s = source.span();
                throw new TemplateException(new SourceLocation(file, s.line(), s.column()),
                        "a merge key '<<' needs a mapping", "point '<<' at an anchored mapping");
            }
            for (Entry entry : mapping.entries()) {
                if (!map.keys.containsKey(entry.name())) {
                    map.keys.put(entry.name(), entry.key());
                    map.merged.add(entry.name());
                    map.entries.add(entry);
                }
            }
        }
    }

    private Built scalar(ScalarEvent event) {
        int start = index.charOffset(event.getStartMark().orElseThrow().getIndex());
        int end = index.charOffset(event.getEndMark().orElseThrow().getIndex());
        int contentStart = skipProperties(start, end);
        ScalarStyle style = style(event);
        if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
            end = BlockScalarEnd.of(index.text(), contentStart, end, event.getValue());
        }
        String tag = event.getTag().orElse(null);
        ScalarKind kind;
        if (tag != null && ScalarKinds.isStandard(tag)) {
            kind = ScalarKinds.ofStandardTag(tag).orElse(ScalarKind.STRING);
        } else {
            kind = style == ScalarStyle.PLAIN ? ScalarKinds.ofPlain(event.getValue()) : ScalarKind.STRING;
        }
        Scalar scalar = new Scalar(event.getValue(), kind, style, index.span(contentStart, end));
        Value value = tagged(tag, scalar, start, end);
        return remember(event, value, 1);
    }

    private Built finish(Frame frame, Event endEvent) {
        int start = index.charOffset(frame.start.getStartMark().orElseThrow().getIndex());
        int contentStart = skipProperties(start, Integer.MAX_VALUE);
        String text = index.text();
        boolean bracketed = frame.start.isFlow() && contentStart < text.length()
                && (text.charAt(contentStart) == '[' || text.charAt(contentStart) == '{');
        Value value;
        int end;
        if (bracketed) {
            end = index.charOffset(endEvent.getEndMark().orElseThrow().getIndex());
        } else {
            // block collections, and the single-pair mapping of a flow sequence ([a, k: v]), end with their last child
            end = Math.max(contentStart, frame.end);
        }
        if (frame instanceof SequenceFrame seq) {
            value = new Sequence(seq.items, frame.start.isFlow(), index.span(contentStart, end));
        } else {
            MappingFrame map = (MappingFrame) frame;
            if (map.pendingKey != null) {
                addEntry(map, map.pendingKey, new Scalar("", ScalarKind.NULL, ScalarStyle.PLAIN, Span.NONE));
            }
            Mapping mapping = new Mapping(map.entries, frame.start.isFlow(), index.span(contentStart, end));
            value = mapping;
            // {Fn::Sub: ...} is a function also under a short tag: !ImportValue {Fn::Sub: "${Stack}-Vpc"}
            boolean untaggedOrFunction = frame.start.getTag().map(tag -> Fn.byShortTag(tag).isPresent()).orElse(true);
            if (untaggedOrFunction && mapping.entries().size() == 1) {
                Entry only = mapping.entries().getFirst();
                Optional<Fn> fn = only.key().style() == ScalarStyle.PLAIN || only.key().style() == ScalarStyle.DOUBLE_QUOTED
                        || only.key().style() == ScalarStyle.SINGLE_QUOTED ? Fn.byLongName(only.name()) : Optional.empty();
                if (fn.isPresent()) {
                    value = new Intrinsic(fn.get(), only.value(), IntrinsicForm.LONG, mapping.span());
                }
            }
        }
        value = tagged(frame.start.getTag().orElse(null), value, start, end);
        return remember(frame.start, value, frame.size);
    }


    private Value tagged(@Nullable String tag, Value value, int start, int end) {
        if (tag == null || ScalarKinds.isStandard(tag)) {
            return value;
        }
        Optional<Fn> fn = Fn.byShortTag(tag);
        if (fn.isPresent()) {
            return new Intrinsic(fn.get(), value, IntrinsicForm.SHORT, index.span(start, end));
        }
        Tagged unknown = new Tagged(tag, value, index.span(start, end));
        unknownTags.add(unknown);
        return unknown;
    }

    private Built remember(NodeEvent event, Value value, long size) {
        Built built = new Built(value, size);
        event.getAnchor().ifPresent(anchor -> anchors.put(anchor.getValue(), built));
        return built;
    }

    private Built alias(AliasEvent event) {
        if (++aliases > limits.maxAliases()) {
            throw error(event.getStartMark(), "more than " + limits.maxAliases() + " YAML aliases",
                    "this looks like an alias bomb ('billion laughs'); write the values out");
        }
        Built target = anchors.get(event.getAlias().getValue());
        if (target == null) {
            throw error(event.getStartMark(), "unknown alias '*" + event.getAlias().getValue() + "'",
                    "define the anchor '&" + event.getAlias().getValue() + "' before using it");
        }
        return target;
    }

    /** Skips a node's tag and anchor (and the space after them) to where its content starts. */
    private int skipProperties(int start, int limit) {
        String text = index.text();
        int i = start;
        int end = Math.min(limit, text.length());
        while (i < end) {
            char c = text.charAt(i);
            if (c == '!' || c == '&') {
                while (i < end && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                i = skipSpaceAndComments(text, i, end);
            } else {
                break;
            }
        }
        return i;
    }

    /** Skips blanks, line breaks and whole comments ({@code # ...} after a blank) from {@code i}. */
    private static int skipSpaceAndComments(String text, int from, int end) {
        int i = from;
        while (i < end) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
            } else if (c == '#' && i > from) {
                while (i < end && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
            } else {
                break;
            }
        }
        return i;
    }

    private static ScalarStyle style(ScalarEvent event) {
        return switch (event.getScalarStyle()) {
            case SINGLE_QUOTED -> ScalarStyle.SINGLE_QUOTED;
            case DOUBLE_QUOTED, JSON_SCALAR_STYLE -> ScalarStyle.DOUBLE_QUOTED;
            case LITERAL -> ScalarStyle.LITERAL;
            case FOLDED -> ScalarStyle.FOLDED;
            case PLAIN -> ScalarStyle.PLAIN;
        };
    }

    private TemplateException error(Optional<Mark> mark, String problem, String hint) {
        return new YamlSyntaxErrors(file, index).at(mark, problem, hint);
    }

    private SourceLocation location(int offset) {
        return new SourceLocation(file, index.line(offset), index.column(offset));
    }

    static String describe(Value value) {
        return switch (value) {
            case Scalar s -> "scalar";
            case Sequence s -> "list";
            case Mapping m -> "mapping";
            case Intrinsic i -> i.fn().longName() + " function";
            case Tagged t -> t.tag() + " value";
        };
    }
}
