package dev.stackdraft.account;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's administrator. On the first start (no user {@value #USERNAME} yet) it is created
 * with a random password, stored hashed and printed once, in a banner; later starts print nothing. With
 * {@code stackdraft.admin-password} set (tests, CI, an operator resetting it), that password is used instead,
 * set again on every start, and never printed.
 */
public final class LocalAdmin {

    public static final String USERNAME = "admin";

    private static final Logger log = LoggerFactory.getLogger(LocalAdmin.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int PASSWORD_LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountService accounts;
    private final @Nullable String presetPassword;
    private final Consumer<String> console;

    /** Prints the banner through the log (which goes to the console by default). */
    public LocalAdmin(AccountService accounts, @Nullable String presetPassword) {
        this(accounts, presetPassword, log::warn);
    }

    LocalAdmin(AccountService accounts, @Nullable String presetPassword, Consumer<String> console) {
        this.accounts = Objects.requireNonNull(accounts);
        this.presetPassword = presetPassword == null || presetPassword.isBlank() ? null : presetPassword;
        this.console = console;
    }

    /** Creates the administrator if there is none; says whether it did. */
    public boolean ensureExists() {
        var existing = accounts.localUser(USERNAME);
        if (existing.isPresent()) {
            if (presetPassword != null && !accounts.passwordMatches(USERNAME, presetPassword)) {
                accounts.changePassword(existing.get().user().id(), presetPassword);
                log.info("The password of the local administrator '{}' was set from stackdraft.admin-password", USERNAME);
            }
            return false;
        }
        if (presetPassword != null) {
            accounts.createLocalUser(USERNAME, "Administrator", presetPassword);
            log.info("Created the local administrator '{}' with the password from stackdraft.admin-password", USERNAME);
            return true;
        }
        String password = randomPassword();
        accounts.createLocalUser(USERNAME, "Administrator", password);
        console.accept(banner(password));
        return true;
    }

    static String banner(String password) {
        String rule = "=".repeat(72);
        return String.join(System.lineSeparator(),
                "",
                rule,
                "  Stackdraft created the local administrator. Sign in with:",
                "",
                "      user:     " + USERNAME,
                "      password: " + password,
                "",
                "  This password is shown only this once; it is stored hashed. Keep it somewhere safe.",
                "  (To set another: start once with STACKDRAFT_ADMIN_PASSWORD=...)",
                rule);
    }

    static String randomPassword() {
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
