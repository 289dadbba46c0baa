package dev.stackdraft.hosting;

import java.time.Duration;

/**
 * Hears what the REST clients do on the wire, for whoever watches the server (metrics): each answer, each wait
 * for a rate limit or a back-off, each failure handed to the caller. Plain Java, so that the hosts know nothing
 * of the metrics library. Called on the requesting thread; an implementation must be quick and never throw.
 *
 * <p>{@code host} is the host's display name ({@code GitHub}, {@code GitLab}); nothing passed here holds a token
 * or an address.
 */
public interface HostCallObserver {

    /** Hears nothing. */
    HostCallObserver NONE = new HostCallObserver() {};

    /** Why a request waited before it was sent (again). */
    enum Wait {
        /** The host answered 403/429 with a rate limit ({@code Retry-After}, an exhausted quota, a secondary limit). */
        RATE_LIMITED,
        /** An earlier answer used up the quota: this request waited for its reset before it went out. */
        QUOTA_USED_UP,
        /** A 5xx answer or a connection error: exponential back-off before the retry. */
        BACK_OFF
    }

    /**
     * One HTTP exchange ended with an answer, whatever its status (a retried request reports each attempt).
     *
     * @param took from sending to the whole answer read
     */
    default void answered(String host, String method, int status, Duration took) {}

    /** One attempt got no answer: the connection failed or timed out. */
    default void unanswered(String host, String method, Duration took) {}

    /** A request is about to wait {@code wait} before it goes out (again). */
    default void waiting(String host, Wait why, Duration wait) {}

    /** A request failed for its caller with a {@link HostException} of {@code reason}. */
    default void failed(String host, HostException.Reason reason) {}
}
