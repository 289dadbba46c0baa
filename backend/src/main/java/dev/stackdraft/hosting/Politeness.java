package dev.stackdraft.hosting;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How patient the host clients are: they wait out rate limits ({@code Retry-After}, an exhausted quota until
 * its reset) and back off exponentially, with jitter, on 5xx answers and connection errors, but never wait
 * longer than {@code maxWait} in total for one request. A wait that would go past it is not started: the
 * request fails at once with {@link HostException.Reason#RATE_LIMITED} or
 * {@link HostException.Reason#UNAVAILABLE}.
 *
 * @param maxWait the most one request may spend waiting, over all its retries
 * @param clock   reads the time that {@code Retry-After} dates and rate-limit resets are measured against
 * @param sleeper  does the waiting
 * @param observer hears each answer, wait and failure (the server's metrics); {@link HostCallObserver#NONE} by default
 */
public record Politeness(Duration maxWait, Clock clock, Sleeper sleeper, HostCallObserver observer) {

    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(60);

    public Politeness {
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(observer, "observer");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative: " + maxWait);
        }
    }

    /** Heard by no one. */
    public Politeness(Duration maxWait, Clock clock, Sleeper sleeper) {
        this(maxWait, clock, sleeper, HostCallObserver.NONE);
    }

    /** Waits up to {@link #DEFAULT_MAX_WAIT} (60 s) per request, on the system clock, really sleeping. */
    public static Politeness standard() {
        return new Politeness(DEFAULT_MAX_WAIT, Clock.systemUTC(), Sleeper.REAL);
    }

    public Politeness withMaxWait(Duration maxWait) {
        return new Politeness(maxWait, clock, sleeper, observer);
    }

    /** The same patience, with each answer, wait and failure told to {@code observer}. */
    public Politeness withObserver(HostCallObserver observer) {
        return new Politeness(maxWait, clock, sleeper, observer);
    }
}
