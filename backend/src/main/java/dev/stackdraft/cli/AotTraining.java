package dev.stackdraft.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build's training run for the JDK's ahead-of-time cache (JEP 483, 514, 515): {@code java
 * -XX:AOTCacheOutput=stackdraft-cli.aot -cp stackdraft-cli.jar dev.stackdraft.cli.AotTraining FILE|FOLDER...} runs
 * the commands a CI job runs ({@code graph} in each format, {@code validate}, help) over the given templates (of a
 * folder, its YAML and JSON files) in one process. The cache then holds every class those commands load, already
 * parsed and linked, and the method profiles they gathered, so that the {@code stackdraft} launcher's runs skip that
 * work. Nothing is written: results go nowhere, and a file that is refused only trains the refusal.
 */
final class AotTraining {

    /** Rounds over the files: the profiles a method gathers grow with the number of calls. */
    private static final int ROUNDS = 3;

    private AotTraining() {}

    static void main(String[] args) throws IOException {
        List<String> files = new ArrayList<>();
        for (String arg : args) {
            Path path = Path.of(arg);
            if (Files.isDirectory(path)) {
                try (Stream<Path> found = Files.walk(path)) {
                    found.filter(AotTraining::isTemplateLike).map(Path::toString).sorted().forEach(files::add);
                }
            } else {
                files.add(arg);
            }
        }
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        List<String[]> runs = new ArrayList<>();
        runs.add(new String[] {"--help"});
        runs.add(new String[] {"--version"});
        for (String file : files) {
            runs.add(new String[] {"graph", file});
            runs.add(new String[] {"graph", file, "--format", "mermaid"});
            runs.add(new String[] {"graph", file, "--format", "dot"});
            runs.add(new String[] {"validate", file});
            runs.add(new String[] {"validate", file, "--format", "json"});
        }
        int failed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (String[] run : runs) {
                if (StackdraftCli.run(run, nowhere, nowhere) != StackdraftCli.OK) {
                    failed++;
                }
            }
        }
        System.out.println("stackdraft AOT training: " + runs.size() + " command lines, " + ROUNDS + " rounds, "
                + failed + " with findings or refused");
    }

    private static boolean isTemplateLike(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
    }
}
