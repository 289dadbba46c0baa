package dev.stackdraft.importer;

import dev.stackdraft.hosting.RepositoryFile;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which files of a repository may be templates, judged from the path and size alone, best first.
 *
 * <ul>
 *   <li><b>Named</b>: {@code template.yaml|yml|json} (SAM's names) and {@code serverless.yml|yaml|json}, anywhere.
 *       Each is a stack, even one that cannot be read (it shows as unreadable).</li>
 *   <li><b>By content</b>: any other {@code .yaml}, {@code .yml}, {@code .json} or {@code .template} file of at most
 *       1 MB (or of a size the host does not say); the detector reads it and keeps it only if it is a
 *       CloudFormation / SAM template.</li>
 *   <li>Never: anything under a folder whose name starts with a dot ({@code .git}, {@code .aws-sam},
 *       {@code .serverless}, {@code .github} ...) or under {@code node_modules}, {@code cdk.out}, {@code vendor} and
 *       the like (build output and dependencies), hidden files, and well-known files that are never templates
 *       ({@code package.json}, lock files, CI and tool configuration).</li>
 * </ul>
 * Order: named files first, then shallower paths, then by path.
 */
final class TemplateCandidates {

    /** CloudFormation's limit for a template (and our reader's). */
    static final long MAX_SIZE = 1_048_576;

    private static final Set<String> NAMED = Set.of("template.yaml", "template.yml", "template.json",
            "serverless.yml", "serverless.yaml", "serverless.json");
    private static final Set<String> EXTENSIONS = Set.of("yaml", "yml", "json", "template");
    private static final Set<String> IGNORED_DIRECTORIES = Set.of("node_modules", "cdk.out", "bower_components",
            "__pycache__", "venv", "site-packages", "vendor", "target", "#current-cloud-backend");
    private static final Set<String> NEVER_TEMPLATES = Set.of("package.json", "package-lock.json", "composer.json",
            "tsconfig.json", "jsconfig.json", "tslint.json", "pnpm-lock.yaml", "yarn.lock", "docker-compose.yml",
            "docker-compose.yaml", "compose.yml", "compose.yaml", "mkdocs.yml", "mkdocs.yaml", "samconfig.yaml",
            "samconfig.yml", "buildspec.yml", "buildspec.yaml", "appspec.yml", "appspec.yaml", "cdk.json",
            "cdk.context.json", "renovate.json", "lerna.json", "nx.json", "angular.json", "pubspec.yaml", "chart.yaml",
            "bitbucket-pipelines.yml", "azure-pipelines.yml", "codecov.yml", "openapi.yaml", "openapi.yml",
            "openapi.json", "swagger.yaml", "swagger.yml", "swagger.json");

    /** A file worth reading. {@code named}: a stack by its name alone. {@code size}: -1 when unknown. */
    record Candidate(String path, long size, boolean named) {

        int depth() {
            return (int) path.chars().filter(c -> c == '/').count();
        }
    }

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparing((Candidate c) -> !c.named())
            .thenComparingInt(Candidate::depth)
            .thenComparing(Candidate::path);

    private TemplateCandidates() {}

    static List<Candidate> of(List<RepositoryFile> files) {
        return files.stream()
                .map(TemplateCandidates::candidate)
                .filter(java.util.Objects::nonNull)
                .sorted(BEST_FIRST)
                .toList();
    }

    static boolean isNamed(String path) {
        return NAMED.contains(fileName(path).toLowerCase(Locale.ROOT));
    }

    private static @Nullable Candidate candidate(RepositoryFile file) {
        String path = file.path();
        if (ignoredDirectory(path)) {
            return null;
        }
        String name = fileName(path).toLowerCase(Locale.ROOT);
        if (NAMED.contains(name)) {
            return new Candidate(path, file.size(), true);
        }
        int dot = name.lastIndexOf('.');
        boolean byContent = !name.startsWith(".") && dot > 0 && EXTENSIONS.contains(name.substring(dot + 1))
                && !NEVER_TEMPLATES.contains(name) && file.size() != 0 && file.size() <= MAX_SIZE;
        return byContent ? new Candidate(path, file.size(), false) : null;
    }

    static boolean ignoredDirectory(String path) {
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            String segment = segments[i];
            if (segment.startsWith(".") || IGNORED_DIRECTORIES.contains(segment.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
