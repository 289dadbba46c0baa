package dev.stackdraft.runtime;

/** The files of the repository the template is in, as the caller sees them (a working copy, a commit). */
@FunctionalInterface
public interface RepositoryFiles {

    /**
     * Whether a file exists.
     *
     * @param pathInRepository relative to the repository's root, with {@code /} between folders, no {@code ./}
     */
    boolean exists(String pathInRepository);
}
