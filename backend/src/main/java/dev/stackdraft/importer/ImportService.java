package dev.stackdraft.importer;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * One-click bulk import. {@link #start} scans, in the background, every repository the user's linked accounts
 * can see and makes each template found a project; {@link #latest} reports how far it got in counts per outcome,
 * {@link #results} lists the repositories a page at a time (problems first), {@link #retryFailed} tries the failed
 * ones again.
 * Importing again adds no duplicates: it updates templates whose branch moved and removes the ones that are gone.
 * Jobs left running by a stop resume when the application is ready again; with several instances on one database,
 * each job runs on one of them at a time and another takes it over when that one dies (see {@link ImportRunner}).
 * When a job ends on this instance, an {@link ImportFinished} event is published.
 */
@Service
public class ImportService {

    private final ImportJournal journal;
    private final ImportRunner runner;
    private final Object starting = new Object();

    ImportService(ImportJournal journal, ImportRunner runner) {
        this.journal = journal;
        this.runner = runner;
    }

    /** Starts an import for the user, or returns the one already running. Returns at once. */
    public ImportProgress start(long userId) {
        synchronized (starting) {
            ImportJob job = journal.runningOrCreate(userId);
            runner.launch(job.requireId(), userId); // a no-op when it already runs here or on another instance
            return journal.progress(job);
        }
    }

    /** The user's most recent import, running or done, in counts. */
    public Optional<ImportProgress> latest(long userId) {
        return journal.latest(userId);
    }

    /**
     * Scans the repositories that failed in the user's latest import again (and lists again a host that could not
     * be listed), in the same job: its counts move as they are retried. Nothing happens while an import runs or when
     * nothing failed.
     *
     * @return the latest import as it stands after the call; empty when the user never imported
     */
    public Optional<ImportProgress> retryFailed(long userId) {
        synchronized (starting) {
            Optional<ImportJob> latest = journal.latestJob(userId);
            if (latest.isEmpty()) {
                return Optional.empty();
            }
            ImportJob job = latest.get();
            if (job.status() != ImportStatus.RUNNING && journal.reopenFailures(job.requireId())) {
                runner.launch(job.requireId(), userId);
            }
            return journal.latest(userId);
        }
    }

    /**
     * A page of the repositories of one of the user's imports, the problems first (failed, then unreadable), then
     * in the order they were listed. Empty when the job is not the user's.
     */
    public List<RepositoryResult> results(long userId, long jobId, ResultFilter filter, int offset, int limit) {
        return journal.jobOf(userId, jobId).map(job -> journal.results(jobId, filter, offset, limit)).orElse(List.of());
    }

    /** How many repositories of the user's import match the filter. */
    public int countResults(long userId, long jobId, ResultFilter filter) {
        return journal.jobOf(userId, jobId).map(job -> journal.countResults(jobId, filter)).orElse(0);
    }

    /**
     * Resumes the jobs a stop left running (their pending repositories are scanned, the finished ones kept), and from
     * now on takes over the jobs of other instances that died.
     */
    @EventListener(ApplicationReadyEvent.class)
    void resumeRunning() {
        runner.takeOverAbandoned();
        runner.keepTakingOver();
    }
}
