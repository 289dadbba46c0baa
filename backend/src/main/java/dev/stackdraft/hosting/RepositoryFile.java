package dev.stackdraft.hosting;

/** A file in a repository's tree, found without cloning. */
public record RepositoryFile(String path, long size) {}
