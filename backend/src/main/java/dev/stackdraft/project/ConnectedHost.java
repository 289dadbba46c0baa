package dev.stackdraft.project;

import dev.stackdraft.hosting.GitHost;
import dev.stackdraft.hosting.HostKind;
import java.net.URI;

/**
 * A git host as one user reaches it. {@code kind} and {@code apiBase} identify the host: repositories are
 * recorded under them, so the same repository seen by two users is one row.
 */
public record ConnectedHost(HostKind kind, URI apiBase, GitHost host) {

    public boolean serves(HostKind otherKind, String otherApiBase) {
        return kind == otherKind && apiBase.toString().equals(otherApiBase);
    }
}
