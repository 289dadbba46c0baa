package dev.stackdraft.edit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The outside judges for Use Existing: cfn-lint with its messages (to tell a finding about an asked parameter from
 * others), and the SAM translator run with parameter values, then the translated stack's references checked for the
 * resources its conditions create ({@code judges/sam_translate_existing.py}).
 */
final class ExistingJudges {

    static final Path SCRIPT = Path.of("src/test/resources/judges/sam_translate_existing.py").toAbsolutePath();

    private ExistingJudges() {}

    record Lint(String rule, int line, String message) {}

    record Case(Path file, String label, String resource, Map<String, String> parameters) {}

    record Translation(String verdict, String present, Set<String> unresolved, String detail) {}

    static boolean hasCfnLint() {
        return Judges.hasCfnLint();
    }

    static boolean hasSamTranslator() {
        return Judges.hasSamTranslator();
    }

    /** Every finding of cfn-lint for every file in {@code dirs}, by file, from one run. */
    static Map<Path, List<Lint>> cfnLint(List<Path> dirs) throws Exception {
        List<String> command = new ArrayList<>(List.of("cfn-lint", "--format", "parseable", "--"));
        for (Path dir : dirs) {
            try (var files = Files.list(dir)) {
                files.sorted().forEach(f -> command.add(f.toString()));
            }
        }
        Map<Path, List<Lint>> findings = new HashMap<>();
        String output = Judges.run(command).output();
        if (System.getenv("SHOW_LINT") != null) {
            System.out.println(output.length() > 3000 ? output.substring(0, 3000) : output);
        }
        if (output.contains("Traceback (most recent call last)")) {
            throw new IllegalStateException("cfn-lint stopped with a stack trace:\n" + output.substring(output.indexOf("Traceback")));
        }
        for (String line : output.lines().toList()) {
            String[] parts = line.split(":", 7);
            if (parts.length == 7 && parts[5].matches("[EWI]\\d+")) {
                findings.computeIfAbsent(Path.of(parts[0]), k -> new ArrayList<>())
                        .add(new Lint(parts[5], Integer.parseInt(parts[1]), parts[6]));
            }
        }
        return findings;
    }

    /** What the translator and the reference check say of each case, by {@code file name TAB label}. */
    static Map<String, Translation> translate(List<Case> cases, Path manifest) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (Case c : cases) {
            String json = c.parameters().entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"").collect(Collectors.joining(", ", "{", "}"));
            lines.append(c.file()).append('\t').append(c.label()).append('\t').append(c.resource()).append('\t').append(json).append('\n');
        }
        Files.writeString(manifest, lines);
        Map<String, Translation> results = new LinkedHashMap<>();
        for (String line : Judges.run(List.of("python3", SCRIPT.toString(), manifest.toString())).output().lines().toList()) {
            String[] p = line.split("\t", -1);
            if (p.length >= 5) {
                Set<String> unresolved = p[4].isEmpty() ? Set.of() : new TreeSet<>(List.of(p[4].split(",")));
                results.put(Path.of(p[0]).getFileName() + "\t" + p[1],
                        new Translation(p[2], p[3], unresolved, p.length > 5 ? p[5] : ""));
            }
        }
        return results;
    }
}
