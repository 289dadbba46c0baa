package dev.stackdraft.account;

/**
 * A user who may sign in with a password (the embedded default's administrator). {@code passwordHash} is in
 * Spring Security's delegating format ({@code {bcrypt}...}); the password itself is never stored.
 */
public record LocalUser(StackdraftUser user, String passwordHash) {

    @Override
    public String toString() {
        return "LocalUser[" + user + ", ****]";
    }
}
