package dev.stackdraft.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.template.Corpus;
import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.EditResult;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.TemplateReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the editor writes, judged by tools that are not ours: {@code cfn-lint} must find no rule broken in
 * an edited template that it did not find broken before, and the SAM translator must translate an edited
 * template exactly when it translated the original. Skipped, saying so, where the tools are not installed.
 */
class OutsideJudgesTest {

    private static final int SAMPLE = 30;
    private static final String LAYER = "arn:aws:lambda:us-east-1:123456789012:layer:stackdraft-judge:1";

    @TempDir
    static Path work;

    private static final Map<String, String[]> pairs = new HashMap<>(); // name -> {before, after}

    @BeforeAll
    static void edit_a_sample_of_the_corpus() throws IOException {
        TemplateReader reader = new TemplateReader();
        Editor editor = new Editor();
        Files.createDirectories(work.resolve("before"));
        Files.createDirectories(work.resolve("after"));
        List<Path> files = Corpus.files().filter(p -> p.getParent().getFileName().toString().equals("sam"))
                .filter(p -> !p.getFileName().toString().contains("__error_")).toList();
        int layered = 0;
        int renamed = 0;
        for (Path file : files) {
            if (layered >= SAMPLE && renamed >= SAMPLE) {
                break;
            }
            Template template;
            try {
                template = reader.read(file);
            } catch (TemplateException e) {
                continue;
            }
            if (template.dialect() == Dialect.SERVERLESS || template.hasReadErrors()) {
                continue;
            }
            EditCommand command = null;
            Resource function = template.resources().stream().filter(r -> r.type().isFunction()).findFirst().orElse(null);
            if (function != null && layered < SAMPLE) {
                command = new AddLayer(function.id().value(), LAYER);
            } else if (renamed < SAMPLE && !template.resources().isEmpty()) {
                command = new RenameLogicalId(template.resources().getFirst().id().value(), template.resources().getFirst().id().value() + "Renamed");
            }
            if (command == null) {
                continue;
            }
            try {
                EditResult result = editor.apply(template, command);
                String name = file.getFileName().toString();
                Files.copy(file, work.resolve("before").resolve(name));
                Files.write(work.resolve("after").resolve(name), result.after().source().bytes());
                pairs.put(name, new String[] {work.resolve("before").resolve(name).toString(), work.resolve("after").resolve(name).toString()});
                if (command instanceof AddLayer) {
                    layered++;
                } else {
                    renamed++;
                }
            } catch (TemplateException refused) {
                // refused edits write nothing; CorpusEditTest checks them
            }
        }
    }

    @Test
    void cfn_lint_finds_nothing_new_in_edited_templates() throws Exception {
        Assumptions.assumeTrue(Judges.hasCfnLint(), "cfn-lint is not installed: outside judge skipped");
        assertThat(pairs).hasSizeGreaterThan(20);
        Map<String, Set<String>> before = Judges.cfnLint(work.resolve("before"));
        Map<String, Set<String>> after = Judges.cfnLint(work.resolve("after"));
        for (String name : pairs.keySet()) {
            assertThat(after.getOrDefault(name, Set.of())).as("cfn-lint rules broken in edited %s", name)
                    .isSubsetOf(before.getOrDefault(name, Set.of()));
        }
    }

    @Test
    void sam_translator_translates_edited_templates_as_it_did_the_originals() throws Exception {
        Assumptions.assumeTrue(Judges.hasSamTranslator(), "aws-sam-translator is not installed: outside judge skipped");
        Map<String, String> before = Judges.samTranslate(pairs.values().stream().map(p -> p[0]).toList());
        Map<String, String> after = Judges.samTranslate(pairs.values().stream().map(p -> p[1]).toList());
        assertThat(after).hasSameSizeAs(before).hasSizeGreaterThan(20);
        before.forEach((name, verdict) -> assertThat(after.get(name)).as("SAM translation of edited %s", name).isEqualTo(verdict));
    }
}
