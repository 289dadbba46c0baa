package dev.stackdraft.project;

/** Where a write-back goes: the project's own branch, or a new branch (optionally with a pull / merge request). */
public sealed interface WriteTarget {

    /** The project's branch: the repository's default branch, as the import found it. */
    static WriteTarget defaultBranch() {
        return new DefaultBranch();
    }

    /**
     * A branch that does not exist yet, started from the project's branch.
     *
     * @param openPullRequest also open a pull request (GitHub) / merge request (GitLab) from it into the
     *                        project's branch
     */
    static WriteTarget newBranch(String name, boolean openPullRequest) {
        return new NewBranch(name, openPullRequest);
    }

    record DefaultBranch() implements WriteTarget {}

    /** The name is checked when the write-back runs: a name git does not accept is a {@link WriteBackResult.Refused}. */
    record NewBranch(String name, boolean openPullRequest) implements WriteTarget {
        public NewBranch {
            name = name.strip();
        }
    }
}
