package dev.stackdraft.validation;

import dev.stackdraft.template.Finding;
import dev.stackdraft.template.SourceLocation;
import dev.stackdraft.template.Span;
import dev.stackdraft.template.Template;
import java.util.ArrayList;
import java.util.List;

/** Collects the findings of one validation, placing each at a span of the template's text. */
final class Report {

    private final Template template;
    private final List<Finding> findings = new ArrayList<>();

    Report(Template template) {
        this.template = template;
    }

    Template template() {
        return template;
    }

    void error(String code, Span span, String message) {
        findings.add(Finding.error(code, at(span), message));
    }

    void warning(String code, Span span, String message) {
        findings.add(Finding.warning(code, at(span), message));
    }

    void add(Finding finding) {
        findings.add(finding);
    }

    List<Finding> findings() {
        return findings;
    }

    SourceLocation at(Span span) {
        return new SourceLocation(template.file(), Math.max(1, span.line()), Math.max(1, span.column()));
    }

    /**
     * Where {@code needle} first stands in the source text of {@code span} (say the {@code ${Foo}} inside a Sub
     * string), as a span of its own; the span itself if it is not found there as written (escapes).
     */
    Span within(Span span, String needle) {
        if (!span.isKnown()) {
            return span;
        }
        String text = template.source().text();
        int end = Math.min(span.end(), text.length());
        int found = text.indexOf(needle, span.start());
        if (found < 0 || found + needle.length() > end) {
            return span;
        }
        int line = span.line();
        int lineStart = -1;
        for (int i = span.start(); i < found; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                line++;
                lineStart = i + 1;
            }
        }
        int column = lineStart < 0 ? span.column() + (found - span.start()) : found - lineStart + 1;
        return new Span(found, found + needle.length(), line, column);
    }
}
