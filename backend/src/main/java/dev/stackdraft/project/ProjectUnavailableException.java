package dev.stackdraft.project;

/**
 * A project's repository cannot be reached now: the account is no longer linked, the host refused the token, the
 * repository or its branch is gone, the network is down. The message is a sentence for the user.
 */
public class ProjectUnavailableException extends RuntimeException {

    public ProjectUnavailableException(String message) {
        super(message, null, false, false);
    }
}
