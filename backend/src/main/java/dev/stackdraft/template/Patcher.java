package dev.stackdraft.template;

import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.ScalarStyle;
import dev.stackdraft.template.Value.Sequence;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns one {@link Change} into a {@link TextPatch} against the original text: only the lines the change
 * needs, new text in the file's style, comments just above a removed entry going with it, every other byte
 * left alone. Its mistakes cannot reach a file: {@link TemplateEditor} reads the result back and compares.
 */
final class Patcher {

    private final Template template;
    private final String text;
    private final Renderer renderer;
    private final boolean json;
    /** The other removals of the same edit: those from one flow collection must fit together. */
    private final SiblingRemovals siblings;

    Patcher(Template template, List<Change> edit) {
        this.template = template;
        this.siblings = new SiblingRemovals(edit);
        this.text = template.source().text();
        this.renderer = new Renderer(FileStyle.of(template));
        this.json = template.source().format() == SourceFormat.JSON;
    }

    TextPatch patch(Change change) {
        return switch (change) {
            case Change.Replace r -> replace(r.path(), r.value());
            case Change.Put p -> put(p);
            case Change.PutBefore p -> putBefore(p);
            case Change.PutAt p -> putAt(p);
            case Change.RemoveKey r -> removeKey(r);
            case Change.RemoveRepeatedKey r -> removeEntry(r.mapping(), r.index());
            case Change.RenameKey r -> renameKey(r);
            case Change.Insert i -> insert(i);
            case Change.RemoveItem r -> removeItem(r);
            case Change.Wrap w -> wrap(w);
            case Change.Unwrap u -> unwrap(u);
        };
    }

    // ---- replace -------------------------------------------------------------------------------------

    private TextPatch replace(DocPath path, Value value) {
        Value old = existing(path);
        Value parent = path.isEmpty() ? old : existing(path.parent());
        boolean inFlow = json || isFlow(parent);
        if (old instanceof Scalar oldScalar && value instanceof Scalar newScalar && oldScalar.span().end() > oldScalar.span().start()) {
            return new TextPatch(old.span().start(), old.span().end(), scalarLike(oldScalar, newScalar, inFlow));
        }
        if (json) {
            return new TextPatch(old.span().start(), old.span().end(), renderer.json(value, lineIndentString(old.span().start())));
        }
        if (inFlow) {
            return new TextPatch(old.span().start(), old.span().end(), renderer.flow(value));
        }
        if (parent instanceof Mapping mapping && path.last() instanceof String key) {
            Entry entry = mapping.entry(key).orElseThrow();
            int keyColumn = entry.key().span().column() - 1;
            int colon = text.indexOf(':', entry.key().span().end());
            String rendered = renderer.afterKey(value, keyColumn);
            int end = valueEnd(entry);
            int comment = trailingComment(end);
            if (comment > end && (rendered.startsWith("\n") || rendered.startsWith("\r\n"))) {
                // a block value goes below the key: the comment that followed the one-line value stays on the key's line
                int commentEnd = lineEndOf(comment);
                return new TextPatch(colon + 1, commentEnd, " " + text.substring(comment, commentEnd) + rendered);
            }
            return new TextPatch(colon + 1, end, rendered);
        }
        if (parent instanceof Sequence && path.last() instanceof Integer) {
            int dash = dashBefore(old.span().start());
            return new TextPatch(dash + 1, old.span().end(), renderer.afterDash(value, column(dash)));
        }
        return new TextPatch(old.span().start(), old.span().end(), renderer.flow(value));
    }

    private String scalarLike(Scalar old, Scalar value, boolean inFlow) {
        if (json) {
            return renderer.json(value);
        }
        if (value.kind() != Value.ScalarKind.STRING) {
            return renderer.scalar(value, inFlow);
        }
        String source = text.substring(old.span().start(), old.span().end());
        if (old.style() != ScalarStyle.PLAIN && source.contains("\n")) {
            var substituted = WordSubstitution.apply(source, old.text(), value.text(),
                    old.style() == ScalarStyle.DOUBLE_QUOTED);
            if (substituted.isPresent()) {
                return substituted.get();
            }
        }
        if (old.style() == ScalarStyle.LITERAL || old.style() == ScalarStyle.FOLDED) {
            int firstContentLine = text.indexOf('\n', old.span().start()) + 1;
            int contentColumn = firstContentLine > 0 ? indentOf(firstContentLine) : column(old.span().start()) + 2;
            String literal = renderer.literal(value.text(), contentColumn);
            return value.text().contains("\n") ? literal : renderer.plainOrQuoted(value.text(), inFlow);
        }
        if (old.style() == ScalarStyle.PLAIN && Renderer.isPlainSafe(value.text(), inFlow)) {
            return value.text();
        }
        return renderer.scalarLike(value.text(), old.style(), inFlow);
    }

    // ---- mappings ------------------------------------------------------------------------------------

    private TextPatch put(Change.Put put) {
        Mapping mapping = mapping(put.mapping());
        if (mapping.entries().isEmpty()) {
            return replace(put.mapping(), Value.mapping(List.of(Value.entry(put.key(), put.value()))));
        }
        Entry last = mapping.entries().getLast();
        int end = valueEnd(last);
        if (json || mapping.flow()) {
            return new TextPatch(end, end, flowSeparator(last.key().span().start(), mapping) + flowEntry(put, last));
        }
        int keyColumn = last.key().span().column() - 1;
        String line = renderer.style().spaces(keyColumn) + renderer.key(put.key()) + ":" + renderer.afterKey(put.value(), keyColumn);
        return appendLine(end, line);
    }

    private String flowEntry(Change.Put put, Entry sibling) {
        return flowEntry(put.key(), put.value(), sibling);
    }

    private String flowEntry(String key, Value value, Entry sibling) {
        String written = json ? renderer.json(value, lineIndentString(sibling.key().span().start())) : renderer.flow(value);
        return renderer.key(key) + ": " + written;
    }

    /**
     * A new entry before an existing one, above that entry's comments. Where the file leaves a blank line before
     * that entry, the new one gets one after it too, so the layout of sections stays. Before the first entry of a
     * mapping the new line goes right above the key: comments at the top of a file head the file, not its first key.
     */
    private TextPatch putBefore(Change.PutBefore put) {
        Mapping mapping = mapping(put.mapping());
        List<Entry> entries = mapping.entries();
        int index = indexOfLast(entries, put.before());
        Entry target = entries.get(index);
        int keyStart = target.key().span().start();
        if (json || mapping.flow()) {
            String separator = flowSeparator(keyStart, mapping);
            return new TextPatch(keyStart, keyStart, flowEntry(put.key(), put.value(), target) + separator);
        }
        if (!onlySpaceBefore(keyStart)) {
            return put(new Change.Put(put.mapping(), put.key(), put.value()));
        }
        String nl = renderer.style().lineEnding();
        int keyColumn = target.key().span().column() - 1;
        String line = renderer.style().spaces(keyColumn) + renderer.key(put.key()) + ":" + renderer.afterKey(put.value(), keyColumn);
        int at = index == 0 ? lineStart(keyStart) : commentsAbove(lineStart(keyStart));
        boolean blankBefore = at > 0 && text.substring(lineStart(at - 1), at).isBlank();
        return new TextPatch(at, at, line + nl + (blankBefore ? nl : ""));
    }

    /** Adds a line (or a flow entry) so that the new entry stands at {@code index}; see {@link Change.PutAt}. */
    private TextPatch putAt(Change.PutAt put) {
        Mapping mapping = mapping(put.mapping());
        List<Entry> entries = mapping.entries();
        if (put.index() >= entries.size()) {
            return put(new Change.Put(put.mapping(), put.key(), put.value()));
        }
        Change.Put asPut = new Change.Put(put.mapping(), put.key(), put.value());
        if (put.index() > 0) {
            Entry before = entries.get(put.index() - 1);
            int end = valueEnd(before);
            if (json || mapping.flow()) {
                return new TextPatch(end, end, flowSeparator(before.key().span().start(), mapping) + flowEntry(asPut, before));
            }
            int keyColumn = before.key().span().column() - 1;
            return appendLine(end, renderer.style().spaces(keyColumn) + renderer.key(put.key()) + ":"
                    + renderer.afterKey(put.value(), keyColumn));
        }
        Entry first = entries.getFirst();
        int start = first.key().span().start();
        if (json || mapping.flow()) {
            return new TextPatch(start, start, flowEntry(asPut, first) + flowSeparator(start, mapping));
        }
        if (!onlySpaceBefore(start)) {
            throw new TemplateException(location(first.key()), "this mapping starts on the line of its list dash",
                    "add the key by hand");
        }
        int keyColumn = first.key().span().column() - 1;
        int lineStart = lineStart(start);
        return new TextPatch(lineStart, lineStart, renderer.style().spaces(keyColumn) + renderer.key(put.key()) + ":"
                + renderer.afterKey(put.value(), keyColumn) + renderer.style().lineEnding());
    }

    private TextPatch removeKey(Change.RemoveKey remove) {
        return removeEntry(remove.mapping(), indexOfLast(mapping(remove.mapping()).entries(), remove.key()));
    }

    private TextPatch removeEntry(DocPath at, int index) {
        Mapping mapping = mapping(at);
        List<Entry> entries = mapping.entries();
        if (index < 0 || index >= entries.size()) {
            throw missing(at.child(index));
        }
        Entry entry = entries.get(index);
        if (entries.size() == 1) {
            return replace(at, Value.mapping(List.of()));
        }
        if (json || mapping.flow()) {
            List<Integer> kept = siblings.keptEntries(at, entries);
            int next = index + 1 < entries.size() ? index + 1 : -1;
            boolean keptAfter = kept.stream().anyMatch(k -> k > index);
            if (keptAfter || kept.isEmpty() && next >= 0) {
                return new TextPatch(entry.key().span().start(), entries.get(next).key().span().start(), "");
            }
            // one of the last entries: the separator before it goes (the entries before it that go take theirs)
            int from = index > 0 && !kept.isEmpty() ? valueEnd(entries.get(index - 1)) : entry.key().span().start();
            return new TextPatch(from, valueEnd(entry), "");
        }
        int keyStart = entry.key().span().start();
        if (!onlySpaceBefore(keyStart)) {
            // the first entry of a list item ("- Key: value"): the next entry moves up behind the dash
            return new TextPatch(keyStart, entries.get(index + 1).key().span().start(), "");
        }
        return removeLines(keyStart, valueEnd(entry));
    }

    private TextPatch renameKey(Change.RenameKey rename) {
        Mapping mapping = mapping(rename.mapping());
        Entry entry = mapping.entry(rename.from()).orElseThrow(() -> missing(rename.mapping().child(rename.from())));
        Scalar key = entry.key();
        String written = json ? Renderer.jsonString(rename.to())
                : key.style() == ScalarStyle.PLAIN ? renderer.key(rename.to())
                : renderer.scalarLike(rename.to(), key.style(), mapping.flow());
        return new TextPatch(key.span().start(), key.span().end(), written);
    }

    // ---- sequences -----------------------------------------------------------------------------------

    private TextPatch insert(Change.Insert insert) {
        Sequence sequence = sequence(insert.sequence());
        List<Value> items = sequence.items();
        if (items.isEmpty()) {
            return replace(insert.sequence(), Value.sequence(List.of(insert.value())));
        }
        if (json || sequence.flow()) {
            String itemText = json ? renderer.json(insert.value(), lineIndentString(items.getFirst().span().start()))
                    : renderer.flow(insert.value());
            if (insert.index() >= items.size()) {
                int end = items.getLast().span().end();
                return new TextPatch(end, end, flowSeparator(items.getLast().span().start(), sequence) + itemText);
            }
            int start = items.get(insert.index()).span().start();
            return new TextPatch(start, start, itemText + flowSeparator(start, sequence));
        }
        int dash = dashBefore(items.getFirst().span().start());
        int dashColumn = column(dash);
        String line = renderer.style().spaces(dashColumn) + "-" + renderer.afterDash(insert.value(), dashColumn);
        if (insert.index() >= items.size()) {
            return appendLine(items.getLast().span().end(), line);
        }
        int before = commentsAbove(lineStart(dashBefore(items.get(insert.index()).span().start())));
        return new TextPatch(before, before, line + renderer.style().lineEnding());
    }

    private TextPatch removeItem(Change.RemoveItem remove) {
        Sequence sequence = sequence(remove.sequence());
        List<Value> items = sequence.items();
        if (remove.index() < 0 || remove.index() >= items.size()) {
            throw missing(remove.sequence().child(remove.index()));
        }
        Value item = items.get(remove.index());
        if (items.size() == 1) {
            return replace(remove.sequence(), Value.sequence(List.of()));
        }
        if (json || sequence.flow()) {
            int index = remove.index();
            List<Integer> kept = siblings.keptItems(remove.sequence(), items.size());
            boolean keptAfter = kept.stream().anyMatch(k -> k > index);
            if (keptAfter || kept.isEmpty() && index + 1 < items.size()) {
                return new TextPatch(item.span().start(), items.get(index + 1).span().start(), "");
            }
            // one of the last items: the separator before it goes (the items before it that go take theirs)
            int from = index > 0 && !kept.isEmpty() ? items.get(index - 1).span().end() : item.span().start();
            return new TextPatch(from, item.span().end(), "");
        }
        int dash = dashBefore(item.span().start());
        if (!onlySpaceBefore(dash)) {
            throw new TemplateException(location(item), "this list item shares its line with another list",
                    "edit this nested list by hand");
        }
        return removeLines(dash, item.span().end());
    }

    // ---- wrap and unwrap -----------------------------------------------------------------------------

    /** Stands where the old value's text goes while the wrapper is rendered; plain, so YAML writes it as it is. */
    private static final String HOLE = "stackdraftWrapHole";

    /**
     * The wrapper written where the old value stood, the old value's own text at the hole. Its continuation lines move
     * right by {@link #shift} columns, which {@link #unwrap} takes away again. Where the text cannot stand there (a
     * multi-line or flow-unsafe value in a flow wrapper), the wrapper is written as a plain replacement instead.
     */
    private TextPatch wrap(Change.Wrap wrap) {
        Value old = existing(wrap.path());
        Value whole = at(wrap.wrapper(), wrap.hole(), old);
        int start = old.span().start();
        int end = old.span().end();
        if (!old.span().isKnown() || end <= start) {
            return replace(wrap.path(), whole);
        }
        String oldText = text.substring(start, end);
        @Nullable Value parent = wrap.path().isEmpty() ? null : existing(wrap.path().parent());
        // a value already in a flow collection can stand in another one as it is
        boolean flowSafe = json || parent != null && isFlow(parent) || isFlowSafe(oldText);
        // a mapping at the hole makes the writer lay the wrapper out in block style, where any value can stand
        Value placeholder = flowSafe ? Value.string(HOLE) : Value.mapping(List.of(Value.entry(HOLE, Value.string(HOLE))));
        String marker = json ? Renderer.jsonString(HOLE) : flowSafe ? HOLE : HOLE + ": " + HOLE;
        String rendered = wrapperText(wrap.path(), old, at(wrap.wrapper(), wrap.hole(), placeholder));
        int at = rendered.indexOf(marker);
        if (at < 0 || rendered.indexOf(marker, at + 1) >= 0) {
            return replace(wrap.path(), whole);
        }
        int lastBreak = rendered.lastIndexOf('\n', at);
        boolean holeInFlow = !json && rendered.substring(lastBreak + 1, at).matches(".*[\\[{].*");
        if (holeInFlow && !flowSafe) {
            return replace(wrap.path(), whole);
        }
        int shift;
        if (onlySpaceBefore(start)) {
            int holeColumn = lastBreak < 0 ? column(start) + at : at - lastBreak - 1;
            shift = holeColumn - column(start);
        } else {
            int holeIndent = lastBreak < 0 ? indentOf(lineStart(start)) : leadingSpaces(rendered, lastBreak + 1);
            shift = holeIndent - indentOf(lineStart(start));
        }
        if (shift < 0) {
            return replace(wrap.path(), whole);
        }
        return new TextPatch(start, end, rendered.substring(0, at) + moveLines(oldText, shift)
                + rendered.substring(at + marker.length()));
    }

    /** The wrapper's text written from where the old value starts, in the layout its place calls for. */
    private String wrapperText(DocPath path, Value old, Value given) {
        int start = old.span().start();
        @Nullable Value parent = path.isEmpty() ? null : existing(path.parent());
        // the argument of a short-form function carries that function's tag: it cannot take a tag of its own
        boolean tagged = parent instanceof Value.Intrinsic fn && fn.form() == Value.IntrinsicForm.SHORT || parent instanceof Value.Tagged;
        Value wrapper = tagged && given instanceof Value.Intrinsic fn
                ? Value.mapping(List.of(Value.entry(fn.fn().longName(), fn.argument()))) : given;
        if (json) {
            return renderer.json(wrapper, lineIndentString(start));
        }
        if (parent != null && isFlow(parent)) {
            return renderer.flow(wrapper);
        }
        if (onlySpaceBefore(start)) {
            return renderer.afterDash(wrapper, column(start) - 2).substring(1);
        }
        String written;
        if (parent instanceof Sequence) {
            written = renderer.afterDash(wrapper, dashBefore(start) - lineStart(dashBefore(start)));
        } else if (parent instanceof Mapping mapping && path.last() instanceof String key) {
            written = renderer.afterKey(wrapper, mapping.entry(key).orElseThrow().key().span().column() - 1);
        } else {
            written = renderer.afterKey(wrapper, indentOf(lineStart(start)));
        }
        if (written.startsWith(" ")) {
            return written.substring(1);
        }
        // a block that would begin on the next line: on this line it must be flow
        return renderer.flow(wrapper);
    }

    /** Replaces the value at {@code path} with its part at {@code kept}, that part's text moved back left as wrap moved it. */
    private TextPatch unwrap(Change.Unwrap unwrap) {
        Value outer = existing(unwrap.path());
        Value kept = unwrap.kept().find(outer).orElseThrow(() -> missing(unwrap.path()));
        int start = outer.span().start();
        if (!outer.span().isKnown() || !kept.span().isKnown() || kept.span().end() <= kept.span().start()) {
            return replace(unwrap.path(), kept);
        }
        int shift = onlySpaceBefore(start) ? column(kept.span().start()) - column(start)
                : indentOf(lineStart(kept.span().start())) - indentOf(lineStart(start));
        @Nullable String moved = shift < 0 ? null : moveLinesBack(text.substring(kept.span().start(), kept.span().end()), shift);
        if (moved == null) {
            return replace(unwrap.path(), kept);
        }
        return new TextPatch(start, outer.span().end(), moved);
    }

    /**
     * Whether a value's text can stand inside a flow collection as it is: one line holding a quoted scalar, a flow
     * collection, or a plain scalar without flow indicators, each after an optional tag.
     */
    private static boolean isFlowSafe(String valueText) {
        if (valueText.contains("\n") || valueText.contains("\r")) {
            return false;
        }
        String node = valueText;
        if (node.startsWith("!")) {
            int space = node.indexOf(' ');
            node = space < 0 ? "" : node.substring(space + 1).stripLeading();
        }
        if (node.length() >= 2 && (node.startsWith("\"") && node.endsWith("\"") || node.startsWith("'") && node.endsWith("'")
                || node.startsWith("{") && node.endsWith("}") || node.startsWith("[") && node.endsWith("]"))) {
            return true;
        }
        return !node.contains(": ") && !node.contains(" #") && node.chars().noneMatch(c -> ",[]{}?".indexOf(c) >= 0);
    }

    /** The value at {@code hole} inside {@code value} replaced by {@code part}. */
    private static Value at(Value value, DocPath hole, Value part) {
        if (hole.isEmpty()) {
            return part;
        }
        Object segment = hole.segments().getFirst();
        DocPath rest = new DocPath(hole.segments().subList(1, hole.segments().size()));
        return switch (value) {
            case Mapping m when segment instanceof String key -> {
                List<Entry> entries = new java.util.ArrayList<>();
                for (Entry e : m.entries()) {
                    entries.add(e.name().equals(key) ? new Entry(e.key(), at(e.value(), rest, part)) : e);
                }
                yield new Mapping(entries, m.flow(), m.span());
            }
            case Sequence s when segment instanceof Integer i && i >= 0 && i < s.items().size() -> {
                List<Value> items = new java.util.ArrayList<>(s.items());
                items.set(i, at(items.get(i), rest, part));
                yield new Sequence(items, s.flow(), s.span());
            }
            case Value.Intrinsic fn when fn.fn().longName().equals(segment) ->
                    new Value.Intrinsic(fn.fn(), at(fn.argument(), rest, part), fn.form(), fn.span());
            case Value.Tagged t when t.tag().equals(segment) -> new Value.Tagged(t.tag(), at(t.value(), rest, part), t.span());
            default -> throw new IllegalArgumentException("no " + hole + " in the wrapper");
        };
    }

    /** Every line after the first that holds anything, moved right by {@code columns} spaces. */
    private static String moveLines(String value, int columns) {
        if (columns == 0 || !value.contains("\n")) {
            return value;
        }
        String[] lines = value.split("\n", -1);
        StringBuilder out = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            out.append('\n');
            if (!lines[i].isEmpty() && !lines[i].equals("\r")) {
                out.append(" ".repeat(columns));
            }
            out.append(lines[i]);
        }
        return out.toString();
    }

    /** What {@link #moveLines} undoes, or null where a line does not start with those spaces. */
    private static @Nullable String moveLinesBack(String value, int columns) {
        if (columns == 0 || !value.contains("\n")) {
            return value;
        }
        String[] lines = value.split("\n", -1);
        StringBuilder out = new StringBuilder(lines[0]);
        String spaces = " ".repeat(columns);
        for (int i = 1; i < lines.length; i++) {
            out.append('\n');
            if (!lines[i].isEmpty() && !lines[i].equals("\r")) {
                if (!lines[i].startsWith(spaces)) {
                    return null;
                }
                out.append(lines[i].substring(columns));
            } else {
                out.append(lines[i]);
            }
        }
        return out.toString();
    }

    private static int leadingSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i - from;
    }

    // ---- text geometry -------------------------------------------------------------------------------

    /** Adds a whole line after the line on which {@code contentEnd} lies, keeping a missing final newline missing. */
    private TextPatch appendLine(int contentEnd, String line) {
        String nl = renderer.style().lineEnding();
        int lineEnd = text.indexOf('\n', contentEnd);
        if (lineEnd < 0) {
            return new TextPatch(text.length(), text.length(), nl + line);
        }
        return new TextPatch(lineEnd + 1, lineEnd + 1, line + nl);
    }

    /** Removes the whole lines from the one holding {@code start} to the one holding {@code end}, and the comments just above. */
    private TextPatch removeLines(int start, int end) {
        int from = commentsAbove(lineStart(start));
        int lineEnd = text.indexOf('\n', end);
        int to = lineEnd < 0 ? text.length() : lineEnd + 1;
        // (at the end of a file without a final newline, the writer takes the newline before instead)
        if (isBlankLine(to) && (from == 0 || isBlankLine(lineStart(from - 1))
                || indentOf(lineStart(from - 1)) < indentOf(from))) {
            // the blank line that set the entry apart goes with it, so that no two blank lines (or one right
            // below the parent's key) are left where it stood
            int blankEnd = text.indexOf('\n', to);
            to = blankEnd < 0 ? text.length() : blankEnd + 1;
        }
        return new TextPatch(from, to, "");
    }

    /** Whether the line starting at {@code lineStart} holds nothing but spaces (and is not the end of the text). */
    private boolean isBlankLine(int lineStart) {
        if (lineStart >= text.length()) {
            return false;
        }
        int end = text.indexOf('\n', lineStart);
        return text.substring(lineStart, end < 0 ? text.length() : end).isBlank();
    }

    /** The start of the comment lines directly above the line at {@code lineStart} that are indented like it. */
    private int commentsAbove(int lineStart) {
        int indent = indentOf(lineStart);
        int start = lineStart;
        while (start > 0) {
            int previous = lineStart(start - 1);
            String line = text.substring(previous, start).strip();
            if (line.startsWith("#") && indentOf(previous) == indent) {
                start = previous;
            } else {
                break;
            }
        }
        return start;
    }

    private String flowSeparator(int siblingStart, Value collection) {
        boolean multiLine = lineStart(siblingStart) != lineStart(collection.span().start()) && onlySpaceBefore(siblingStart);
        return multiLine ? "," + renderer.style().lineEnding() + lineIndentString(siblingStart) : ", ";
    }

    /** Where a comment starts after {@code offset} on its line (past spaces only), or {@code offset} when none does. */
    private int trailingComment(int offset) {
        int i = offset;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i > offset && i < text.length() && text.charAt(i) == '#' ? i : offset;
    }

    /** The end of the line holding {@code offset}, before its line break. */
    private int lineEndOf(int offset) {
        int end = text.indexOf('\n', offset);
        end = end < 0 ? text.length() : end;
        return end > offset && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    private int valueEnd(Entry entry) {
        Value value = entry.value();
        if (value instanceof Scalar s && s.span().end() <= s.span().start()) {
            return entry.key().span().end() + (text.startsWith(":", entry.key().span().end()) ? 1 : 0);
        }
        return Math.max(entry.key().span().end(), value.span().end());
    }

    private int dashBefore(int offset) {
        int i = offset - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
            i--;
        }
        if (i < 0 || text.charAt(i) != '-') {
            throw new IllegalStateException("no list dash before offset " + offset);
        }
        return i;
    }

    private boolean onlySpaceBefore(int offset) {
        for (int i = lineStart(offset); i < offset; i++) {
            if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }

    private int lineStart(int offset) {
        return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
    }

    private int column(int offset) {
        return offset - lineStart(offset);
    }

    private int indentOf(int lineStart) {
        int i = lineStart;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i - lineStart;
    }

    private String lineIndentString(int offset) {
        int start = lineStart(offset);
        int i = start;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(start, i);
    }

    private boolean isFlow(Value value) {
        return value instanceof Mapping m && m.flow() || value instanceof Sequence s && s.flow();
    }

    // ---- lookups -------------------------------------------------------------------------------------

    private Value existing(DocPath path) {
        return path.find(template.root()).orElseThrow(() -> missing(path));
    }

    private Mapping mapping(DocPath path) {
        if (existing(path) instanceof Mapping m) {
            return m;
        }
        throw new TemplateException(location(existing(path)), path + " is not a mapping", "");
    }

    private Sequence sequence(DocPath path) {
        if (existing(path) instanceof Sequence s) {
            return s;
        }
        throw new TemplateException(location(existing(path)), path + " is not a list", "");
    }

    static int indexOfLast(List<Entry> entries, String key) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).name().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no key " + key);
    }

    private TemplateException missing(DocPath path) {
        return new TemplateException(new SourceLocation(template.file(), 1, 1), "nothing at " + path, "");
    }

    private SourceLocation location(Value value) {
        return new SourceLocation(template.file(), Math.max(1, value.span().line()), Math.max(1, value.span().column()));
    }
}
