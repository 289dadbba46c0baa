package dev.stackdraft.project;

import dev.stackdraft.edit.EditCommand;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What became of a write-back, for the UI to show: every case carries a sentence ({@link #message()}). Only
 * {@link Committed} changed the repository; in every other case the user keeps their edits.
 */
public sealed interface WriteBackResult {

    /** A sentence for the user. */
    String message();

    /**
     * The commit is on the host.
     *
     * @param commitId    the new commit
     * @param branch      the branch it is on
     * @param pullRequest the pull / merge request opened from it; null when none was asked for, or the host
     *                    refused it (the message then says why)
     */
    record Committed(String commitId, String branch, @Nullable URI pullRequest, String message) implements WriteBackResult {}

    /** The edit leaves the template as it is: there was nothing to commit. */
    record NothingToChange(String message) implements WriteBackResult {}

    /**
     * The edit cannot be made as asked: the engine refused a command on the template as it is (its message says
     * where and why), or the request itself is wrong (a branch name git does not accept). Nothing was written.
     */
    record Refused(String message) implements WriteBackResult {}

    /**
     * The branch moved meanwhile and the edit no longer applies to it (or the branch kept moving). Nothing was
     * written; {@code commands} are the user's edits, kept to offer again.
     */
    record Conflict(String message, List<EditCommand> commands) implements WriteBackResult {
        public Conflict {
            commands = List.copyOf(commands);
        }
    }

    /**
     * The host refused the push: a protected branch, no write access, a new branch whose name is taken.
     * Nothing was written; {@code suggestion} says what to do instead (a new branch, another name).
     */
    record Rejected(String message, String suggestion) implements WriteBackResult {}

    /** The host cannot do what was asked (the local provider has no pull requests). Nothing was written. */
    record Unsupported(String message) implements WriteBackResult {}

    /** There is no such project, or the user may not see it. */
    record NotFound(String message) implements WriteBackResult {}

    /**
     * The host or git failed (token revoked, repository gone, network down, account no longer linked). Nothing
     * was written; trying again later, or signing in again, may help.
     */
    record Failed(String message) implements WriteBackResult {}
}
