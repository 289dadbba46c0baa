package dev.stackdraft.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.template.Finding;
import dev.stackdraft.template.TemplateReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * An outside judge: on small hand-written templates (an unknown property, a bad reference, a missing required
 * property, Lambda limits) cfn-lint and this validator report errors on the same lines. Skipped where cfn-lint is
 * not installed ({@code pip install cfn-lint}); each run of it takes a few seconds, so the files are few.
 */
class CfnLintAgreementTest {

    private static final Path FOLDER = folder();

    @BeforeAll
    static void cfnLintIsInstalled() {
        Assumptions.assumeTrue(runs("cfn-lint", "--version"),
                "cfn-lint is not on PATH (pip install cfn-lint): the comparison with it is skipped");
    }

    static Stream<Named<Path>> templates() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream()
                    .map(f -> Named.of(f.getFileName().toString(), f));
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void cfn_lint_and_the_validator_report_errors_on_the_same_lines(Path file) throws Exception {
        Set<Integer> ours = new TreeSet<>();
        new TemplateValidator().validate(new TemplateReader().read(file)).stream()
                .filter(Finding::isError).forEach(f -> ours.add(f.location().line()));
        Set<Integer> theirs = cfnLintErrorLines(file);
        assertThat(ours).as("lines with an error").isNotEmpty().isEqualTo(theirs);
    }

    private static Set<Integer> cfnLintErrorLines(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("cfn-lint", "--format", "json", file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("cfn-lint finished").isTrue();
        Set<Integer> lines = new TreeSet<>();
        for (JsonNode match : new ObjectMapper().readTree(output)) {
            if (match.get("Level").asString().equals("Error")) {
                lines.add(match.get("Location").get("Start").get("LineNumber").asInt());
            }
        }
        return lines;
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path folder() {
        try {
            return Path.of(CfnLintAgreementTest.class.getResource("/validation/cfn-lint").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
