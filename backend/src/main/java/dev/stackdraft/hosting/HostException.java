package dev.stackdraft.hosting;

/** A host said no, or could not be reached; {@link #reason()} says which, the message says it to a person. */
public class HostException extends RuntimeException {

    public enum Reason {
        /** 401: the token was revoked or expired: sign in again. */
        UNAUTHORIZED,
        /** 404: the repository (or file) is gone, or the user lost access. */
        NOT_FOUND,
        /** Still rate-limited after waiting as long as we are willing to. */
        RATE_LIMITED,
        /** Network trouble or 5xx after retries. */
        UNAVAILABLE
    }

    private final Reason reason;

    public HostException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
