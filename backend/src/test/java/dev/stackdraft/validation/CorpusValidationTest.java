package dev.stackdraft.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.template.Corpus;
import dev.stackdraft.template.Finding;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validation over the shared corpus: it never throws, places every finding inside the file, finds errors in the
 * SAM translator's {@code error_*} inputs, and stays quiet on most real templates. Writes the count of errors per
 * code and source to {@code target/validation-corpus.tsv} for a person to read.
 */
class CorpusValidationTest {

    private final TemplateValidator validator = new TemplateValidator();

    static Stream<Named<Path>> corpus() {
        return Corpus.files().map(p -> Named.of(Corpus.label(p), p));
    }

    private static boolean expectsErrors(Path file) {
        return file.getFileName().toString().contains("__error_");
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void validation_never_throws_and_places_every_finding_in_the_file(Path file) throws IOException {
        Template template = new TemplateReader().read(file);
        long lines = Files.readString(file).lines().count();
        List<Finding> findings = validator.validate(template);
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.location().line()).isBetween(1, (int) lines);
            assertThat(f.location().column()).isPositive();
            assertThat(f.code()).matches("[a-z]+(-[a-z]+)*");
            assertThat(f.message()).isNotBlank();
        });
        assertThat(findings).isSortedAccordingTo(Comparator.comparingInt((Finding f) -> f.location().line())
                .thenComparingInt(f -> f.location().column()));
    }

    @Test
    void every_input_the_sam_translator_rejects_has_an_error_of_its_own() {
        List<Path> rejected = Corpus.files().filter(CorpusValidationTest::expectsErrors).toList();
        assertThat(rejected).hasSizeGreaterThanOrEqualTo(6);
        for (Path file : rejected) {
            List<Finding> errors = validator.validate(new TemplateReader().read(file)).stream()
                    .filter(Finding::isError).filter(f -> !f.code().equals("missing-transform")).toList();
            assertThat(errors).as(Corpus.label(file)).isNotEmpty();
        }
    }

    @Test
    void real_templates_are_mostly_free_of_errors_and_the_table_is_written() throws IOException {
        Map<String, Map<String, Integer>> errors = new TreeMap<>();
        List<String> patterns = new ArrayList<>();
        int patternFiles = 0;
        for (Path file : Corpus.files().filter(f -> !expectsErrors(f)).toList()) {
            String source = file.getFileName().toString().split("__")[0];
            List<Finding> found = validator.validate(new TemplateReader().read(file)).stream().filter(Finding::isError).toList();
            found.forEach(f -> errors.computeIfAbsent(f.code(), k -> new TreeMap<>()).merge(source, 1, Integer::sum));
            if (source.equals("serverless-patterns")) {
                patternFiles++;
                if (!found.isEmpty()) {
                    patterns.add(Corpus.label(file) + " " + found.getFirst());
                }
            }
        }
        StringBuilder table = new StringBuilder("code\tsource\terrors\n");
        errors.forEach((code, bySource) -> bySource.forEach((source, n) ->
                table.append(code).append('\t').append(source).append('\t').append(n).append('\n')));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "validation-corpus.tsv"), table);
        assertThat(patternFiles).isGreaterThan(100);
        // 15 of 165 today, all real: duplicate keys, a missing Transform, Description beside Type (cfn-lint: E3001)
        assertThat(patterns).as("serverless-patterns templates with errors").hasSizeLessThanOrEqualTo(patternFiles / 8);
    }
}
