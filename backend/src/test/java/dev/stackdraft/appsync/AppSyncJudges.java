package dev.stackdraft.appsync;

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

/**
 * The outside judges, {@code cfn-lint} and {@code aws-sam-translator}, run as processes where installed (the edit
 * package's Judges, copied: it is package-private there), and the translator's output for a closer look.
 */
final class AppSyncJudges {

    /** Transforms each file and prints one line per file: name, OK and the resulting resources as JSON, or why not. */
    private static final String TRANSFORM = """
            import sys, json
            from samtranslator.yaml_helper import yaml_parse
            from samtranslator.translator.transform import transform
            from samtranslator.public.exceptions import InvalidDocumentException
            class Loader:
                def load(self): return {}
            for f in sys.argv[1:]:
                try:
                    out = transform(yaml_parse(open(f).read()), {}, Loader())
                    print(f + "\\tOK\\t" + json.dumps(out.get("Resources", {}), default=str))
                except InvalidDocumentException as e:
                    print(f + "\\tINVALID\\t" + "; ".join(str(c) for c in e.causes)[:300])
                except Exception as e:
                    print(f + "\\tERROR\\t" + type(e).__name__ + ": " + str(e)[:200])
            """;

    private AppSyncJudges() {}

    record Run(int exitCode, String output) {}

    /** The translator's verdict (OK, INVALID, ERROR) and, for OK, the resources it made as JSON; by file name. */
    record Translation(String verdict, String detail) {}

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

    static Map<String, Translation> samTransform(Path work, List<Path> files) throws Exception {
        Path script = work.resolve("sam_transform.py");
        Files.writeString(script, TRANSFORM);
        List<String> command = new ArrayList<>(List.of("python3", script.toString()));
        files.forEach(f -> command.add(f.toString()));
        Map<String, Translation> verdicts = new HashMap<>();
        run(command).output().lines().map(l -> l.split("\t", 3)).filter(p -> p.length >= 2)
                .forEach(p -> verdicts.put(Path.of(p[0]).getFileName().toString(),
                        new Translation(p[1], p.length > 2 ? p[2] : "")));
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
