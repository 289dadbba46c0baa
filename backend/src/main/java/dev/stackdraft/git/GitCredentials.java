package dev.stackdraft.git;

/** What a git host accepts over HTTPS: GitHub takes {@code x-access-token} and the token, GitLab {@code oauth2}. */
public record GitCredentials(String username, String password) {

    public static final GitCredentials NONE = new GitCredentials("", "");

    public boolean isNone() {
        return username.isEmpty() && password.isEmpty();
    }

    @Override
    public String toString() {
        return "GitCredentials[" + username + ", ****]"; // never log a token
    }
}
