package dev.stackdraft.template;

import java.nio.charset.StandardCharsets;

/**
 * The text a template was read from, exactly: without a leading byte-order mark (remembered in
 * {@code bom} and put back on write), line endings untouched.
 */
public record SourceText(String name, String text, boolean bom, SourceFormat format) {

    /** The file's bytes as they were: byte-order mark and all. */
    public byte[] bytes() {
        return (bom ? "\uFEFF" + text : text).getBytes(StandardCharsets.UTF_8);
    }

    public SourceText withText(String newText) {
        return new SourceText(name, newText, bom, format);
    }

    public String lineEnding() {
        int lf = text.indexOf('\n');
        return lf > 0 && text.charAt(lf - 1) == '\r' ? "\r\n" : "\n";
    }

    public boolean endsWithNewline() {
        return text.endsWith("\n");
    }
}
