package dev.stackdraft.git;

import org.eclipse.jgit.lib.Repository;

/** Where a write-back goes: the working copy's own branch, or a new branch started from its head. */
public sealed interface Target {

    static Target currentBranch() {
        return new CurrentBranch();
    }

    static Target newBranch(String name) {
        return new NewBranch(name);
    }

    /** The branch the working copy was checked out on; the push is retried when that branch moved. */
    record CurrentBranch() implements Target {}

    /** A branch that must not exist yet on the remote (a name that exists is rejected, never overwritten). */
    record NewBranch(String name) implements Target {
        public NewBranch {
            if (name.isBlank() || !Repository.isValidRefName("refs/heads/" + name)) {
                throw new IllegalArgumentException("not a valid branch name: '" + name + "'");
            }
        }
    }
}
