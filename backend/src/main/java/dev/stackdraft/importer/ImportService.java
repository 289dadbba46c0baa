package dev.stackdraft.importer;

import java.util.Optional;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * One-click bulk import. {@link #start} scans, in the background, every repository the user's linked accounts
 * can see and makes each template found a project; {@link #latest} reports how far it got, per repository.
 * Importing again adds no duplicates: it updates templates whose branch moved and removes the ones that are gone.
 * Jobs left running by a stop resume when the application is ready again.
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
            ImportJob job = journal.running(userId).orElseGet(() -> journal.create(userId));
            runner.launch(job.requireId(), userId); // a no-op when it already runs here
            return journal.progress(job);
        }
    }

    /** The user's most recent import, running or done. */
    public Optional<ImportProgress> latest(long userId) {
        return journal.latest(userId);
    }

    /** Resumes the jobs a stop left running: their pending repositories are scanned, the finished ones kept. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeRunning() {
        journal.runningJobs().forEach(job -> runner.launch(job.requireId(), job.userId()));
    }
}
