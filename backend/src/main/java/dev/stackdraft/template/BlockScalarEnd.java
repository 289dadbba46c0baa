package dev.stackdraft.template;

/**
 * Where the text of a literal ({@code |}) or folded ({@code >}) block scalar ends. The parser's event runs on
 * over the blank lines that follow, up to the next token; most of them are the file's spacing, which an entry
 * added after the scalar should leave below itself. Some belong to the scalar's meaning though: under keep
 * chomping ({@code |+}) every one of them, and under clip or strip a line of only spaces that is indented deeper
 * than the content (its extra spaces are content, and the empty lines before it line breaks of the content).
 * The span ends after the last line the scalar means, so that a patch at its end keeps its value byte for byte.
 */
final class BlockScalarEnd {

    private BlockScalarEnd() {}

    /**
     * @param start    the offset of the {@code |} or {@code >}
     * @param eventEnd where the parser's event ends
     * @param value    the scalar's value as the parser read it
     */
    static int of(String text, int start, int eventEnd, String value) {
        int end = Math.min(eventEnd, text.length());
        int headerEnd = text.indexOf('\n', start);
        if (headerEnd < 0 || headerEnd >= end) {
            return trimmed(text, start, end);
        }
        boolean keep = indicators(text, start).indexOf('+') >= 0;
        if (!keep && value.isEmpty()) {
            return trimmed(text, start, end);
        }
        int indent = contentIndent(text, headerEnd + 1, end, value);
        int last = -1;
        for (int lineStart = headerEnd + 1; lineStart < end; ) {
            int newline = text.indexOf('\n', lineStart);
            if (newline < 0 ? end < text.length() : newline >= end) {
                break; // the indentation of the next token, not a line of this scalar
            }
            int lineEnd = newline < 0 ? text.length() : newline;
            int contentEnd = lineEnd > lineStart && text.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
            String line = text.substring(lineStart, contentEnd);
            if (keep || !line.isBlank() || indent < 0 || line.length() > indent) {
                last = contentEnd;
            }
            lineStart = lineEnd + 1;
        }
        return last < 0 ? trimmed(text, start, end) : last;
    }

    /** The chomping and indentation indicators after {@code |} or {@code >}, e.g. {@code +}, {@code 2-}. */
    private static String indicators(String text, int start) {
        int i = start + 1;
        while (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-' || Character.isDigit(text.charAt(i)))) {
            i++;
        }
        return text.substring(start + 1, i);
    }

    /**
     * The content's indentation: the spaces before the first line with text, less those the value keeps of them
     * (an indentation indicator can leave some). -1 where no line with text tells it: every line then counts as
     * meant, which may keep blank lines above a new entry but never changes the value.
     */
    private static int contentIndent(String text, int from, int end, String value) {
        int lineStart = from;
        while (lineStart < end) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 || newline > end ? end : newline;
            String line = text.substring(lineStart, lineEnd);
            if (!line.isBlank()) {
                String firstValueLine = value.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
                int indent = leadingSpaces(line) - leadingSpaces(firstValueLine);
                return indent >= 0 ? indent : -1;
            }
            lineStart = lineEnd + 1;
        }
        return -1;
    }

    private static int leadingSpaces(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** A scalar with no line its meaning needs ends where its last text does. */
    private static int trimmed(String text, int start, int end) {
        int e = end;
        while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }
}
