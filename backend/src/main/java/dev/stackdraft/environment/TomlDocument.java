package dev.stackdraft.environment;

import dev.stackdraft.environment.TomlValue.Arr;
import dev.stackdraft.environment.TomlValue.Origin;
import dev.stackdraft.environment.TomlValue.Table;
import dev.stackdraft.template.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A TOML 1.0 document read without losing a byte: the text, the logical root table, and where each table header
 * and each {@code key = value} line stands, so that an edit can patch exactly the lines it touches. What the SAM
 * CLI's reader (tomlkit) refuses is refused here with the file, line and column.
 */
final class TomlDocument {

    /** A {@code [table]} or {@code [[array]]} line: its path, and the span of its own lines. */
    record Header(List<String> path, boolean array, int start, int lineEnd, int contentEnd) {}

    /**
     * One {@code key = value} line: the table it is written in ({@code tablePath}, empty for the root), its key as
     * written ({@code key}, several segments when dotted), and where its line starts and ends (after the newline).
     */
    record Pair(List<String> tablePath, @Nullable Header header, List<String> key, TomlValue value, int lineStart,
                int keyStart, int lineEnd) {}

    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_-]+");

    final String file;
    final String text;
    final Table root;
    final List<Header> headers;
    final List<Pair> pairs;

    /** How each table path was made, keyed by the path joined with NUL. */
    private final Map<String, Origin> origins;

    private TomlDocument(String file, String text) {
        this.file = file;
        this.text = text;
        TomlParser parser = new TomlParser(this);
        parser.parse();
        this.headers = List.copyOf(parser.headers);
        this.pairs = List.copyOf(parser.pairs);
        this.origins = Map.copyOf(parser.origins);
        this.root = new Table(parser.rootEntries, Origin.ROOT, 0, text.length());
    }

    static TomlDocument parse(String file, String text) {
        return new TomlDocument(file, text);
    }

    /** The table at {@code path}, if the document has one there. */
    @Nullable Table table(List<String> path) {
        TomlValue current = root;
        for (String segment : path) {
            if (!(current instanceof Table t) || !t.entries().containsKey(segment)) {
                return null;
            }
            current = t.entries().get(segment);
        }
        return current instanceof Table t ? t : null;
    }

    /** The header that opens the table at {@code path}, if one does. */
    @Nullable Header header(List<String> path) {
        for (Header header : headers) {
            if (!header.array() && header.path().equals(path)) {
                return header;
            }
        }
        return null;
    }

    /**
     * How the table at {@code path} was made: {@code INLINE} also for every table inside an inline table (none of
     * them may take a header or a new key line), {@code IMPLICIT} for one that is not there at all.
     */
    Origin origin(List<String> path) {
        if (path.isEmpty()) {
            return Origin.ROOT;
        }
        TomlValue current = root;
        for (int i = 0; i < path.size(); i++) {
            if (!(current instanceof Table t) || !t.entries().containsKey(path.get(i))) {
                return Origin.IMPLICIT;
            }
            current = t.entries().get(path.get(i));
            if (current instanceof Table inner && inner.origin() == Origin.INLINE) {
                return Origin.INLINE;
            }
            if (current instanceof Arr) {
                return Origin.ARRAY_ITEM;
            }
        }
        return current instanceof Table ? origins.getOrDefault(String.join("\0", path), Origin.IMPLICIT) : Origin.ARRAY_ITEM;
    }

    /** The first part of {@code path} that an inline table or a value already holds, where no header may go. */
    @Nullable List<String> closedPrefix(List<String> path) {
        for (int i = 1; i <= path.size(); i++) {
            Origin origin = origin(path.subList(0, i));
            if (origin == Origin.INLINE || origin == Origin.ARRAY_ITEM) {
                return path.subList(0, i);
            }
        }
        return null;
    }

    SourceLocation location(int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourceLocation(file, line, offset - lineStart + 1);
    }

    static boolean isBareKey(String key) {
        return BARE.matcher(key).matches();
    }
}
