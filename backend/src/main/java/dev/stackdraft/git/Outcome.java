package dev.stackdraft.git;

import dev.stackdraft.edit.EditCommand;
import java.util.List;
import java.util.Map;

/** What became of a write-back. Only {@link Pushed} changed the remote; in every other case the caller keeps the edits. */
public sealed interface Outcome {

    /**
     * The commit is on the remote.
     *
     * @param attempts 1, or more when the branch moved meanwhile and the commands were applied again on its new head
     * @param written  the files the commit wrote, by path, as they are in it
     */
    record Pushed(String commitId, String branch, int attempts, Map<String, byte[]> written) implements Outcome {
        public Pushed {
            written = Map.copyOf(written);
        }
    }

    /** The engine refused the edit on the template as it was (the message says where and why); nothing was written. */
    record Refused(String message) implements Outcome {}

    /**
     * The branch moved meanwhile and the commands no longer apply to it (or it kept moving): nothing was pushed.
     * {@code commands} are the user's edits, to keep and offer again.
     */
    record Conflict(String message, List<EditCommand> commands) implements Outcome {
        public Conflict {
            commands = List.copyOf(commands);
        }
    }

    /**
     * The host refused the push for another reason than the branch moving: a protected branch, no write access,
     * a new branch whose name is taken. Offer a new branch (or a pull request) instead.
     */
    record Rejected(String message) implements Outcome {}

    /** The edit leaves every file as it is: nothing to commit. */
    record NothingToChange() implements Outcome {}
}
