package dev.stackdraft.security;

import java.io.Serial;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/**
 * A password sign-in refused without looking at the password: too many failures for the account, from the client
 * address or from the browser's trusted device cookie, until {@link #until()}. A {@link LockedException} (an account
 * status exception) so that Spring Security's provider manager reports it as it is instead of asking another provider.
 * Kept in the session by the failure handler; the sign-in page turns it into a sentence.
 */
final class SignInRefused extends LockedException {

    @Serial
    private static final long serialVersionUID = 1L;

    enum Scope { ACCOUNT, ADDRESS, DEVICE }

    private final Scope scope;
    private final Instant until;

    SignInRefused(Scope scope, Instant until) {
        super("Too many failed sign-ins (" + scope.name().toLowerCase(java.util.Locale.ROOT) + ") until " + until);
        this.scope = scope;
        this.until = until;
    }

    Scope scope() {
        return scope;
    }

    Instant until() {
        return until;
    }

    /** What the sign-in page says, {@code now} being when it is shown. */
    String sentence(Instant now) {
        String who = switch (scope) {
            case ACCOUNT -> "for this account";
            case ADDRESS -> "from your network address";
            case DEVICE -> "from this browser";
        };
        return "Too many failed sign-ins " + who + ". Wait " + wait(Duration.between(now, until))
                + ", then sign in again.";
    }

    /** A wait in whole seconds or minutes, rounded up: never "0 seconds". */
    static String wait(Duration left) {
        long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
        if (seconds < 90) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        long minutes = (seconds + 59) / 60;
        return minutes + " minutes";
    }
}
