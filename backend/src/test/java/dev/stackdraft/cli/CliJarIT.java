package dev.stackdraft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as a user runs it: a separate JVM, real exit status, real streams. Needs {@code package} to
 * have built {@code target/stackdraft-cli.jar}, so it runs under Failsafe (after package), not Surefire.
 */
class CliJarIT {

    private static final String NEW_LAYER = "arn:aws:lambda:us-east-1:123456789012:layer:tools:7";

    @TempDir
    Path dir;

    record Result(int status, String out, String err) {}

    @Test
    void the_shaded_jar_edits_validates_and_draws_a_file_and_refuses_a_broken_one() throws Exception {
        Path jar = jar();
        Path file = Cli.write(dir, "template.yaml", Templates.SAM);
        Path broken = Cli.write(dir, "broken.yaml", Templates.MALFORMED);

        Result version = run(jar, "--version");
        Result add = run(jar, "layers", "add", file.toString(), "--function", "OrdersFunction", "--layer", NEW_LAYER);
        Result valid = run(jar, "validate", file.toString());
        Result graph = run(jar, "graph", file.toString());
        Result validate = run(jar, "validate", broken.toString());
        Result usage = run(jar, "layers", "add", file.toString());

        assertThat(version.status()).isZero();
        assertThat(version.out()).matches("stackdraft \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
        assertThat(add.status()).as(add.err()).isZero();
        assertThat(add.err()).isEqualTo("stackdraft: Add layer " + NEW_LAYER + " to OrdersFunction (1 line added)\n");
        assertThat(Cli.read(file)).isEqualTo(Templates.SAM.replace("        - " + Templates.LAYER + "\n",
                "        - " + Templates.LAYER + "\n        - " + NEW_LAYER + "\n"));
        assertThat(valid.status()).as(valid.err()).isZero(); // the validator and its bundled schemas made it into the jar
        assertThat(valid.err()).isEqualTo("stackdraft: " + file + ": 0 errors, 0 warnings\n");
        assertThat(graph.status()).as(graph.err()).isZero();
        assertThat(graph.out()).startsWith("{\"nodes\":[").contains("\"from\":\"OrdersFunction\",\"to\":\"OrdersTable\"");
        assertThat(validate.status()).isEqualTo(1);
        assertThat(validate.out()).isEmpty();
        assertThat(validate.err()).startsWith(broken + ":").hasLineCount(1).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(usage.status()).isEqualTo(2);
        assertThat(usage.err()).startsWith("stackdraft: missing --function\nusage:\n");
    }

    private static Path jar() {
        Path jar = Stream.of(Path.of("target", "stackdraft-cli.jar"), Path.of("backend", "target", "stackdraft-cli.jar"))
                .filter(Files::isRegularFile).findFirst().orElse(null);
        Assumptions.assumeTrue(jar != null, "target/stackdraft-cli.jar is not built yet (run 'mvn -pl backend package' "
                + "first; Failsafe runs this after package): the shaded-jar test is skipped");
        return jar.toAbsolutePath();
    }

    private Result run(Path jar, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        java.lang.Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stackdraft finished within a minute").isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
