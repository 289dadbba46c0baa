package dev.stackdraft.hosting;

import dev.stackdraft.git.GitCredentials;
import java.util.List;

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
