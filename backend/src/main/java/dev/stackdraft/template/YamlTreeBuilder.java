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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

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
    private final Map<Value, Long> expandedSizes = new IdentityHashMap<>();
    private final List<Value.Tagged> unknownTags = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private int aliases;

    private record Built(Value value, long size) {}

    private abstract static class Frame {
        final CollectionStartEvent start;
        long size = 1;

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
                        root = add(stack, built, root);
                    }
                    case Scalar -> root = add(stack, scalar((ScalarEvent) event), root);
                    case Alias -> root = add(stack, alias((AliasEvent) event), root);
                    default -> { }
                }
            }
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() == null ? "malformed YAML" : e.getProblem().strip();
            if (e.getContext() != null && !e.getContext().isBlank()) {
                problem = e.getContext().strip() + ": " + problem;
            }
            throw error(mark, problem, "fix the YAML syntax at this place");
        } catch (YamlEngineException e) {
            throw new TemplateException(new SourceLocation(file, 1, 1), firstLine(e.getMessage()), "fix the YAML syntax");
        }
        if (root == null) {
            throw new TemplateException(new SourceLocation(file, 1, 1), "the file is empty",
                    "a template is a YAML or JSON mapping with a Resources section");
        }
        return root;
    }

    private static String firstLine(@Nullable String message) {
        return message == null ? "malformed YAML" : message.lines().findFirst().orElse("malformed YAML").strip();
    }

    private @Nullable Value add(Deque<Frame> stack, Built built, @Nullable Value root) {
        Frame parent = stack.peek();
        if (parent == null) {
            return built.value();
        }
        parent.size += built.size();
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
        if (first != null) {
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
            end = trimTrailingSpace(contentStart, end);
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
        Value value;
        int end;
        if (frame.start.isFlow()) {
            end = index.charOffset(endEvent.getEndMark().orElseThrow().getIndex());
        } else {
            end = contentStart;
        }
        if (frame instanceof SequenceFrame seq) {
            if (!frame.start.isFlow() && !seq.items.isEmpty()) {
                end = seq.items.getLast().span().end();
            }
            value = new Sequence(seq.items, frame.start.isFlow(), index.span(contentStart, end));
        } else {
            MappingFrame map = (MappingFrame) frame;
            if (map.pendingKey != null) {
                addEntry(map, map.pendingKey, new Scalar("", ScalarKind.NULL, ScalarStyle.PLAIN, Span.NONE));
            }
            if (!frame.start.isFlow() && !map.entries.isEmpty()) {
                end = Math.max(end, lastEnd(map.entries));
            }
            Mapping mapping = new Mapping(map.entries, frame.start.isFlow(), index.span(contentStart, end));
            value = mapping;
            if (frame.start.getTag().isEmpty() && mapping.entries().size() == 1) {
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

    private static int lastEnd(List<Entry> entries) {
        int end = 0;
        for (Entry e : entries) {
            end = Math.max(end, Math.max(e.key().span().end(), e.value().span().end()));
        }
        return end;
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
                while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t'
                        || text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
                    i++;
                }
            } else {
                break;
            }
        }
        return i;
    }

    private int trimTrailingSpace(int start, int end) {
        String text = index.text();
        int e = Math.min(end, text.length());
        while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return e;
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
        int line = mark.map(m -> m.getLine() + 1).orElse(1);
        int column = mark.map(m -> m.getColumn() + 1).orElse(1);
        return new TemplateException(new SourceLocation(file, line, column), problem, hint);
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
