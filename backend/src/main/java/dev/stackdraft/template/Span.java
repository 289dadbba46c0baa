package dev.stackdraft.template;

/**
 * Where a value stands in its source text: {@code [start, end)} as char offsets into the text (after a
 * byte-order mark is removed), and the 1-based line and column of {@code start}. Values created by an edit
 * and not yet written have {@link #NONE}.
 */
public record Span(int start, int end, int line, int column) {

    public static final Span NONE = new Span(-1, -1, 0, 0);

    public boolean isKnown() {
        return start >= 0;
    }
}
