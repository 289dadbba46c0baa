package dev.stackdraft.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.template.Corpus;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.UnifiedDiff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real samconfig we have (the shared corpus: SAM CLI test data, sam init's app templates, AWS samples; and the
 * SAM CLI's own schema test files in the test resources) is read, comes back byte for byte, and takes an edit with a
 * diff no larger than the change, which a TOML reader that is not ours reads back the same.
 */
class SamconfigCorpusTest {

    static Stream<Path> files() {
        Path corpus = Corpus.shared().resolve("corpus/samconfig");
        Path samCli = Path.of("src/test/resources/samconfig/sam-cli");
        try {
            Stream<Path> shared = Files.isDirectory(corpus) ? Files.list(corpus) : Stream.empty();
            return Stream.concat(shared, Files.list(samCli))
                    .filter(p -> p.getFileName().toString().matches(".*\\.(toml|yaml|yml)"))
                    .sorted();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void the_corpus_has_its_24_samconfig_files() {
        Path corpus = Corpus.shared().resolve("corpus/samconfig");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "the shared corpus is absent: skipped");
        assertThat(files().filter(p -> p.startsWith(corpus))).hasSize(24);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void each_file_is_read_or_refused_with_file_line_col(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (isBroken(file)) {
            assertThatThrownBy(() -> Environments.parse(file, text)).isInstanceOf(TemplateException.class)
                    .hasMessageMatching("\\Q" + file + "\\E:\\d+:\\d+: .+");
            return;
        }
        Environments environments = Environments.parse(file, text);

        assertThat(environments.list()).isNotEmpty().allSatisfy(env -> assertThat(env.name()).isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void each_toml_file_comes_back_byte_for_byte_and_means_what_tomllib_reads(Path file) throws IOException {
        Assumptions.assumeTrue(file.toString().endsWith(".toml") && !isBroken(file), "TOML files that parse only");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        TomlDocument doc = TomlDocument.parse(file.toString(), text);

        assertThat(new TomlEditor(doc).result()).isEqualTo(text);
        TomlJudge.assumeAvailable();
        assertThat(TomlValue.plain(doc.root)).isEqualTo(TomlJudge.read(text));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void a_new_environment_only_adds_lines_and_reads_back(Path file) throws IOException {
        Assumptions.assumeTrue(!isBroken(file), "files that parse only");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Environments environments = Environments.parse(file, text);

        String after = environments.set("ci", "eu-west-1", "ci-stack", "123456789012", Map.of("Stage", "ci"));

        assertOnlyAdds(text, after);
        assertThat(after).startsWith(text.endsWith("\n") ? text : text.substring(0, text.lastIndexOf('\n') + 1));
        Environment ci = Environments.parse(file, after).environment("ci").orElseThrow();
        assertThat(ci).isEqualTo(new Environment("ci", "ci-stack", "eu-west-1", "123456789012", Map.of("Stage", "ci"),
                Map.of(), java.util.List.of("CAPABILITY_IAM")));
        assertThat(Environments.parse(file, after).list()).hasSize(environments.list().size() + 1);
        Assumptions.assumeTrue(file.toString().endsWith(".toml"), "tomllib judges TOML only");
        TomlJudge.assumeAvailable();
        assertThat(TomlValue.plain(TomlDocument.parse("after", after).root)).isEqualTo(TomlJudge.read(after));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void a_parameter_of_an_environment_changes_in_at_most_one_line(Path file) throws IOException {
        Assumptions.assumeTrue(!isBroken(file), "files that parse only");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Environments environments = Environments.parse(file, text);
        String env = environments.list().getFirst().name();

        String after;
        try {
            after = environments.setParameter(env, "LayerVersion", "arn:aws:lambda:eu-west-1:123456789012:layer:x:3");
        } catch (TemplateException refused) { // a table of overrides: said where, and nothing written
            assertThat(refused.getMessage()).startsWith(file + ":");
            return;
        }

        boolean hasOverrides = java.util.stream.Stream.of("deploy", "global").anyMatch(c -> SamConfigModel.parameters(
                document(file, text), env, c).get("parameter_overrides") instanceof String);
        if (hasOverrides) {
            assertThat(UnifiedDiff.changedLines(text, after)).isBetween(1, 2);
        } else {
            assertOnlyAdds(text, after);
        }
        assertThat(Environments.parse(file, after).environment(env).orElseThrow().parameterOverrides())
                .containsEntry("LayerVersion", "arn:aws:lambda:eu-west-1:123456789012:layer:x:3");
        String back = Environments.parse(file, after).removeParameter(env, "LayerVersion");
        assertThat(Environments.parse(file, back).environment(env).orElseThrow().parameterOverrides())
                .isEqualTo(environments.environment(env).orElseThrow().parameterOverrides());
        Assumptions.assumeTrue(file.toString().endsWith(".toml"), "tomllib judges TOML only");
        TomlJudge.assumeAvailable();
        assertThat(TomlValue.plain(TomlDocument.parse("after", after).root)).isEqualTo(TomlJudge.read(after));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void removing_each_environment_leaves_the_others_as_they_were(Path file) throws IOException {
        Assumptions.assumeTrue(!isBroken(file), "files that parse only");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Environments environments = Environments.parse(file, text);
        for (Environment env : environments.list()) {
            String after;
            try {
                after = environments.remove(env.name());
            } catch (TemplateException refused) { // an alias into the environment: refused, said where
                assertThat(refused.getMessage()).startsWith(file + ":").contains("alias");
                continue;
            }

            Environments read = Environments.parse(file, after);
            assertThat(read.list()).isEqualTo(environments.list().stream().filter(e -> !e.equals(env)).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void an_edit_and_its_inverse_give_back_the_same_bytes(Path file) throws IOException {
        Assumptions.assumeTrue(!isBroken(file), "files that parse only");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Assumptions.assumeTrue(text.endsWith("\n"), "a file without a final newline gets one before a new table");
        Environments environments = Environments.parse(file, text);

        String added = environments.set("ci", "eu-west-1", "ci-stack", "123456789012", Map.of("Stage", "ci"));
        assertThat(Environments.parse(file, added).remove("ci")).isEqualTo(text);

        for (Environment env : environments.list()) {
            if (!env.parameterOverrides().isEmpty() && !env.parameterOverrides().containsKey("Extra")) {
                String withExtra;
                try {
                    withExtra = environments.setParameter(env.name(), "Extra", "value with spaces");
                } catch (TemplateException refused) {
                    continue; // a table of overrides: refused, said where (see above)
                }
                assertThat(Environments.parse(file, withExtra).removeParameter(env.name(), "Extra")).isEqualTo(text);
            }
        }
    }

    /** Lines only added; where the file ends without a newline, its last line comes back with one (as git shows). */
    private static void assertOnlyAdds(String before, String after) {
        long removed = UnifiedDiff.of("f", before, after).lines().filter(l -> l.startsWith("-") && !l.startsWith("---")).count();
        assertThat(removed).isLessThanOrEqualTo(before.endsWith("\n") || before.isEmpty() ? 0 : 1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document(Path file, String text) {
        return file.toString().endsWith(".toml") ? (Map<String, Object>) TomlValue.plain(TomlDocument.parse("f", text).root)
                : YamlSamconfig.read("f", text);
    }

    private static boolean isBroken(Path file) {
        String name = file.getFileName().toString();
        return name.contains("invalid-syntax") || name.startsWith("error_");
    }
}
