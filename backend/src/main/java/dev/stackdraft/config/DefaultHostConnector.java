package dev.stackdraft.config;

import dev.stackdraft.hosting.GitHost;
import dev.stackdraft.hosting.GitHosts;
import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.LocalGitHost;
import java.net.URI;

/** The local provider for {@link HostKind#LOCAL}; GitHub and GitLab through their REST clients. */
final class DefaultHostConnector implements HostConnector {

    private final LocalGitHost local;
    private final GitHosts remote;

    DefaultHostConnector(LocalGitHost local, GitHosts remote) {
        this.local = local;
        this.remote = remote;
    }

    @Override
    public GitHost connect(HostKind kind, URI apiBase, String token) {
        return switch (kind) {
            case LOCAL -> local;
            case GITHUB, GITLAB -> remote.connect(kind, apiBase, token);
        };
    }
}
