package dev.stackdraft.startup;

import dev.stackdraft.config.StartupProblem;
import java.util.List;
import java.util.Locale;
import org.springframework.core.env.Environment;

/**
 * The rule for a host's sign-in settings: its client id and secret come together or not at all. Half a
 * registration is a mistake, not a choice, so it stops the start rather than running without that sign-in. Checked
 * before anything starts ({@link StartupConfiguration}) and again where the sign-ins are read.
 */
public final class OAuthClientSettings {

    static final List<String> HOSTS = List.of("github", "gitlab");

    private OAuthClientSettings() {}

    /**
     * @param host {@code github} or {@code gitlab}: the settings {@code stackdraft.<host>.client-id} and
     *             {@code client-secret}
     * @throws StartupProblem when exactly one of the two is set
     */
    public static void requireBothOrNeither(Environment env, String host) {
        boolean id = !env.getProperty("stackdraft." + host + ".client-id", "").isBlank();
        boolean secret = !env.getProperty("stackdraft." + host + ".client-secret", "").isBlank();
        if (id != secret) {
            String prefix = "STACKDRAFT_" + host.toUpperCase(Locale.ROOT) + "_CLIENT_";
            String set = prefix + (id ? "ID" : "SECRET");
            String missing = prefix + (id ? "SECRET" : "ID");
            throw new StartupProblem("Signing in with " + host + " is half configured: " + set + " is set but "
                    + missing + " is not.", "Set " + missing + " to the OAuth app's " + (id ? "client secret"
                    : "client id") + ", or unset " + set + " to sign in without " + host + ".");
        }
    }
}
