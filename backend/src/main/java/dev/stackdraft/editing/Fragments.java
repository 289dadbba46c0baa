package dev.stackdraft.editing;

import dev.stackdraft.edit.EditRefusedException;
import dev.stackdraft.template.SourceFormat;
import dev.stackdraft.template.Span;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.TemplateReader;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.ScalarStyle;
import dev.stackdraft.template.Value.Sequence;
import dev.stackdraft.template.Value.Tagged;
import java.util.regex.Pattern;

/**
 * Values as text for a form: the text of a value exactly as the file writes it, moved to column 0, and the way back, a
 * typed piece of YAML read into a {@link Value} (or refused with its line and column).
 */
final class Fragments {

    private static final TemplateReader READER = new TemplateReader();
    private static final Pattern TABS = Pattern.compile("(?m)^[ \t]+");

    private Fragments() {}

    /**
     * The value of {@code entry} as the file writes it. Lines after the first lose the indentation the value has in
     * the file: a block collection on lines of its own loses its own column; a value that starts on its key's line
     * (a function, a flow collection, a block scalar) keeps the indentation it has relative to that key.
     */
    static String text(Template template, Entry entry) {
        Span span = entry.value().span();
        if (!span.isKnown() || span.end() <= span.start()) {
            return "";
        }
        String source = template.source().text().substring(span.start(), span.end()).replace("\r\n", "\n");
        if (template.source().format() == SourceFormat.JSON) {
            source = TABS.matcher(source).replaceAll(m -> m.group().replace('\t', ' ')); // JSON may indent with tabs; YAML may not
        }
        String after = template.source().text().substring(span.end());
        if (endsWithBlockScalar(entry.value()) && (after.startsWith("\n") || after.startsWith("\r\n"))) {
            source += "\n"; // the line break that ends a block scalar is part of its value
        }
        String[] lines = source.split("\n", -1);
        int dedent;
        if (span.line() > entry.key().span().line()) {
            dedent = span.column() - 1;
        } else {
            dedent = entry.key().span().column() - 1;
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    dedent = Math.min(dedent, indent(lines[i]));
                }
            }
        }
        StringBuilder out = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            out.append('\n').append(lines[i].substring(Math.min(dedent, indent(lines[i]))));
        }
        return out.toString();
    }

    private static boolean endsWithBlockScalar(Value value) {
        return switch (value) {
            case Scalar s -> s.style() == ScalarStyle.LITERAL || s.style() == ScalarStyle.FOLDED;
            case Mapping m -> !m.flow() && !m.entries().isEmpty() && endsWithBlockScalar(m.entries().getLast().value());
            case Sequence q -> !q.flow() && !q.items().isEmpty() && endsWithBlockScalar(q.items().getLast());
            case Intrinsic fn -> endsWithBlockScalar(fn.argument());
            case Tagged t -> endsWithBlockScalar(t.value());
        };
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** A typed piece of YAML as a value; refused with "value of NAME:line:column: what is wrong". */
    static Value read(String what, String text) {
        try {
            return READER.readValue("value of " + what, text);
        } catch (TemplateException e) {
            throw new EditRefusedException(e.location(), e.problem(), e.hint());
        }
    }
}
