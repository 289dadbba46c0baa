package dev.stackdraft.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed password sign-ins are slowed and refused ({@code stackdraft.sign-in.*}). Each failed attempt is answered
 * {@code failureDelay} later per failure counted before it (at most {@code maxFailureDelay}); the attempt that reaches
 * a limit locks the account (or the client address) for {@code lock}, twice as long each further time, at most
 * {@code maxLock}. An account's count starts over when it signs in; any count is forgotten when no failure came for
 * {@code forgetAfter}. A browser that signed in as an account before ({@code trustDevices}: a device cookie, valid for
 * {@code deviceLifetime}) is not held back by that account's or its address's lock, only by its own failures.
 */
@ConfigurationProperties("stackdraft.sign-in")
record SignInSettings(
        @DefaultValue("5") int maxFailuresPerAccount,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("1m") Duration lock,
        @DefaultValue("15m") Duration maxLock,
        @DefaultValue("500ms") Duration failureDelay,
        @DefaultValue("2s") Duration maxFailureDelay,
        @DefaultValue("1h") Duration forgetAfter,
        @DefaultValue("true") boolean trustDevices,
        @DefaultValue("180d") Duration deviceLifetime) {

    SignInSettings {
        if (maxFailuresPerAccount < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("stackdraft.sign-in.max-failures-per-account and -per-address must be "
                    + "at least 1");
        }
        if (lock.isNegative() || lock.isZero() || maxLock.compareTo(lock) < 0) {
            throw new IllegalArgumentException("stackdraft.sign-in.lock must be positive and stackdraft.sign-in.max-lock "
                    + "at least as long");
        }
    }

    /** The defaults, for tests. */
    static SignInSettings defaults() {
        return new SignInSettings(5, 20, Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofMillis(500),
                Duration.ofSeconds(2), Duration.ofHours(1), true, Duration.ofDays(180));
    }

    /** The {@code lockNumber}-th lock in a row (1 for the first): {@code lock}, doubled each time, capped. */
    Duration lockFor(int lockNumber) {
        Duration duration = lock;
        for (int i = 1; i < lockNumber && duration.compareTo(maxLock) < 0; i++) {
            duration = duration.multipliedBy(2);
        }
        return duration.compareTo(maxLock) > 0 ? maxLock : duration;
    }

    /** How long to hold back the answer to a failed attempt that had {@code earlierFailures} before it. */
    Duration delayAfter(int earlierFailures) {
        Duration delay = failureDelay.multipliedBy(Math.min(earlierFailures, 1000));
        return delay.compareTo(maxFailureDelay) > 0 ? maxFailureDelay : delay;
    }
}
