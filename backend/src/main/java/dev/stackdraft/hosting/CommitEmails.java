package dev.stackdraft.hosting;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The address a user's commits are authored with, read from their host profile (GitHub's {@code GET /user},
 * GitLab's {@code GET /api/v4/user}): the first e-mail field the profile fills, in the host's order of
 * preference, else the host's noreply address for users who keep their e-mail private. The one place that
 * knows those rules, for the REST clients and for the OAuth2 sign-in alike.
 */
public final class CommitEmails {

    private static final String GITHUB_COM = "github.com";
    private static final String ENTERPRISE_API_PATH = "/api/v3";

    private CommitEmails() {}

    /**
     * The commit e-mail of a profile read through {@code field} (a field's text, or null when it is missing or
     * blank): GitHub's {@code email}; GitLab's {@code commit_email}, {@code public_email}, {@code email}; else
     * {@link #noreply}.
     */
    public static String of(HostKind kind, String id, String login, String noreplyHost,
                            Function<String, @Nullable String> field) {
        return emailFields(kind).stream()
                .map(field)
                .filter(Objects::nonNull)
                .findFirst()
                .orElseGet(() -> noreply(kind, id, login, noreplyHost));
    }

    /**
     * The address the host gives a user who keeps their e-mail private: GitHub's
     * {@code ID+LOGIN@users.noreply.HOST}, GitLab's {@code ID-USERNAME@users.noreply.HOST}.
     *
     * @param host the host's own name: {@code github.com}, an Enterprise Server's, a GitLab instance's
     */
    public static String noreply(HostKind kind, String id, String login, String host) {
        return switch (kind) {
            case GITHUB -> id + "+" + login + "@users.noreply." + host;
            case GITLAB -> id + "-" + login + "@users.noreply." + host;
            case LOCAL -> throw new IllegalArgumentException("the local provider has no noreply address");
        };
    }

    /**
     * The host name in the noreply addresses of the host whose REST API is at {@code apiBase}: the server's own
     * for a GitHub Enterprise Server ({@code https://HOST/api/v3}) and for GitLab, {@code github.com} for any
     * other GitHub API ({@code https://api.github.com}).
     */
    public static String noreplyHost(HostKind kind, URI apiBase) {
        String host = Objects.requireNonNullElse(apiBase.getHost(), "localhost");
        return switch (kind) {
            case GITHUB -> trimmedPath(apiBase).endsWith(ENTERPRISE_API_PATH) ? host : GITHUB_COM;
            case GITLAB -> host;
            case LOCAL -> throw new IllegalArgumentException("the local provider has no noreply address");
        };
    }

    private static List<String> emailFields(HostKind kind) {
        return switch (kind) {
            case GITHUB -> List.of("email");
            case GITLAB -> List.of("commit_email", "public_email", "email");
            case LOCAL -> List.of();
        };
    }

    private static String trimmedPath(URI uri) {
        String path = Objects.requireNonNullElse(uri.getPath(), "");
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
