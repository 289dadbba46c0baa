package dev.stackdraft.editing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.edit.Editor;
import dev.stackdraft.edit.UpdateProperty;
import dev.stackdraft.template.Corpus;
import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.EditResult;
import dev.stackdraft.template.Plain;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.TemplateReader;
import dev.stackdraft.template.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Over every template of the shared corpus: every resource has a form; the YAML a field shows means exactly the value
 * in the file; and every field submitted as the form shows it (and every section entry, likewise) writes nothing,
 * byte for byte.
 */
class PropertyFormsCorpusTest {

    @Test
    void every_field_of_every_corpus_resource_round_trips_without_a_change() {
        TemplateReader reader = new TemplateReader();
        Editor editor = new Editor();
        List<String> problems = new ArrayList<>();
        int files = 0;
        int fields = 0;
        for (Path file : Corpus.files().toList()) {
            Template template;
            try {
                template = reader.read(file);
            } catch (TemplateException e) {
                continue; // the corpus holds files the reader refuses on purpose
            }
            files++;
            for (Resource resource : template.resources()) {
                String id = resource.id().value();
                List<PropertyField> form;
                try {
                    form = PropertyForms.of(template, id);
                } catch (RuntimeException e) {
                    problems.add(Corpus.label(file) + " " + id + ": form: " + e);
                    continue;
                }
                for (PropertyField field : form) {
                    if (field.value() instanceof FieldValue.Absent) {
                        continue;
                    }
                    fields++;
                    if (!template.hasReadErrors() && !(field.value() instanceof FieldValue.Scalar)) {
                        // what the form shows is YAML that means exactly the value in the file
                        try {
                            Object shown = Plain.of(Fragments.read(field.name(), shown(field.value())));
                            if (!shown.equals(Plain.of(resource.property(field.name()).orElseThrow()))) {
                                problems.add(Corpus.label(file) + " " + id + "." + field.name() + ": shown as\n" + shown(field.value()));
                            }
                        } catch (RuntimeException e) {
                            problems.add(Corpus.label(file) + " " + id + "." + field.name() + ": shown text: " + e.getMessage());
                        }
                    }
                    try {
                        EditResult result = editor.apply(template, PropertyForms.set(template, id, field.name(), shown(field.value())));
                        if (result.changed()) {
                            problems.add(Corpus.label(file) + " " + id + "." + field.name() + ": changed\n" + result.diff());
                        }
                    } catch (RuntimeException e) {
                        problems.add(Corpus.label(file) + " " + id + "." + field.name() + ": " + e.getMessage());
                    }
                }
            }
            for (SectionEntry entry : TemplateSections.of(template)) {
                if (!template.hasReadErrors()) {
                    Value inFile = template.at(sectionPath(template, entry)).orElseThrow();
                    try {
                        if (!Plain.of(Fragments.read(entry.name(), entry.yaml())).equals(Plain.of(inFile))) {
                            problems.add(Corpus.label(file) + " " + entry.section() + "." + entry.name() + ": shown as\n" + entry.yaml());
                        }
                    } catch (RuntimeException e) {
                        problems.add(Corpus.label(file) + " " + entry.section() + "." + entry.name() + ": shown text: " + e.getMessage());
                    }
                }
                try {
                    EditResult result = editor.apply(template, TemplateSections.set(template, entry.section(), entry.name(), entry.yaml()));
                    if (result.changed()) {
                        problems.add(Corpus.label(file) + " " + entry.section() + "." + entry.name() + ": changed\n" + result.diff());
                    }
                } catch (RuntimeException e) {
                    problems.add(Corpus.label(file) + " " + entry.section() + "." + entry.name() + ": " + e.getMessage());
                }
            }
        }
        assertThat(files).isGreaterThan(200);
        assertThat(fields).isGreaterThan(1000);
        assertThat(problems).as("%d fields in %d files", fields, files).isEmpty();
    }

    @Test
    void one_changed_scalar_inside_a_yaml_field_changes_one_line_of_the_file() {
        TemplateReader reader = new TemplateReader();
        Editor editor = new Editor();
        List<String> problems = new ArrayList<>();
        int edits = 0;
        for (Path file : Corpus.files().toList()) {
            Template template;
            try {
                template = reader.read(file);
            } catch (TemplateException e) {
                continue;
            }
            if (template.hasReadErrors()) {
                continue;
            }
            for (Resource resource : template.resources()) {
                for (Value.Entry entry : resource.properties().map(Value.Mapping::entries).orElse(List.of())) {
                    boolean[] done = {false};
                    Value changed = changeFirstScalar(entry.value(), entry.name(), done);
                    if (!done[0] || !(entry.value() instanceof Value.Mapping || entry.value() instanceof Value.Sequence)) {
                        continue;
                    }
                    edits++;
                    try {
                        EditResult result = editor.apply(template, new UpdateProperty(resource.id().value(),
                                List.of(entry.name()), changed));
                        long lines = result.diff().lines().filter(l -> (l.startsWith("+") || l.startsWith("-"))
                                && !l.startsWith("+++") && !l.startsWith("---")).count();
                        if (lines != 2) {
                            problems.add(Corpus.label(file) + " " + resource.id() + "." + entry.name() + ":\n" + result.diff());
                        }
                    } catch (RuntimeException e) {
                        problems.add(Corpus.label(file) + " " + resource.id() + "." + entry.name() + ": " + e.getMessage());
                    }
                }
            }
        }
        assertThat(edits).isGreaterThan(1000);
        assertThat(problems).as("%d edits", edits).isEmpty();
    }

    /** The value with its first plain one-line string that names nothing (not in a function, not a Condition) changed. */
    private static Value changeFirstScalar(Value value, String key, boolean[] done) {
        return switch (value) {
            case Value.Scalar s when !done[0] && s.kind() == Value.ScalarKind.STRING && s.style() == Value.ScalarStyle.PLAIN
                    && !s.text().isEmpty() && !s.text().contains("\n") && !key.equals("Condition") -> {
                done[0] = true;
                yield new Value.Scalar(s.text() + "x", s.kind(), s.style(), s.span());
            }
            case Value.Mapping m -> new Value.Mapping(m.entries().stream()
                    .map(e -> new Value.Entry(e.key(), changeFirstScalar(e.value(), e.name(), done))).toList(), m.flow(), m.span());
            case Value.Sequence q -> new Value.Sequence(q.items().stream().map(i -> changeFirstScalar(i, key, done)).toList(),
                    q.flow(), q.span());
            default -> value;
        };
    }

    private static DocPath sectionPath(Template template, SectionEntry entry) {
        DocPath base = template.dialect() == Dialect.SERVERLESS ? DocPath.of("resources") : DocPath.ROOT;
        return base.child(entry.section()).child(entry.name());
    }

    static String shown(FieldValue value) {
        return switch (value) {
            case FieldValue.Absent a -> "";
            case FieldValue.Scalar s -> s.text();
            case FieldValue.Intrinsic i -> i.yaml();
            case FieldValue.Yaml y -> y.yaml();
        };
    }
}
