package dev.stackdraft.project;

import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.HostRepository;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A repository of a host (aggregate root), shared by every user who can read it. */
@Table
record GitRepository(@Id @Nullable Long id, HostKind host, String apiBase, String hostId, String fullName,
                     String owner, String defaultBranch, String cloneUrl, @Nullable String webUrl, boolean privateRepo,
                     @Nullable String lastCommit, Instant lastSeen) {

    static GitRepository of(HostKind host, URI apiBase, HostRepository repository, Instant now) {
        return new GitRepository(null, host, apiBase.toString(), repository.id(), repository.fullName(),
                ownerOf(repository.fullName()), repository.defaultBranch(), repository.cloneUrl().toString(), webUrl(host, repository),
                repository.privateRepository(), null, now);
    }

    /** The same row with what the host says now. */
    GitRepository seen(HostRepository repository, Instant now) {
        return new GitRepository(id, host, apiBase, hostId, repository.fullName(), ownerOf(repository.fullName()),
                repository.defaultBranch(),
                repository.cloneUrl().toString(), webUrl(host, repository), repository.privateRepository(), lastCommit, now);
    }

    GitRepository withId(Long newId) {
        return new GitRepository(newId, host, apiBase, hostId, fullName, owner, defaultBranch, cloneUrl, webUrl,
                privateRepo, lastCommit, lastSeen);
    }

    long requireId() {
        if (id == null) {
            throw new IllegalStateException("repository " + fullName + " is not saved yet");
        }
        return id;
    }

    StoredRepository toStored() {
        URI clone = URI.create(cloneUrl);
        return new StoredRepository(requireId(), host, apiBase, new HostRepository(host, hostId, fullName, defaultBranch,
                clone, webUrl == null ? clone : URI.create(webUrl), privateRepo), lastCommit);
    }

    /** Everything before the last slash of {@code owner/name}: a GitHub user or organisation, a GitLab namespace. */
    static String ownerOf(String fullName) {
        int slash = fullName.lastIndexOf('/');
        return slash < 0 ? "" : fullName.substring(0, slash);
    }

    private static @Nullable String webUrl(HostKind host, HostRepository repository) {
        return host == HostKind.LOCAL ? null : repository.webUrl().toString(); // a file: URL is no web page
    }
}
