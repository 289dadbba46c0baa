package dev.stackdraft.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whole-process times of the {@code stackdraft} CLI on the generated 500-resource template, side by side with
 * cfn-lint and cfn-diagram on the same file: what a CI pipeline waits for. The commands take turns (one run of each,
 * then the next round), so that load from elsewhere falls on all of them alike; each is run once before timing.
 * Prints a Markdown table for docs/benchmarks.md, with the load average seen.
 *
 * <p>Arguments: the CLI jar (the {@code stackdraft} launcher and its AOT cache beside it), the folder to write the
 * template into, the number of runs (cfn-lint gets at most 3), and optionally an older build's CLI jar to time beside
 * it (before and after). cfn-diagram is {@code cfn-dia} on the PATH, or the
 * command in the environment variable {@code CFN_DIA} (e.g. {@code npx -y @mhlabs/cfn-diagram}); left out if neither.
 */
public final class CliTiming {

    private static final String VALIDATE = "`stackdraft validate` (launcher, AOT cache)";
    private static final String GRAPH = "`stackdraft graph` (launcher, AOT cache)";
    private static final String MERMAID = "`stackdraft graph --format mermaid` (launcher, AOT cache)";
    private static final String CFN_LINT = "`cfn-lint`";

    private CliTiming() {}

    record Timed(String label, List<String> command, Map<String, String> environment, int runs, List<Double> seconds) {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path dir = Files.createDirectories(Path.of(args[1])).toAbsolutePath();
        int runs = Integer.parseInt(args[2]);
        Path template = dir.resolve("generated-500.yaml");
        Files.writeString(template, LargeTemplate.sam(500));
        String file = template.toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String launcher = jar.resolveSibling("stackdraft").toString();

        Map<String, Timed> timed = new LinkedHashMap<>();
        add(timed, VALIDATE, runs, launcher, "validate", file);
        add(timed, GRAPH, runs, launcher, "graph", file);
        add(timed, MERMAID, runs, launcher, "graph", file, "--format", "mermaid");
        add(timed, "`java -jar stackdraft-cli.jar validate`", runs, java, "-jar", jar.toString(), "validate", file);
        add(timed, "`java -jar stackdraft-cli.jar graph`", runs, java, "-jar", jar.toString(), "graph", file);
        add(timed, "`stackdraft --help` (launcher)", runs, launcher, "--help");
        timed.put("no cache", new Timed("`STACKDRAFT_AOT=off stackdraft validate` (launcher's JVM options, no cache)",
                List.of(launcher, "validate", file), Map.of("STACKDRAFT_AOT", "off"), runs, new ArrayList<>()));
        if (args.length > 3) {
            String before = Path.of(args[3]).toAbsolutePath().toString();
            add(timed, "before: `java -jar stackdraft-cli.jar validate` (" + args[3] + ")", runs, java, "-jar", before, "validate", file);
            add(timed, "before: `java -jar stackdraft-cli.jar graph` (" + args[3] + ")", runs, java, "-jar", before, "graph", file);
        }
        String cfnDia = System.getenv("CFN_DIA") != null ? System.getenv("CFN_DIA") : onPath("cfn-dia") ? "cfn-dia" : null;
        if (cfnDia != null) {
            List<String> command = new ArrayList<>(List.of(cfnDia.split(" ")));
            command.addAll(List.of("mermaid", "-t", file, "-o", dir.resolve("cfn-diagram.mmd").toString()));
            timed.put("cfn-diagram", new Timed("`cfn-dia mermaid` (cfn-diagram)", command, Map.of(), runs, new ArrayList<>()));
        }
        if (onPath("cfn-lint")) {
            add(timed, CFN_LINT, Math.min(runs, 3), "cfn-lint", "--", file);
        }

        for (Timed t : timed.values()) {
            run(t); // once before timing: files in the page cache, npx's download done
        }
        double loadMin = Double.MAX_VALUE;
        double loadMax = 0;
        for (int round = 0; round < runs; round++) {
            for (Timed t : timed.values()) {
                if (round < t.runs()) {
                    t.seconds().add(run(t));
                }
            }
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            loadMin = Math.min(loadMin, load);
            loadMax = Math.max(loadMax, load);
        }

        System.out.println();
        System.out.println("| command (500-resource SAM template, whole process) | runs | median s | min s | max s |");
        System.out.println("|---|---|---|---|---|");
        for (Timed t : timed.values()) {
            List<Double> s = t.seconds().stream().sorted().toList();
            System.out.printf("| %s | %d | %.2f | %.2f | %.2f |%n", t.label(), s.size(), median(s), s.getFirst(), s.getLast());
        }
        double validate = median(timed.get(VALIDATE).seconds());
        double graph = median(timed.get(GRAPH).seconds());
        double mermaid = median(timed.get(MERMAID).seconds());
        if (timed.containsKey(CFN_LINT)) {
            System.out.printf("| cfn-lint / stackdraft validate | | %.0f× | | |%n", median(timed.get(CFN_LINT).seconds()) / validate);
        }
        if (timed.containsKey("cfn-diagram")) {
            double dia = median(timed.get("cfn-diagram").seconds());
            System.out.printf("| stackdraft graph / cfn-diagram (json, mermaid) | | %.2f, %.2f | | |%n", graph / dia, mermaid / dia);
        }
        System.out.printf("%nOne-minute load average during the runs: %.1f to %.1f (%d cores)%n", loadMin, loadMax,
                Runtime.getRuntime().availableProcessors());
    }

    private static void add(Map<String, Timed> timed, String label, int runs, String... command) {
        timed.put(label, new Timed(label, List.of(command), Map.of(), runs, new ArrayList<>()));
    }

    private static double run(Timed timed) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(timed.command()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(timed.environment());
        long start = System.nanoTime();
        Process process = builder.start();
        process.waitFor();
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(List<Double> seconds) {
        List<Double> sorted = seconds.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static boolean onPath(String tool) throws IOException, InterruptedException {
        return new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
    }
}
