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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
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
        Assumptions.assumeTrue(onPath("cfn-lint"), "cfn-lint is not installed: outside judge skipped");
        assertThat(pairs).hasSizeGreaterThan(20);
        Map<String, Set<String>> before = cfnLint(work.resolve("before"));
        Map<String, Set<String>> after = cfnLint(work.resolve("after"));
        for (String name : pairs.keySet()) {
            assertThat(after.getOrDefault(name, Set.of())).as("cfn-lint rules broken in edited %s", name)
                    .isSubsetOf(before.getOrDefault(name, Set.of()));
        }
    }

    @Test
    void sam_translator_translates_edited_templates_as_it_did_the_originals() throws Exception {
        Assumptions.assumeTrue(onPath("python3") && run(List.of("python3", "-c", "import samtranslator")).exitCode == 0,
                "aws-sam-translator is not installed: outside judge skipped");
        Path script = Path.of("src/test/resources/judges/sam_translate.py").toAbsolutePath();
        List<String> samBefore = new ArrayList<>(List.of("python3", script.toString()));
        List<String> samAfter = new ArrayList<>(List.of("python3", script.toString()));
        pairs.values().forEach(p -> {
            samBefore.add(p[0]);
            samAfter.add(p[1]);
        });
        Map<String, String> before = verdicts(run(samBefore).output);
        Map<String, String> after = verdicts(run(samAfter).output);
        assertThat(after).hasSameSizeAs(before).hasSizeGreaterThan(20);
        before.forEach((name, verdict) -> assertThat(after.get(name)).as("SAM translation of edited %s", name).isEqualTo(verdict));
    }

    private static Map<String, String> verdicts(String output) {
        Map<String, String> verdicts = new HashMap<>();
        output.lines().map(l -> l.split("\t")).filter(p -> p.length >= 2)
                .forEach(p -> verdicts.put(Path.of(p[0]).getFileName().toString(), p[1]));
        return verdicts;
    }

    private static Map<String, Set<String>> cfnLint(Path dir) throws Exception {
        List<String> command = new ArrayList<>(List.of("cfn-lint", "--format", "parseable", "--"));
        try (var files = Files.list(dir)) {
            files.sorted().forEach(f -> command.add(f.toString()));
        }
        Map<String, Set<String>> rules = new HashMap<>();
        for (String line : run(command).output.lines().toList()) {
            String[] parts = line.split(":");
            if (parts.length > 5 && parts[5].matches("[EWI]\\d+")) {
                rules.computeIfAbsent(Path.of(parts[0]).getFileName().toString(), k -> new TreeSet<>()).add(parts[5]);
            }
        }
        return rules;
    }

    private record Run(int exitCode, String output) {}

    private static Run run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        process.waitFor(5, TimeUnit.MINUTES);
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String tool) {
        try {
            return run(List.of("sh", "-c", "command -v " + tool)).exitCode == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
