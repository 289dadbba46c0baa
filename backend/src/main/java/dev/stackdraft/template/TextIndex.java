package dev.stackdraft.template;

import java.util.Arrays;

/** Line starts of a text, for offset → line/column, and the code point → char offset map YAML marks need. */
final class TextIndex {

    private final String text;
    private final int[] lineStarts;
    private final int @org.jspecify.annotations.Nullable [] charOfCodePoint;

    TextIndex(String text) {
        this.text = text;
        int[] starts = new int[64];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (lineBreak) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
        this.charOfCodePoint = text.codePointCount(0, text.length()) == text.length() ? null : codePointMap(text);
    }

    private static int[] codePointMap(String text) {
        int[] map = new int[text.codePointCount(0, text.length()) + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            map[cp++] = i;
        }
        map[cp] = text.length();
        return map;
    }

    String text() {
        return text;
    }

    /** The char offset of a YAML mark's index, which counts code points. */
    int charOffset(int codePointIndex) {
        if (charOfCodePoint == null) {
            return Math.min(codePointIndex, text.length());
        }
        return charOfCodePoint[Math.min(codePointIndex, charOfCodePoint.length - 1)];
    }

    /** 1-based line of a char offset. */
    int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    /** 1-based column of a char offset. */
    int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    int lineStart(int offset) {
        return lineStarts[line(offset) - 1];
    }

    Span span(int start, int end) {
        return new Span(start, end, line(start), column(start));
    }
}
