package dev.stackdraft.hosting;

import org.jspecify.annotations.Nullable;

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
        UNAVAILABLE,
        /**
         * The host understood and refused: 403 without a rate limit (a missing scope, SSO not authorised for
         * the token), 409 / 422 (e.g. a pull request for that branch is already open), other 4xx. The message
         * carries the host's own words. Retrying the same request will not help.
         */
        REJECTED
    }

    private final Reason reason;

    public HostException(Reason reason, String message) {
        this(reason, message, null);
    }

    /** With the low-level cause (a connection error, say) kept for the logs; never one that holds a token. */
    public HostException(Reason reason, String message, @Nullable Throwable cause) {
        super(message, cause, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
