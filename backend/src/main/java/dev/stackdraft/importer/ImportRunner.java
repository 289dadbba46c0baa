package dev.stackdraft.importer;

import dev.stackdraft.config.StackdraftSettings;
import dev.stackdraft.hosting.HostException;
import dev.stackdraft.hosting.HostRepository;
import dev.stackdraft.project.ConnectedHost;
import dev.stackdraft.project.ProjectStore;
import dev.stackdraft.project.StoredRepository;
import dev.stackdraft.project.UserHosts;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Runs import jobs in the background: lists the repositories of each of the user's hosts (recording them and the
 * user's access), then scans the pending ones, {@code stackdraft.import.parallelism} at a time, reading pending
 * items a page at a time so memory stays flat however many repositories there are. On shutdown it stops taking
 * new repositories and leaves the job RUNNING with its unfinished items PENDING, for the next start to resume.
 *
 * <p>Several instances may share the database: a job runs only on the instance holding its lease
 * ({@link ImportLeases}), which a heartbeat renews; each repository is claimed before it is scanned, so two jobs never
 * scan one at the same time. Jobs nobody holds (their instance died) are taken over every
 * {@code stackdraft.import.lease-poll}, their PENDING repositories scanned. An instance that finds it lost a lease
 * (it stalled longer than the lease) stops working on that job; what it finishes counts only while it holds it.
 * While an instance works on a job, the logging MDC holds the job's id under {@value #MDC_KEY}.
 */
@Component
class ImportRunner {

    /** The MDC key of the job an import log line is about. */
    static final String MDC_KEY = "import";

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportJournal journal;
    private final ImportLeases leases;
    private final ProjectStore store;
    private final UserHosts userHosts;
    private final RepositoryImport repositoryImport;
    private final ApplicationEventPublisher events;
    private final int parallelism;
    private final Duration repositoryWait;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("import-", 0).factory());
    /** The heartbeat and the takeover poll: one thread, so that a slow database delays them but never piles them up. */
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("import-leases").daemon().factory());
    private final Map<Long, Run> active = new ConcurrentHashMap<>();
    private final AtomicBoolean polling = new AtomicBoolean();
    private volatile boolean stopping;

    /** A job as this instance runs it. */
    private static final class Run {
        final long jobId;
        volatile boolean lost;
        /** Being ended here: its lease goes with it, which is no loss. */
        volatile boolean ending;

        Run(long jobId) {
            this.jobId = jobId;
        }
    }

    ImportRunner(ImportJournal journal, ImportLeases leases, ProjectStore store, UserHosts userHosts,
                 RepositoryImport repositoryImport, ApplicationEventPublisher events, StackdraftSettings settings) {
        this.journal = journal;
        this.leases = leases;
        this.store = store;
        this.userHosts = userHosts;
        this.repositoryImport = repositoryImport;
        this.events = events;
        this.parallelism = settings.importing().parallelism();
        LeaseSettings lease = leases.settings();
        this.repositoryWait = lease.leasePoll().compareTo(Duration.ofMillis(250)) < 0 ? lease.leasePoll()
                : Duration.ofMillis(250);
        long beat = lease.heartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
    }

    /** Runs the job in the background, unless it already runs here or another instance holds it. */
    void launch(long jobId, long userId) {
        Run run = new Run(jobId);
        if (stopping || active.putIfAbsent(jobId, run) != null) {
            return;
        }
        boolean claimed = false;
        try {
            claimed = leases.claimJob(jobId);
            if (claimed) {
                workers.execute(() -> runHeld(run, userId));
            }
        } catch (RejectedExecutionException e) {
            leases.releaseJob(jobId); // shutting down: the next start (or another instance) resumes it
            claimed = false;
        } finally {
            if (!claimed) {
                active.remove(jobId, run);
            }
        }
    }

    /** Launches the jobs nobody holds: left running by a stop, or by an instance that died. */
    void takeOverAbandoned() {
        for (ImportLeases.Abandoned job : leases.abandonedJobs()) {
            launch(job.jobId(), job.userId());
        }
    }

    /** From now on, looks for abandoned jobs every {@code stackdraft.import.lease-poll} (once; later calls do nothing). */
    void keepTakingOver() {
        if (polling.compareAndSet(false, true)) {
            long poll = leases.settings().leasePoll().toMillis();
            timer.scheduleWithFixedDelay(() -> {
                try {
                    takeOverAbandoned();
                } catch (RuntimeException e) { // e.g. the database is away for a moment: the next poll tries again
                    log.warn("could not look for import jobs to take over: {}", e.toString());
                }
            }, poll, poll, TimeUnit.MILLISECONDS);
        }
    }

    private void runHeld(Run run, long userId) {
        try (var context = MDC.putCloseable(MDC_KEY, Long.toString(run.jobId))) {
            try {
                log.info("import job {} runs on this instance ({})", run.jobId, leases.owner());
                run(run, userId);
            } catch (RuntimeException e) {
                if (run.lost) {
                    log.warn("import job {} stopped on this instance, which lost it to another: {}", run.jobId,
                            e.toString());
                } else if (!stopping) {
                    log.error("import job {} failed", run.jobId, e);
                    finish(run, ImportStatus.FAILED);
                }
            }
        } finally {
            active.remove(run.jobId, run);
        }
    }

    private void run(Run run, long userId) {
        List<ConnectedHost> hosts = userHosts.hostsOf(userId);
        boolean listed = journal.job(run.jobId).listedAt() != null || list(run, userId, hosts);
        scan(run, hosts);
        if (!stopping && !run.lost) {
            finish(run, listed ? ImportStatus.FINISHED : ImportStatus.FAILED);
        }
    }

    private void finish(Run run, ImportStatus status) {
        run.ending = true;
        Optional<ImportFinished> finished = journal.finishJob(run.jobId, status);
        if (finished.isEmpty()) {
            lost(run);
            return;
        }
        ImportFinished end = finished.get();
        log.info("import job {} ended {}: {} repositories in {} s", run.jobId, end.status(), end.repositories(),
                end.took().toSeconds());
        events.publishEvent(end);
    }

    /** @return false when there were hosts and none of them could be listed */
    private boolean list(Run run, long userId, List<ConnectedHost> hosts) {
        int listedHosts = 0;
        for (ConnectedHost host : hosts) {
            if (run.lost) {
                return false; // the instance holding the job now lists again
            }
            List<HostRepository> repositories;
            try {
                repositories = host.host().repositories();
            } catch (HostException e) {
                journal.addHostFailure(run.jobId, host, RepositoryImport.describe(e));
                continue;
            }
            Set<Long> readable = new HashSet<>();
            for (HostRepository repository : repositories) {
                long id = store.saveRepository(host.kind(), host.apiBase(), repository);
                store.grantAccess(userId, id);
                readable.add(id);
                journal.addPending(run.jobId, id, repository);
            }
            store.revokeAccessExcept(userId, host.kind(), host.apiBase(), readable);
            listedHosts++;
        }
        if (!run.lost) {
            journal.markListed(run.jobId);
        }
        return hosts.isEmpty() || listedHosts > 0;
    }

    private void scan(Run run, List<ConnectedHost> hosts) {
        Semaphore permits = new Semaphore(parallelism);
        long after = 0;
        try {
            while (!stopping && !run.lost) {
                List<ImportItem> page = journal.pendingAfter(run.jobId, after);
                if (page.isEmpty()) {
                    break;
                }
                for (ImportItem item : page) {
                    after = item.id() == null ? after : item.id();
                    permits.acquire();
                    if (run.lost) {
                        permits.release();
                        break;
                    }
                    try {
                        workers.execute(() -> {
                            try (var context = MDC.putCloseable(MDC_KEY, Long.toString(run.jobId))) {
                                scanOne(run, item, hosts);
                            } finally {
                                permits.release();
                            }
                        });
                    } catch (RejectedExecutionException e) {
                        permits.release();
                        return;
                    }
                }
            }
            permits.acquire(parallelism); // the last repositories of the job
            permits.release(parallelism);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: the job stays RUNNING and resumes on the next start
        }
    }

    private void scanOne(Run run, ImportItem item, List<ConnectedHost> hosts) {
        Long repositoryId = item.repositoryId();
        if (stopping || run.lost || item.id() == null
                || (repositoryId != null && !claimRepository(run, repositoryId))) {
            return;
        }
        try {
            ItemResult result;
            try {
                result = scanRepository(item, hosts);
            } catch (RuntimeException e) {
                if (stopping || run.lost) {
                    return;
                }
                log.warn("import of {} failed", item.repository(), e);
                result = ItemResult.failed("unexpected error: " + e);
            }
            if (!stopping && !run.lost && !journal.finishItem(run.jobId, item.id(), result)) {
                lost(run);
            }
        } finally {
            if (repositoryId != null) {
                leases.releaseRepository(repositoryId, run.jobId);
            }
        }
    }

    /**
     * Waits until no other job scans the repository and takes it for this one.
     *
     * @return false when the job stopped here meanwhile
     */
    private boolean claimRepository(Run run, long repositoryId) {
        try {
            while (!stopping && !run.lost) {
                if (leases.claimRepository(repositoryId, run.jobId)) {
                    return true;
                }
                Thread.sleep(repositoryWait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private ItemResult scanRepository(ImportItem item, List<ConnectedHost> hosts) {
        Long repositoryId = item.repositoryId();
        Optional<StoredRepository> stored = repositoryId == null ? Optional.empty() : store.repository(repositoryId);
        if (stored.isEmpty()) {
            return ItemResult.failed("the repository's record is gone");
        }
        StoredRepository repository = stored.get();
        Optional<ConnectedHost> host = hosts.stream()
                .filter(h -> h.serves(repository.kind(), repository.apiBase()))
                .findFirst();
        if (host.isEmpty()) {
            return ItemResult.failed("no linked account reaches " + repository.kind() + " " + repository.apiBase()
                    + " any more");
        }
        return repositoryImport.run(host.get(), repository);
    }

    /** Renews the leases of the jobs running here; a job whose lease another instance took stops here. */
    private void heartbeat() {
        try {
            for (Run run : active.values()) {
                if (!run.lost && !run.ending && !leases.renewJob(run.jobId) && !run.ending) {
                    try (var context = MDC.putCloseable(MDC_KEY, Long.toString(run.jobId))) {
                        lost(run);
                    }
                }
            }
            leases.renewRepositories();
        } catch (RuntimeException e) { // the database is away for a moment: the next beat tries again within the lease
            log.warn("could not renew the import leases of this instance: {}", e.toString());
        }
    }

    private void lost(Run run) {
        if (!run.lost && !stopping) {
            run.lost = true;
            log.warn("import job {}: this instance lost its lease (it could not renew it within {}); it stops here,"
                    + " the instance holding the job now goes on with it", run.jobId, leases.settings().lease());
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        timer.shutdownNow();
        workers.shutdownNow();
        if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("import workers still busy at shutdown; their jobs resume on the next start");
        }
        try {
            leases.releaseAll();
        } catch (RuntimeException e) {
            log.warn("could not let go of this instance's import jobs; they are taken over once their lease ends: {}",
                    e.toString());
        }
    }
}
