package dev.stackdraft.template;

import static dev.stackdraft.template.ReaderKeptTest.assertLineAndColumnAgreeWithOffset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.IntrinsicForm;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.ScalarStyle;
import dev.stackdraft.template.Value.Sequence;
import dev.stackdraft.template.Value.Tagged;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Over every corpus file: each value's {@link Span} covers exactly the text written for it, and its line and
 * column agree with its offset. Edits patch the text at these spans, so one char off here damages files.
 */
class ReaderCorpusSpanTest {

    private final TemplateReader reader = new TemplateReader();

    static Stream<Named<Path>> corpus() {
        return Corpus.files().map(p -> Named.of(Corpus.label(p), p));
    }

    /** Checks one file's values; counts what it checked so that a test cannot pass by checking nothing. */
    private static final class SpanCheck {
        final String text;
        final SoftAssertions softly = new SoftAssertions();
        int scalars;
        int keys;
        int collections;

        SpanCheck(String text) {
            this.text = text;
        }

        String written(Value value) {
            return text.substring(value.span().start(), value.span().end());
        }

        void value(Value value, Span parent) {
            Span span = value.span();
            softly.assertThat(span.isKnown()).as("span of %s", value).isTrue();
            if (!span.isKnown()) {
                return;
            }
            softly.assertThat(span.start()).as("start of %s inside its parent %s", span, parent)
                    .isBetween(parent.start(), parent.end());
            softly.assertThat(span.end()).as("end of %s inside its parent %s", span, parent)
                    .isBetween(span.start(), parent.end());
            lineAndColumn(span);
            String written = written(value);
            if (!(value instanceof Scalar)) {
                if (!endsWithBlockScalar(value)) { // whose spaces at the end may be content
                    softly.assertThat(written).as("a %s span ends with blank space", value.getClass().getSimpleName())
                            .doesNotMatch("(?s).*\\s");
                }
                softly.assertThat(written).as("a span starts with a comment").doesNotStartWith("#");
            }
            switch (value) {
                case Scalar s -> scalar(s, false);
                case Sequence seq -> {
                    collections++;
                    softly.assertThat(written).as("sequence at %d:%d", span.line(), span.column())
                            .startsWith(seq.flow() ? "[" : "-");
                    if (seq.flow()) {
                        softly.assertThat(written).endsWith("]");
                    }
                    seq.items().forEach(item -> value(item, span));
                }
                case Mapping m -> {
                    collections++;
                    mapping(m, written);
                    for (Entry e : m.entries()) {
                        key(e.key(), span);
                        value(e.value(), span);
                    }
                }
                case Intrinsic i -> {
                    if (i.form() == IntrinsicForm.SHORT) {
                        softly.assertThat(written).as("short form at %d:%d", span.line(), span.column())
                                .startsWith(i.fn().shortTag());
                    } else {
                        softly.assertThat(written).as("long form at %d:%d", span.line(), span.column())
                                .containsPattern("^[{\\s]*[\"']?" + i.fn().longName().replace("::", "::"));
                    }
                    value(i.argument(), span);
                }
                case Tagged t -> {
                    softly.assertThat(written).startsWith(t.tag().startsWith("tag:yaml.org,2002:")
                            ? "!!" : t.tag());
                    value(t.value(), span);
                }
            }
        }

        /** Whether the last thing written in {@code value} is a literal or folded scalar. */
        static boolean endsWithBlockScalar(Value value) {
            if (value instanceof Scalar s) {
                return s.style() == ScalarStyle.LITERAL || s.style() == ScalarStyle.FOLDED;
            }
            Value last = switch (value) {
                case Mapping m when !m.isEmpty() && !m.flow() -> m.entries().getLast().value();
                case Sequence seq when !seq.items().isEmpty() && !seq.flow() -> seq.items().getLast();
                case Tagged t -> t.value();
                case Intrinsic i -> i.argument();
                default -> null;
            };
            return last != null && last.span().end() == value.span().end() && endsWithBlockScalar(last);
        }

        void mapping(Mapping m, String written) {
            Span span = m.span();
            if (m.isEmpty()) {
                if (m.flow()) {
                    softly.assertThat(written).as("empty mapping at %d:%d", span.line(), span.column()).isEqualTo("{}");
                }
                return;
            }
            Scalar firstKey = m.entries().getFirst().key();
            if (m.flow() && written.startsWith("{")) {
                softly.assertThat(written).as("flow mapping at %d:%d", span.line(), span.column()).endsWith("}");
            } else {
                // a block mapping, or a single pair in a flow list ([a, k: v]), starts with its first key
                softly.assertThat(span.start()).as("mapping at %d:%d starts at its first key", span.line(), span.column())
                        .isEqualTo(firstKey.span().start());
            }
        }

        void key(Scalar key, Span parent) {
            keys++;
            softly.assertThat(key.span().start()).as("key %s inside its mapping", key.text())
                    .isBetween(parent.start(), parent.end());
            lineAndColumn(key.span());
            scalar(key, true);
        }

        void scalar(Scalar s, boolean key) {
            String written = written(s);
            if (written.contains("\n") || written.contains("\r")) {
                if (s.style() == ScalarStyle.LITERAL || s.style() == ScalarStyle.FOLDED) {
                    softly.assertThat(written).startsWith(s.style() == ScalarStyle.LITERAL ? "|" : ">");
                }
                return;
            }
            String what = (key ? "key " : "scalar ") + s.style() + " at " + s.span().line() + ":" + s.span().column();
            switch (s.style()) {
                case PLAIN -> {
                    scalars++;
                    softly.assertThat(written).as(what).isEqualTo(s.text());
                }
                case DOUBLE_QUOTED -> {
                    scalars++;
                    softly.assertThat(written).as(what).startsWith("\"").endsWith("\"").hasSizeGreaterThanOrEqualTo(2);
                    String inner = written.substring(1, Math.max(1, written.length() - 1));
                    if (!inner.contains("\\")) {
                        softly.assertThat(inner).as(what).isEqualTo(s.text());
                    }
                }
                case SINGLE_QUOTED -> {
                    scalars++;
                    softly.assertThat(written).as(what).startsWith("'").endsWith("'").hasSizeGreaterThanOrEqualTo(2);
                    softly.assertThat(written.substring(1, Math.max(1, written.length() - 1)).replace("''", "'"))
                            .as(what).isEqualTo(s.text());
                }
                case LITERAL, FOLDED -> softly.assertThat(written).startsWith(s.style() == ScalarStyle.LITERAL ? "|" : ">");
            }
        }

        void lineAndColumn(Span span) {
            softly.check(() -> assertLineAndColumnAgreeWithOffset(text, span));
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void every_span_covers_exactly_what_is_written(Path file) {
        Template template = reader.read(file);
        String text = template.source().text();
        SpanCheck check = new SpanCheck(text);
        Span whole = new Span(0, text.length(), 1, 1);
        check.value(template.root(), whole);
        for (Resource resource : template.resources()) {
            check.softly.assertThat(check.written(resource.key())).as("key of resource %s", resource.id())
                    .isIn(resource.id().value(), "\"" + resource.id().value() + "\"", "'" + resource.id().value() + "'");
        }
        check.softly.assertAll();
        assertThat(check.scalars).as("one-line scalars checked").isPositive();
        assertThat(check.keys).as("keys checked").isPositive();
        assertThat(check.collections).as("collections checked").isPositive();
    }

    @Test
    void the_largest_corpus_file_reads_a_hundred_times_without_hanging() throws IOException {
        Path largest = Corpus.files().max(Comparator.comparingLong(ReaderCorpusSpanTest::size)).orElseThrow();
        byte[] bytes = Files.readAllBytes(largest);
        assertThat(bytes.length).as("size of %s", largest.getFileName()).isGreaterThan(50_000);
        Template first = reader.read(largest);
        Object meaning = Plain.of(first.root());
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            for (int i = 0; i < 100; i++) {
                Template again = reader.read(largest.toString(), bytes);
                assertThat(again.resources()).hasSameSizeAs(first.resources());
                if (i % 25 == 0) {
                    assertThat(Plain.of(again.root())).isEqualTo(meaning);
                }
            }
        });
        assertThat(first.resources()).hasSizeGreaterThan(50);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
