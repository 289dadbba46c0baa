package dev.stackdraft.importer;

import dev.stackdraft.hosting.HostRepository;
import dev.stackdraft.project.ConnectedHost;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Import jobs and their items as stored: what the progress report and a resumed job read. */
@Component
class ImportJournal {

    /** Finished jobs kept per user (the newest); older ones are dropped when a new one starts. */
    static final int KEEP_JOBS = 10;

    private final ImportJobs jobs;
    private final ImportItems items;
    private final Clock clock;

    ImportJournal(ImportJobs jobs, ImportItems items, Clock clock) {
        this.jobs = jobs;
        this.items = items;
        this.clock = clock;
    }

    ImportJob create(long userId) {
        jobs.prune(userId, KEEP_JOBS - 1);
        return jobs.save(ImportJob.start(userId, clock.instant()));
    }

    ImportJob job(long jobId) {
        return jobs.findById(jobId).orElseThrow(() -> new IllegalStateException("no import job " + jobId));
    }

    Optional<ImportJob> running(long userId) {
        return jobs.findFirstByUserIdAndStatusOrderByIdDesc(userId, ImportStatus.RUNNING);
    }

    List<ImportJob> runningJobs() {
        return jobs.findByStatusOrderById(ImportStatus.RUNNING);
    }

    Optional<ImportProgress> latest(long userId) {
        return jobs.findFirstByUserIdOrderByIdDesc(userId).map(this::progress);
    }

    ImportProgress progress(ImportJob job) {
        List<RepositoryResult> results = items.findByJobIdOrderById(job.requireId()).stream()
                .map(ImportItem::result)
                .toList();
        return new ImportProgress(job.requireId(), job.status(), job.done(), job.total(), results, job.startedAt(),
                job.finishedAt());
    }

    /** Adds the repository to the job, unless a resumed listing already did. */
    void addPending(long jobId, long repositoryId, HostRepository repository) {
        if (!items.existsByJobIdAndRepositoryId(jobId, repositoryId)) {
            items.save(ImportItem.pending(jobId, repositoryId, repository.fullName(), repository.id()));
        }
    }

    /** A host whose repositories could not be listed shows as one failed line. */
    void addHostFailure(long jobId, ConnectedHost host, String reason) {
        String label = host.kind() + " " + host.apiBase();
        boolean known = items.findByJobIdOrderById(jobId).stream()
                .anyMatch(i -> i.repositoryId() == null && i.repository().equals(label));
        if (!known) {
            items.save(new ImportItem(null, jobId, null, label, "", RepositoryOutcome.FAILED, 0,
                    "could not list the repositories: " + reason));
        }
    }

    void markListed(long jobId) {
        jobs.listed(jobId, clock.instant());
        jobs.recount(jobId);
    }

    List<ImportItem> pendingAfter(long jobId, long afterItemId) {
        return items.findFirst100ByJobIdAndOutcomeAndIdGreaterThanOrderById(jobId, RepositoryOutcome.PENDING, afterItemId);
    }

    void finishItem(long jobId, long itemId, ItemResult result) {
        String reason = result.reason().length() <= ImportItem.MAX_REASON ? result.reason()
                : result.reason().substring(0, ImportItem.MAX_REASON - 1) + "…";
        items.finish(itemId, result.outcome(), result.templates(), reason);
        jobs.recount(jobId);
    }

    void finishJob(long jobId, ImportStatus status) {
        jobs.recount(jobId);
        jobs.finish(jobId, status, clock.instant());
    }
}
