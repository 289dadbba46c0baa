package dev.stackdraft.project;

import dev.stackdraft.config.StackdraftSettings;
import dev.stackdraft.git.WorkingCopies;
import dev.stackdraft.git.WorkingCopy;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds what a write-back needs: the project if the user may see it, its repository, the user's host for that
 * repository, and the working copy (under {@code <data-dir>/worktrees}, one per repository, refreshed on every
 * checkout).
 */
@Component
class ProjectCopies {

    static final String WORKTREES = "worktrees";

    /** A project the user may see, with its repository and the host the user reaches it through. */
    record Located(ProjectSummary project, StoredRepository repository, ConnectedHost host) {}

    private final ProjectService projects;
    private final Projects rows;
    private final GitRepositories repositories;
    private final UserHosts userHosts;
    private final WorkingCopies copies;

    ProjectCopies(ProjectService projects, Projects rows, GitRepositories repositories, UserHosts userHosts,
                  StackdraftSettings settings) {
        this.projects = projects;
        this.rows = rows;
        this.repositories = repositories;
        this.userHosts = userHosts;
        this.copies = new WorkingCopies(settings.dataDir().resolve(WORKTREES));
    }

    /**
     * The project, when the user may see it.
     *
     * @throws ProjectUnavailableException when the user no longer has an account on the repository's host
     */
    Optional<Located> locate(long userId, long projectId) {
        Optional<ProjectSummary> project = projects.find(userId, projectId);
        Optional<StoredRepository> repository = project.flatMap(visible -> rows.findById(visible.id()))
                .flatMap(row -> repositories.findById(row.repositoryId()))
                .map(GitRepository::toStored);
        if (project.isEmpty() || repository.isEmpty()) {
            return Optional.empty();
        }
        StoredRepository stored = repository.get();
        ConnectedHost host = userHosts.hostsOf(userId).stream()
                .filter(h -> h.serves(stored.kind(), stored.apiBase()))
                .findFirst()
                .orElseThrow(() -> new ProjectUnavailableException("Your " + HostFailures.hostName(stored.kind())
                        + " account for " + stored.repository().fullName() + " is no longer linked: sign in with it again."));
        return Optional.of(new Located(project.get(), stored, host));
    }

    /**
     * The project's branch, as the host has it now (cloned the first time, refreshed afterwards).
     *
     * @throws dev.stackdraft.git.GitException when the host refuses the credentials, or the repository, the
     *                                         branch or the network is not there
     */
    WorkingCopy checkout(Located at) {
        return copies.checkout(key(at.repository()), at.repository().repository().cloneUrl(), at.project().branch(),
                at.host().host().gitCredentials());
    }

    /**
     * {@code github/42}: the host kind and the repository's row, which is one per host and repository. Not the
     * full name: two hosts of a kind may hold the same one, and a name like {@code .github} is no safe folder.
     */
    static String key(StoredRepository repository) {
        return repository.kind().name().toLowerCase(Locale.ROOT) + "/" + repository.id();
    }
}
