package dev.stackdraft.hosting;

/**
 * A regular file in a repository's tree, found without cloning (folders, submodules and symbolic links are
 * not listed).
 *
 * @param path the path from the repository's root, {@code /}-separated
 * @param size in bytes; -1 when the host does not say (GitLab's tree API gives no sizes)
 */
public record RepositoryFile(String path, long size) {}
