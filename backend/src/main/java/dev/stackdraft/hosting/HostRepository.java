package dev.stackdraft.hosting;

import java.net.URI;

/**
 * A repository as its host describes it.
 *
 * @param id       the host's own stable id (GitHub/GitLab numeric id; the path for the local provider)
 * @param fullName {@code owner/name} (GitLab: the full path with groups)
 * @param defaultBranch empty when the repository has no commits yet (GitLab says so); such a repository has
 *                      no files
 */
public record HostRepository(HostKind host, String id, String fullName, String defaultBranch, URI cloneUrl,
                             URI webUrl, boolean privateRepository) {}
