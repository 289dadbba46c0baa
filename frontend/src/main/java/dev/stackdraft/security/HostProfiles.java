package dev.stackdraft.security;

import dev.stackdraft.hosting.CommitEmails;
import dev.stackdraft.hosting.HostUser;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads a host's user profile (GitHub's {@code GET /user}, GitLab's {@code GET /api/v4/user}) into a
 * {@link HostUser}. The commit e-mail follows {@link CommitEmails#of}: the public one or, where the user keeps it
 * private, the host's noreply address at the host users sign in at ({@code users.noreply.github.com}, or an
 * Enterprise Server's / GitLab instance's own host).
 */
final class HostProfiles {

    private HostProfiles() {}

    static HostUser hostUser(HostSignIn host, Map<String, Object> profile) {
        String loginField = switch (host.kind()) {
            case GITHUB -> "login";
            case GITLAB -> "username";
            case LOCAL -> throw new IllegalArgumentException("the local provider has no OAuth2 profile");
        };
        String id = required(profile, "id");
        String login = required(profile, loginField);
        String email = CommitEmails.of(host.kind(), id, login, host.baseUrl().getHost(), field -> text(profile, field));
        return new HostUser(id, login, Objects.requireNonNullElse(text(profile, "name"), login), email);
    }

    private static String required(Map<String, Object> profile, String field) {
        String value = text(profile, field);
        if (value == null) {
            throw new IllegalArgumentException("the host's profile has no " + field);
        }
        return value;
    }

    private static @Nullable String text(Map<String, Object> profile, String field) {
        Object value = profile.get(field);
        if (value == null) {
            return null;
        }
        String text = value instanceof Number n ? Long.toString(n.longValue()) : value.toString();
        return text.isBlank() ? null : text;
    }
}
