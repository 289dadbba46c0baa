package dev.stackdraft.config;

/**
 * A start that cannot work, said the way an operator needs it: what is wrong, and which setting to change. The
 * start-up failure analyzer prints the two sentences instead of a stack trace, so both must stand on their own and
 * must never hold a secret (a key, a password, a token).
 */
public class StartupProblem extends RuntimeException {

    private final String action;

    /**
     * @param description what is wrong, naming the setting or file involved
     * @param action      what to do about it: which setting to change, to what
     */
    public StartupProblem(String description, String action) {
        super(description);
        this.action = action;
    }

    public String description() {
        return getMessage();
    }

    public String action() {
        return action;
    }
}
