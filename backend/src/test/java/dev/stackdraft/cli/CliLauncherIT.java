package dev.stackdraft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.bench.LargeTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code package} builds for a fast CLI: the {@code stackdraft} launcher beside the jar, and the JDK's
 * ahead-of-time cache that the launcher starts the JVM from. Runs under Failsafe, after package; it fails (not
 * skips) when they are missing, as with {@code -Dstackdraft.cli.aot.skip=true}. On a JDK older than 25 (the build
 * then makes no cache: the {@code cli-aot-needs-jdk-25} profile) the tests of the cache are skipped, saying so.
 */
class CliLauncherIT {

    private static final String CLI_CLASS_FROM_CACHE = "dev.stackdraft.cli.StackdraftCli source: shared objects file";

    @TempDir
    Path dir;

    record Result(int status, String out, String err) {}

    @Test
    void the_build_makes_an_aot_cache_for_the_jar_with_this_jdk() throws Exception {
        assumeCacheIsMade();
        Path target = target();
        Path cache = target.resolve("stackdraft-cli.aot");
        Path classLog = dir.resolve("classes.log");

        Result run = run(List.of(java(), "-XX:AOTCache=" + cache, "-Xlog:class+load:file=" + classLog,
                "-jar", target.resolve("stackdraft-cli.jar").toString(), "--version"), Map.of());

        assertThat(cache).isRegularFile();
        assertThat(Files.size(cache)).isGreaterThan(1 << 20);
        assertThat(run.status()).isZero();
        assertThat(run.err()).as("the JVM accepts the cache without a word").isEmpty();
        assertThat(Files.readString(classLog)).contains(CLI_CLASS_FROM_CACHE);
        assertThat(Files.readString(target.resolve("stackdraft-cli.aot.made-with")))
                .startsWith(Files.readString(Path.of(System.getProperty("java.home"), "release")))
                .endsWith("STACKDRAFT_CLI_JAR_SIZE=\"" + Files.size(target.resolve("stackdraft-cli.jar")) + "\"\n");
    }

    @Test
    void the_launcher_prints_what_java_jar_prints_and_starts_from_the_cache() throws Exception {
        assumeCacheIsMade();
        Path target = target();
        Path small = Cli.write(dir, "template.yaml", Templates.SAM);
        Path large = Cli.write(dir, "large.yaml", LargeTemplate.sam(500));
        Path broken = Cli.write(dir, "broken.yaml", Templates.MALFORMED);
        Path classLog = dir.resolve("classes.log");

        for (List<String> args : List.of(List.of("graph", small.toString()), List.of("graph", large.toString()),
                List.of("graph", large.toString(), "--format", "mermaid"), List.of("validate", small.toString()),
                List.of("validate", large.toString(), "--format", "json"), List.of("validate", broken.toString()),
                List.of("graph"))) {
            Result launched = launch(target.resolve("stackdraft"), args, Map.of());
            Result plain = javaJar(target.resolve("stackdraft-cli.jar"), args);
            assertThat(launched).as(String.join(" ", args)).isEqualTo(plain);
        }
        Result logged = launch(target.resolve("stackdraft"), List.of("validate", small.toString()),
                Map.of("STACKDRAFT_JAVA_OPTS", "-Xlog:class+load:file=" + classLog));
        assertThat(logged.status()).isZero();
        assertThat(Files.readString(classLog)).contains(CLI_CLASS_FROM_CACHE);
    }

    @Test
    void a_launcher_moved_with_its_jar_and_cache_and_called_through_a_link_still_uses_the_cache() throws Exception {
        assumeCacheIsMade();
        Path installed = install();
        Path link = Files.createSymbolicLink(dir.resolve("stackdraft-link"), installed.resolve("stackdraft"));
        Path small = Cli.write(dir, "template.yaml", Templates.SAM);
        Path classLog = dir.resolve("classes.log");

        Result run = launch(link, List.of("graph", small.toString()),
                Map.of("STACKDRAFT_JAVA_OPTS", "-Xlog:class+load:file=" + classLog));

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(Files.readString(classLog)).contains(CLI_CLASS_FROM_CACHE);
    }

    @Test
    void a_cache_made_by_another_jdk_or_for_another_jar_is_left_alone_quietly() throws Exception {
        assumeCacheIsMade();
        Path installed = install();
        Path small = Cli.write(dir, "template.yaml", Templates.SAM);
        Path classLog = dir.resolve("classes.log");
        Path madeWith = installed.resolve("stackdraft-cli.aot.made-with");
        List<String> args = List.of("validate", small.toString());
        Result expected = javaJar(installed.resolve("stackdraft-cli.jar"), args);
        Map<String, String> logClasses = Map.of("STACKDRAFT_JAVA_OPTS", "-Xlog:class+load:file=" + classLog);

        Files.writeString(madeWith, Files.readString(madeWith).replace("JAVA_RUNTIME_VERSION=\"", "JAVA_RUNTIME_VERSION=\"0"));
        Result otherJdk = launch(installed.resolve("stackdraft"), args, logClasses);
        String otherJdkClasses = Files.readString(classLog);
        Files.copy(target().resolve("stackdraft-cli.aot.made-with"), madeWith, StandardCopyOption.REPLACE_EXISTING);
        Files.write(installed.resolve("stackdraft-cli.aot"), new byte[4096]); // a damaged cache the stamp still fits
        Result damaged = launch(installed.resolve("stackdraft"), args, Map.of());

        assertThat(otherJdk).isEqualTo(expected);
        assertThat(otherJdkClasses).contains("dev.stackdraft.cli.StackdraftCli source: ").doesNotContain(CLI_CLASS_FROM_CACHE);
        assertThat(damaged).isEqualTo(expected);
    }

    @Test
    void a_java_older_than_21_is_refused_with_a_sentence_saying_what_to_do() throws Exception {
        Path oldJdk = Files.createDirectories(dir.resolve("jdk-17"));
        Files.writeString(oldJdk.resolve("release"), "JAVA_VERSION=\"17.0.12\"\n");

        Result run = run(List.of(target().resolve("stackdraft").toString(), "--version"),
                Map.of("JAVA_HOME", oldJdk.toString()));

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("stackdraft: " + oldJdk.resolve("bin/java") + " is Java 17; stackdraft needs Java 21 "
                + "or newer: set JAVA_HOME to a JDK 21+ (25 starts fastest)\n");
    }

    /** The JDK's ahead-of-time cache as the launcher uses it is JDK 25's (JEP 514): older ones get none. */
    private static void assumeCacheIsMade() {
        Assumptions.assumeTrue(Runtime.version().feature() >= 25, "this JDK (" + Runtime.version()
                + ") makes no AOT cache for the CLI: that needs JDK 25, and the build skips it");
    }

    /** The launcher, jar, cache and stamp copied to a folder of their own, as an installation would hold them. */
    private Path install() throws IOException {
        Path installed = Files.createDirectories(dir.resolve("opt").resolve("stackdraft"));
        for (String name : List.of("stackdraft", "stackdraft-cli.jar", "stackdraft-cli.aot", "stackdraft-cli.aot.made-with")) {
            Files.copy(target().resolve(name), installed.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
        }
        return installed;
    }

    private static Path target() {
        Path target = Stream.of(Path.of("target"), Path.of("backend", "target"))
                .filter(t -> Files.isRegularFile(t.resolve("stackdraft-cli.jar"))).findFirst()
                .orElseThrow(() -> new AssertionError("target/stackdraft-cli.jar is not built: run 'mvn -pl backend verify'"));
        assertThat(target.resolve("stackdraft")).as("the launcher is built beside the jar").isExecutable();
        return target.toAbsolutePath();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private Result launch(Path launcher, List<String> args, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(args);
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return run(command, env);
    }

    private Result javaJar(Path jar, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
        command.addAll(args);
        return run(command, Map.of());
    }

    private Result run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("STACKDRAFT_JAVA_OPTS");
        builder.environment().remove("STACKDRAFT_AOT");
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished within a minute: " + command).isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
