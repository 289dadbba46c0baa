package dev.stackdraft.project;

/**
 * How "upgrade this layer everywhere" delivers each project's upgrade: a commit on the project's own branch, or a
 * new branch per project with a pull request (GitHub) / merge request (GitLab) into the project's branch.
 */
public sealed interface UpgradeDelivery {

    /** A commit on each project's branch. */
    static UpgradeDelivery ownBranch() {
        return new OwnBranch();
    }

    /**
     * A new branch per project ({@code stackdraft/upgrade-<layer>-v<version>}) with a pull / merge request where the
     * host has them. The local provider has none: there the branch alone is pushed, and the summary says so.
     */
    static UpgradeDelivery requests() {
        return new NewBranches(true);
    }

    record OwnBranch() implements UpgradeDelivery {}

    /** @param openRequests also open a pull / merge request from each branch, on hosts that have them */
    record NewBranches(boolean openRequests) implements UpgradeDelivery {}
}
