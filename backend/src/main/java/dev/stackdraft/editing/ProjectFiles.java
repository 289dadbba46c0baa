package dev.stackdraft.editing;

import dev.stackdraft.environment.Environments;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an editing session knows of the repository beside the template, as it was on the branch when the session
 * opened: the path of every file (to tell whether a bootstrap or a code folder exists) and the environments file
 * next to the template ({@code samconfig.toml}; where a new one would go when there is none).
 *
 * @param environmentsProblem why the samconfig beside the template cannot be read (file, line, column, what to do);
 *                            the template can still be edited then, its environments cannot
 */
public record ProjectFiles(String templatePath, Set<String> paths, Environments environments,
                           Optional<String> environmentsProblem) {

    public ProjectFiles {
        paths = Set.copyOf(paths);
    }

    public ProjectFiles(String templatePath, Set<String> paths, Environments environments) {
        this(templatePath, paths, environments, Optional.empty());
    }

    /** A template alone: no other file, no environments. */
    public static ProjectFiles templateOnly(String templatePath) {
        return new ProjectFiles(templatePath, Set.of(templatePath), Environments.absent(besideTemplate(templatePath,
                Environments.FILE_NAMES.getFirst())), Optional.empty());
    }

    /** A path in the repository next to the template: {@code name} in the template's folder. */
    public static java.nio.file.Path besideTemplate(String templatePath, String name) {
        int slash = templatePath.lastIndexOf('/');
        return java.nio.file.Path.of(slash < 0 ? name : templatePath.substring(0, slash + 1) + name);
    }

    /** The repository's files, in git's order of paths. */
    public List<String> sortedPaths() {
        return paths.stream().sorted().toList();
    }
}
