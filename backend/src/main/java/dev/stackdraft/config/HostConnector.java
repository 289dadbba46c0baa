package dev.stackdraft.config;

import dev.stackdraft.hosting.GitHost;
import dev.stackdraft.hosting.HostKind;
import java.net.URI;

/** Turns a linked account (host kind, API base, token) into a {@link GitHost}. */
public interface HostConnector {

    /** @param token the account's access token, decrypted; ignored by the local provider */
    GitHost connect(HostKind kind, URI apiBase, String token);
}
