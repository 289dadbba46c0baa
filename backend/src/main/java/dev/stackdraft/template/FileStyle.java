package dev.stackdraft.template;

import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.IntrinsicForm;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.ScalarStyle;
import dev.stackdraft.template.Value.Sequence;
import dev.stackdraft.template.Value.Tagged;
import java.util.HashMap;
import java.util.Map;

/**
 * How this file writes things, read off the file itself so that new text looks like its neighbours: the
 * indentation step, whether list dashes sit under their key or are indented, short or long intrinsic form,
 * the quote it uses, its line ending, and (JSON) its indentation string and brace spacing.
 */
record FileStyle(SourceFormat format, int indent, int sequenceOffset, boolean shortIntrinsics, char quote,
                 String lineEnding, String jsonIndent, boolean jsonSpaceInBraces) {

    static FileStyle of(Template template) {
        Counter counter = new Counter(template.source().text());
        counter.visit(template.root());
        String text = template.source().text();
        return new FileStyle(template.source().format(),
                counter.indents.mostCommon(2),
                counter.sequenceOffsets.mostCommon(counter.indents.mostCommon(2)),
                template.source().format() == SourceFormat.YAML && counter.shortForms >= counter.longForms,
                counter.doubleQuoted > counter.singleQuoted ? '"' : '\'',
                template.source().lineEnding(),
                jsonIndent(text),
                !text.contains("{\"Ref\"") && !text.contains("{\"Fn::"));
    }

    private static String jsonIndent(String text) {
        String best = null;
        for (String line : text.lines().limit(200).toList()) {
            int i = 0;
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i > 0 && i < line.length() && (best == null || i < best.length())) {
                best = line.substring(0, i);
            }
        }
        return best == null ? "  " : best;
    }

    String spaces(int count) {
        return " ".repeat(Math.max(0, count));
    }

    private static final class Tally {
        private final Map<Integer, Integer> counts = new HashMap<>();

        void add(int value) {
            counts.merge(value, 1, Integer::sum);
        }

        int mostCommon(int fallback) {
            return counts.entrySet().stream()
                    .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).orElse(fallback);
        }
    }

    private static final class Counter {
        final String text;
        final Tally indents = new Tally();
        final Tally sequenceOffsets = new Tally();
        int shortForms;
        int longForms;
        int singleQuoted;
        int doubleQuoted;

        Counter(String text) {
            this.text = text;
        }

        void visit(Value value) {
            switch (value) {
                case Scalar s -> {
                    if (s.style() == ScalarStyle.SINGLE_QUOTED) {
                        singleQuoted++;
                    } else if (s.style() == ScalarStyle.DOUBLE_QUOTED) {
                        doubleQuoted++;
                    }
                }
                case Sequence seq -> seq.items().forEach(this::visit);
                case Mapping m -> {
                    for (Entry e : m.entries()) {
                        if (!m.flow()) {
                            childIndent(e);
                        }
                        visit(e.value());
                    }
                }
                case Intrinsic fn -> {
                    if (fn.form() == IntrinsicForm.SHORT) {
                        shortForms++;
                    } else {
                        longForms++;
                    }
                    visit(fn.argument());
                }
                case Tagged t -> visit(t.value());
            }
        }

        private void childIndent(Entry e) {
            int keyColumn = e.key().span().column();
            if (e.value() instanceof Mapping child && !child.flow() && !child.entries().isEmpty()
                    && child.span().line() > e.key().span().line()) {
                int step = child.entries().getFirst().key().span().column() - keyColumn;
                if (step > 0) {
                    indents.add(step);
                }
            } else if (e.value() instanceof Sequence seq && !seq.flow() && !seq.items().isEmpty()) {
                int dash = dashColumn(seq.items().getFirst());
                if (dash >= keyColumn) {
                    sequenceOffsets.add(dash - keyColumn);
                }
            }
        }

        private int dashColumn(Value item) {
            int i = item.span().start() - 1;
            while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
                i--;
            }
            if (i < 0 || text.charAt(i) != '-') {
                return -1;
            }
            int lineStart = text.lastIndexOf('\n', i) + 1;
            return i - lineStart + 1;
        }
    }
}
