package dev.stackdraft.importer;

import dev.stackdraft.hosting.HostRepository;
import dev.stackdraft.project.ConnectedHost;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Import jobs and their items as stored: what the progress report and a resumed job read. */
@Component
class ImportJournal {

    /** Finished jobs kept per user (the newest); older ones are dropped when a new one starts. */
    static final int KEEP_JOBS = 10;

    private final ImportJobs jobs;
    private final ImportItems items;
    private final ImportResults results;
    private final ImportLeases leases;
    private final Clock clock;

    ImportJournal(ImportJobs jobs, ImportItems items, ImportResults results, ImportLeases leases, Clock clock) {
        this.jobs = jobs;
        this.items = items;
        this.results = results;
        this.leases = leases;
        this.clock = clock;
    }

    /**
     * The user's running job, or a new one held by this instance. The user's starts are serialised through the
     * database, so two clicks on two instances make one job.
     */
    @Transactional
    ImportJob runningOrCreate(long userId) {
        leases.lockStartsOf(userId);
        Optional<ImportJob> running = running(userId);
        if (running.isPresent()) {
            return running.get();
        }
        jobs.prune(userId, KEEP_JOBS - 1);
        ImportJob created = jobs.save(ImportJob.start(userId, clock.instant()));
        leases.claimJob(created.requireId()); // committed with it: no other instance sees it unheld
        return created;
    }

    ImportJob job(long jobId) {
        return jobs.findById(jobId).orElseThrow(() -> new IllegalStateException("no import job " + jobId));
    }

    Optional<ImportJob> running(long userId) {
        return jobs.findFirstByUserIdAndStatusOrderByIdDesc(userId, ImportStatus.RUNNING);
    }

    Optional<ImportProgress> latest(long userId) {
        return latestJob(userId).map(this::progress);
    }

    Optional<ImportJob> latestJob(long userId) {
        return jobs.findFirstByUserIdOrderByIdDesc(userId);
    }

    List<RepositoryResult> results(long jobId, ResultFilter filter, int offset, int limit) {
        return results.page(jobId, filter, offset, limit);
    }

    int countResults(long jobId, ResultFilter filter) {
        return results.count(jobId, filter);
    }

    /** The user's job, if it is theirs. */
    Optional<ImportJob> jobOf(long userId, long jobId) {
        return jobs.findById(jobId).filter(job -> job.userId() == userId);
    }

    ImportProgress progress(ImportJob job) {
        return new ImportProgress(job.requireId(), job.status(), job.done(), job.total(),
                results.counts(job.requireId()), job.startedAt(), job.finishedAt());
    }

    /**
     * Makes a finished job's failures pending again and the job RUNNING, for the runner to scan them once more; a
     * host that could not be listed is listed again.
     *
     * @return false when the job had no failures (it is left as it was)
     */
    @Transactional
    boolean reopenFailures(long jobId) {
        int repositories = items.reopenFailed(jobId);
        int hosts = items.deleteHostFailures(jobId);
        if (repositories + hosts == 0) {
            return false;
        }
        if (hosts > 0) {
            jobs.relist(jobId);
        }
        jobs.reopen(jobId);
        jobs.recount(jobId);
        return true;
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
        if (!items.existsByJobIdAndRepositoryIdIsNullAndRepository(jobId, label)) {
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

    /**
     * Records a repository's result, if this instance still holds the job (an item is finished once: a result that
     * comes after the item was finished is dropped).
     *
     * @return false when this instance no longer holds the job: another instance took it over
     */
    @Transactional
    boolean finishItem(long jobId, long itemId, ItemResult result) {
        if (jobs.lockIfHeldBy(jobId, leases.owner()) == 0) {
            return false;
        }
        String reason = result.reason().length() <= ImportItem.MAX_REASON ? result.reason()
                : result.reason().substring(0, ImportItem.MAX_REASON - 1) + "…";
        items.finish(itemId, result.outcome(), result.templates(), reason);
        jobs.recount(jobId);
        return true;
    }

    /**
     * Ends the job, if this instance holds it.
     *
     * @return how it ended, to be published; empty when another instance holds the job now (or it ended already)
     */
    @Transactional
    Optional<ImportFinished> finishJob(long jobId, ImportStatus status) {
        Instant at = clock.instant();
        if (jobs.finish(jobId, status, at, leases.owner()) == 0) {
            return Optional.empty();
        }
        jobs.recount(jobId);
        ImportJob job = job(jobId);
        return Optional.of(new ImportFinished(jobId, status, Duration.between(job.startedAt(), at), job.total()));
    }
}
