package dev.stackdraft.project;

import dev.stackdraft.git.GitException;
import dev.stackdraft.hosting.HostException;
import dev.stackdraft.hosting.HostKind;

/** Failures of git and of hosts, said to the user in a sentence: what happened and what helps. */
final class HostFailures {

    private HostFailures() {}

    static String hostName(HostKind kind) {
        return switch (kind) {
            case GITHUB -> "GitHub";
            case GITLAB -> "GitLab";
            case LOCAL -> "local";
        };
    }

    /** "pull request" on GitHub, "merge request" on GitLab. */
    static String requestName(HostKind kind) {
        return kind == HostKind.GITLAB ? "merge request" : "pull request";
    }

    static String of(GitException e, HostKind kind) {
        String host = where(kind);
        return switch (e.reason()) {
            case UNAUTHORIZED -> capitalized(host) + " refused your credentials (the token may have expired or been "
                    + "revoked): sign in with " + host + " again.";
            case NOT_FOUND -> "The repository is no longer on " + host + ", or your account cannot see it any more.";
            case BRANCH_NOT_FOUND -> "The project's branch is no longer in the repository: import it again.";
            case FAILED -> "Git could not finish (" + e.getMessage() + "): try again later.";
        };
    }

    static String of(HostException e, HostKind kind) {
        String host = where(kind);
        return switch (e.reason()) {
            case UNAUTHORIZED -> capitalized(host) + " refused your token (it may have expired or been revoked): "
                    + "sign in with " + host + " again.";
            case NOT_FOUND -> "The repository is no longer on " + host + ", or your account cannot see it any more.";
            case RATE_LIMITED -> capitalized(host) + " is limiting requests just now: try again in a few minutes.";
            case UNAVAILABLE -> capitalized(host) + " cannot be reached just now: " + sentence(e.getMessage())
                    + " Try again later.";
            case REJECTED -> sentence(capitalized(e.getMessage())); // the host's own words, its name first
        };
    }

    private static String where(HostKind kind) {
        return kind == HostKind.LOCAL ? "the local provider" : hostName(kind);
    }

    static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith(".") || trimmed.endsWith("!") || trimmed.endsWith("?") ? trimmed : trimmed + ".";
    }
}
