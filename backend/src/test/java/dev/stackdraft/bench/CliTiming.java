package dev.stackdraft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole-process times of {@code stackdraft validate} and {@code cfn-lint} on the same 500-resource template,
 * side by side: what a CI pipeline waits for. Prints a Markdown table for docs/benchmarks.md.
 *
 * <p>Arguments: the CLI jar, the folder to write the template into, the number of runs.
 */
public final class CliTiming {

    private CliTiming() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path dir = Files.createDirectories(Path.of(args[1]));
        int runs = Integer.parseInt(args[2]);
        Path template = dir.resolve("generated-500.yaml");
        Files.writeString(template, LargeTemplate.sam(500));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cli = List.of(java, "-jar", jar.toString(), "validate", template.toString());
        List<String> graph = List.of(java, "-jar", jar.toString(), "graph", template.toString());
        time(cli, 1);
        double validate = time(cli, runs);
        double graphTime = time(graph, runs);
        double lint = onPath("cfn-lint") ? time(List.of("cfn-lint", "--", template.toString()), Math.min(runs, 3)) : Double.NaN;
        System.out.println();
        System.out.println("| command (500-resource SAM template, whole process) | median of runs | seconds |");
        System.out.println("|---|---|---|");
        System.out.printf("| `stackdraft validate` | %d | %.2f |%n", runs, validate);
        System.out.printf("| `stackdraft graph` | %d | %.2f |%n", runs, graphTime);
        System.out.printf("| `cfn-lint` | %d | %.2f |%n", Math.min(runs, 3), lint);
        System.out.printf("| ratio cfn-lint / stackdraft validate | | %.0fx |%n", lint / validate);
    }

    private static double time(List<String> command, int runs) throws IOException, InterruptedException {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.waitFor();
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        seconds.sort(Double::compare);
        return seconds.get(seconds.size() / 2);
    }

    private static boolean onPath(String tool) throws IOException, InterruptedException {
        return new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
    }
}
