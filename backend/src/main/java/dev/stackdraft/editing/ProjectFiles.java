package dev.stackdraft.editing;

import dev.stackdraft.environment.Environments;
import dev.stackdraft.project.ProjectWriteBack;
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
                           Optional<String> environmentsProblem, ProjectWriteBack.FileReader reader) {

    public ProjectFiles {
        paths = Set.copyOf(paths);
    }

    public ProjectFiles(String templatePath, Set<String> paths, Environments environments) {
        this(templatePath, paths, environments, Optional.empty(), path -> Optional.empty());
    }

    public ProjectFiles(String templatePath, Set<String> paths, Environments environments,
                        Optional<String> environmentsProblem) {
        this(templatePath, paths, environments, environmentsProblem, path -> Optional.empty());
    }

    /**
     * A file named relative to the template's folder (as templates name schemas and code), read from the
     * repository; empty when there is none or the path leaves the repository.
     */
    public Optional<String> readBesideTemplate(String relative) {
        String path = besideTemplatePath(relative);
        return path.startsWith("..") || path.startsWith("/") ? Optional.empty() : reader.read(path);
    }

    /** The repository path of a path relative to the template's folder (normalized; may leave the repository). */
    public String besideTemplatePath(String relative) {
        String folder = templatePath.contains("/") ? templatePath.substring(0, templatePath.lastIndexOf('/') + 1) : "";
        return java.nio.file.Path.of(folder + relative).normalize().toString().replace(java.io.File.separatorChar, '/');
    }

    /** A template alone: no other file, no environments. */
    public static ProjectFiles templateOnly(String templatePath) {
        return new ProjectFiles(templatePath, Set.of(templatePath), Environments.absent(besideTemplate(templatePath,
                Environments.FILE_NAMES.getFirst())), Optional.empty(), path -> Optional.empty());
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
