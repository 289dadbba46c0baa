package dev.stackdraft.edit;

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

/** The outside judges, {@code cfn-lint} and {@code aws-sam-translator}, run as processes where they are installed. */
final class Judges {

    static final Path SAM_TRANSLATE = Path.of("src/test/resources/judges/sam_translate.py").toAbsolutePath();

    private Judges() {}

    record Run(int exitCode, String output) {}

    static boolean hasCfnLint() {
        return onPath("cfn-lint");
    }

    static boolean hasSamTranslator() {
        try {
            return onPath("python3") && run(List.of("python3", "-c", "import samtranslator")).exitCode() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** The cfn-lint rules each file of {@code dir} breaks, by file name. */
    static Map<String, Set<String>> cfnLint(Path dir) throws Exception {
        List<String> command = new ArrayList<>(List.of("cfn-lint", "--format", "parseable", "--"));
        try (var files = Files.list(dir)) {
            files.sorted().forEach(f -> command.add(f.toString()));
        }
        Map<String, Set<String>> rules = new HashMap<>();
        for (String line : run(command).output().lines().toList()) {
            String[] parts = line.split(":");
            if (parts.length > 5 && parts[5].matches("[EWI]\\d+")) {
                rules.computeIfAbsent(Path.of(parts[0]).getFileName().toString(), k -> new TreeSet<>()).add(parts[5]);
            }
        }
        return rules;
    }

    /** What the SAM translator says of each file: {@code OK}, {@code INVALID} or {@code ERROR}, by file name. */
    static Map<String, String> samTranslate(List<String> files) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", SAM_TRANSLATE.toString()));
        command.addAll(files);
        Map<String, String> verdicts = new HashMap<>();
        run(command).output().lines().map(l -> l.split("\t")).filter(p -> p.length >= 2)
                .forEach(p -> verdicts.put(Path.of(p[0]).getFileName().toString(), p[1]));
        return verdicts;
    }

    static Run run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        process.waitFor(5, TimeUnit.MINUTES);
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String tool) {
        try {
            return run(List.of("sh", "-c", "command -v " + tool)).exitCode() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
