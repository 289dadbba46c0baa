package dev.stackdraft.project;

import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.HostRepository;
import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an import learnt, recorded: repositories as their host lists them, who may see them, and the stacks found
 * in them. Used by the importer; the UI reads through {@link ProjectService}. Every write is idempotent: recording
 * the same thing twice changes nothing.
 */
@Component
public class ProjectStore {

    private final GitRepositories repositories;
    private final Projects projects;
    private final RepositoryAccesses access;
    private final Clock clock;

    ProjectStore(GitRepositories repositories, Projects projects, RepositoryAccesses access, Clock clock) {
        this.repositories = repositories;
        this.projects = projects;
        this.access = access;
        this.clock = clock;
    }

    /** Records (or refreshes) a repository a host listed; returns its id. */
    public long saveRepository(HostKind kind, URI apiBase, HostRepository repository) {
        return retryOnRace(() -> {
            GitRepository record = repositories.findByHostAndApiBaseAndHostId(kind, apiBase.toString(), repository.id())
                    .map(r -> r.seen(repository, clock.instant()))
                    .orElseGet(() -> GitRepository.of(kind, apiBase, repository, clock.instant()));
            return repositories.save(record).requireId();
        });
    }

    public Optional<StoredRepository> repository(long repositoryId) {
        return repositories.findById(repositoryId).map(GitRepository::toStored);
    }

    /** The host just said the user can read the repository. */
    public void grantAccess(long userId, long repositoryId) {
        retryOnRace(() -> {
            RepositoryAccess record = access.findByUserIdAndRepositoryId(userId, repositoryId)
                    .map(a -> a.checked(clock.instant()))
                    .orElseGet(() -> new RepositoryAccess(null, userId, repositoryId, clock.instant()));
            return access.save(record);
        });
    }

    /**
     * The host listed everything the user can read on it, and these were all: the user loses access to every
     * other repository of that host.
     *
     * @return how many repositories the user no longer sees
     */
    @Transactional
    public int revokeAccessExcept(long userId, HostKind kind, URI apiBase, Set<Long> readable) {
        List<Long> gone = access.findOnHost(userId, kind, apiBase.toString()).stream()
                .filter(a -> !readable.contains(a.repositoryId()))
                .map(RepositoryAccess::id)
                .toList();
        access.deleteAllById(gone);
        return gone.size();
    }

    /**
     * Records the stacks found in a repository at a commit: new ones are added, moved ones updated, and the ones
     * no longer found removed, except those in {@code unread} (candidates the import did not get to read).
     */
    @Transactional
    public void recordScan(long repositoryId, String branch, String commit, List<ScannedStack> stacks,
                           Collection<String> unread) {
        Map<String, Project> existing = new HashMap<>();
        projects.findByRepositoryId(repositoryId).forEach(p -> existing.put(p.templatePath(), p));
        for (ScannedStack stack : stacks) {
            Project before = existing.remove(stack.path());
            Project after = before == null ? Project.of(repositoryId, branch, commit, stack, clock.instant())
                    : before.update(branch, commit, stack, clock.instant());
            if (after != before) {
                projects.save(after);
            }
        }
        Set<String> keep = Set.copyOf(unread);
        projects.deleteAll(existing.values().stream().filter(p -> !keep.contains(p.templatePath())).toList());
        repositories.recordCommit(repositoryId, commit);
    }

    /** The stacks last recorded for the repository, as the scan found them, by path. */
    public List<ScannedStack> stacks(long repositoryId) {
        return projects.findByRepositoryId(repositoryId).stream()
                .sorted(Comparator.comparing(Project::templatePath))
                .map(Project::asScanned)
                .toList();
    }

    /** Two imports may record the same repository at once: the loser of the insert reads the winner's row. */
    private static <T> T retryOnRace(Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            return write.get();
        }
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }
}
