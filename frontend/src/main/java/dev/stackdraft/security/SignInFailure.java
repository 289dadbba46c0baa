package dev.stackdraft.security;

import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;

/** Why the last sign-in failed, as a sentence for the sign-in page. */
public final class SignInFailure {

    /** The codes {@link HostAccountUserService} fails with; their descriptions are written for people. */
    private static final Set<String> OURS = Set.of("account", "bad_profile", "unknown_host");

    private SignInFailure() {}

    /**
     * Takes the failure Spring Security kept in the session (once): empty for a wrong password (the form says
     * that itself) or when there is none.
     */
    public static Optional<String> take(@Nullable HttpSession session) {
        return take(session, Instant.now());
    }

    static Optional<String> take(@Nullable HttpSession session, Instant now) {
        if (session == null) {
            return Optional.empty();
        }
        Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof SignInRefused refused) {
            return Optional.of(refused.sentence(now));
        }
        if (failure instanceof OAuth2AuthenticationException oauth) {
            String code = oauth.getError().getErrorCode();
            String description = oauth.getError().getDescription();
            return Optional.of(OURS.contains(code) && description != null
                    ? description
                    : "Signing in with the git host did not complete (" + code + "). Please try again.");
        }
        return Optional.empty(); // a wrong password, or nothing kept
    }

    /** What the sign-in page says when its form came back without a valid CSRF token ({@code /login?expired}). */
    public static String expired() {
        return "The sign-in page had been open too long (or the server restarted). Please sign in again.";
    }
}
