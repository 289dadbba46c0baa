package dev.stackdraft.importer;

import dev.stackdraft.hosting.HostException;
import dev.stackdraft.hosting.HostRepository;
import dev.stackdraft.project.ConnectedHost;
import dev.stackdraft.project.ProjectStore;
import dev.stackdraft.project.StoredRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Imports one repository: finds the commit of its default branch, and unless its templates were already read at
 * that commit, detects them and records them as projects (new ones added, moved ones updated, vanished ones
 * removed). A host that says no makes this repository FAILED with the host's reason; nothing else is affected.
 */
@Component
class RepositoryImport {

    private final CommitResolver commits;
    private final TemplateDetector detector;
    private final ProjectStore store;

    RepositoryImport(CommitResolver commits, TemplateDetector detector, ProjectStore store) {
        this.commits = commits;
        this.detector = detector;
        this.store = store;
    }

    ItemResult run(ConnectedHost host, StoredRepository stored) {
        HostRepository repository = stored.repository();
        if (repository.defaultBranch().isEmpty()) {
            store.recordScan(stored.id(), "", "", List.of(), List.of());
            return new ItemResult(RepositoryOutcome.NO_TEMPLATE, 0, "the repository is empty");
        }
        try {
            Optional<String> head = commits.head(host.host(), repository);
            if (head.isEmpty()) {
                store.recordScan(stored.id(), repository.defaultBranch(), "", List.of(), List.of());
                return new ItemResult(RepositoryOutcome.NO_TEMPLATE, 0,
                        "the default branch " + repository.defaultBranch() + " has no commits");
            }
            String commit = head.get();
            if (commit.equals(stored.lastCommit())) {
                return ItemResult.found(store.stacks(stored.id()), "unchanged since it was last scanned");
            }
            Detection detection = detector.detect(host.host(), repository, commit);
            store.recordScan(stored.id(), repository.defaultBranch(), commit, detection.stacks(), detection.unread());
            return ItemResult.found(detection.stacks(), detection.note());
        } catch (HostException e) {
            return ItemResult.failed(describe(e));
        }
    }

    static String describe(HostException e) {
        String what = switch (e.reason()) {
            case UNAUTHORIZED -> "the host refused the token (sign in again)";
            case NOT_FOUND -> "not found (deleted, or access was lost)";
            case RATE_LIMITED -> "rate-limited by the host (import again later)";
            case UNAVAILABLE -> "the host is unavailable";
            case REJECTED -> "the host refused";
        };
        return what + ": " + e.getMessage();
    }
}
