package dev.stackdraft.git;

/**
 * A git operation that failed, said once and clearly: what was being done, with which repository, and why.
 * Never carries a credential: clone URLs with credentials in them are refused up front.
 */
public class GitException extends RuntimeException {

    /** Why, as far as the caller needs to react to it. */
    public enum Reason {
        /** The host refused the credentials (HTTP 401/403): the token is wrong, expired or revoked. */
        UNAUTHORIZED,
        /** The repository is not there (or not visible to these credentials). */
        NOT_FOUND,
        /** The repository is there, the branch is not. */
        BRANCH_NOT_FOUND,
        /** Anything else: network, disk, a corrupt working copy. */
        FAILED
    }

    private final Reason reason;

    public GitException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public GitException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
