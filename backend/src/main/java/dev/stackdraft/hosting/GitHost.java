package dev.stackdraft.hosting;

import dev.stackdraft.git.GitCredentials;
import java.util.List;
import java.util.Optional;

/**
 * One git host, as one signed-in user sees it. Implementations are thread-safe; every call may throw
 * {@link HostException}.
 */
public interface GitHost {

    HostKind kind();

    HostUser currentUser();

    /** Every repository the user can read, all pages. */
    List<HostRepository> repositories();

    /**
     * The commit {@code branch} points at now, asked of the host's API (GitHub's and GitLab's branch endpoint,
     * the ref itself for the local provider): one request, nothing cloned, no git protocol.
     *
     * @return empty when the repository has no such branch (an empty repository has none yet)
     * @throws HostException when the repository itself is gone, the token refused, the host unavailable
     */
    Optional<String> branchHead(HostRepository repository, String branch);

    /**
     * Every file of the repository at {@code ref} (recursive, all pages), without cloning; none for an empty
     * repository or an empty {@code ref}. Never a partial list: GitHub's truncated trees are walked.
     */
    List<RepositoryFile> files(HostRepository repository, String ref);

    /** One file's bytes at {@code ref}. */
    byte[] read(HostRepository repository, String ref, String path);

    /** Whether the user can still read the repository (false when it is gone or access was lost). */
    boolean canRead(HostRepository repository);

    /** Opens a pull request (GitHub) / merge request (GitLab) from {@code head} into {@code base}. */
    PullRequest openPullRequest(HostRepository repository, String head, String base, String title, String body);

    /** What to give git for clone and push over HTTPS. */
    GitCredentials gitCredentials();
}
