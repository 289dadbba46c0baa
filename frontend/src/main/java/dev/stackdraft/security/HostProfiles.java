package dev.stackdraft.security;

import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.HostUser;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reads a host's user profile (GitHub's {@code GET /user}, GitLab's {@code GET /api/v4/user}) into a
 * {@link HostUser}. The commit e-mail is the public one or, where the user keeps it private, the host's noreply
 * address: GitHub's {@code ID+LOGIN@users.noreply.HOST}, GitLab's {@code ID-USERNAME@users.noreply.HOST}.
 */
final class HostProfiles {

    private HostProfiles() {}

    static HostUser hostUser(HostSignIn host, Map<String, Object> profile) {
        String id = required(profile, "id");
        String noreplyHost = host.baseUrl().getHost();
        return switch (host.kind()) {
            case GITHUB -> {
                String login = required(profile, "login");
                String email = Objects.requireNonNullElse(text(profile, "email"),
                        id + "+" + login + "@users.noreply." + noreplyHost);
                yield new HostUser(id, login, Objects.requireNonNullElse(text(profile, "name"), login), email);
            }
            case GITLAB -> {
                String username = required(profile, "username");
                String email = Stream.of("commit_email", "public_email", "email")
                        .map(field -> text(profile, field))
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElse(id + "-" + username + "@users.noreply." + noreplyHost);
                yield new HostUser(id, username, Objects.requireNonNullElse(text(profile, "name"), username), email);
            }
            case LOCAL -> throw new IllegalArgumentException("the local provider has no OAuth2 profile");
        };
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
