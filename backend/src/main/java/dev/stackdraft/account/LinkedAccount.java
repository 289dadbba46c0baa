package dev.stackdraft.account;

import dev.stackdraft.hosting.HostKind;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A git host account linked to a Stackdraft user: the host's API base ({@code https://api.github.com},
 * {@code https://gitlab.example.com/api/v4}, or {@link #LOCAL_API_BASE}) and the profile as the host gave it.
 * Holds no token: ask {@link AccountService#token(long)} for it when calling the host.
 */
public record LinkedAccount(long id, long userId, HostKind host, URI apiBase, String hostUserId, String login,
                            @Nullable String name, @Nullable String commitEmail, boolean hasToken,
                            Instant updatedAt) {

    /** The API base of the local provider's accounts: its repositories live in the data folder, not behind an API. */
    public static final URI LOCAL_API_BASE = URI.create("local:/");
}
