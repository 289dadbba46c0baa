package dev.stackdraft.importer;

import dev.stackdraft.config.StackdraftSettings;
import dev.stackdraft.hosting.HostException;
import dev.stackdraft.hosting.HostRepository;
import dev.stackdraft.project.ConnectedHost;
import dev.stackdraft.project.ProjectStore;
import dev.stackdraft.project.StoredRepository;
import dev.stackdraft.project.UserHosts;
import jakarta.annotation.PreDestroy;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs import jobs in the background: lists the repositories of each of the user's hosts (recording them and the
 * user's access), then scans the pending ones, {@code stackdraft.import.parallelism} at a time, reading pending
 * items a page at a time so memory stays flat however many repositories there are. On shutdown it stops taking
 * new repositories and leaves the job RUNNING with its unfinished items PENDING, for the next start to resume.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportJournal journal;
    private final ProjectStore store;
    private final UserHosts userHosts;
    private final RepositoryImport repositoryImport;
    private final int parallelism;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("import-", 0).factory());
    private final Set<Long> active = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    ImportRunner(ImportJournal journal, ProjectStore store, UserHosts userHosts, RepositoryImport repositoryImport,
                 StackdraftSettings settings) {
        this.journal = journal;
        this.store = store;
        this.userHosts = userHosts;
        this.repositoryImport = repositoryImport;
        this.parallelism = settings.importing().parallelism();
    }

    /** Runs the job in the background, unless it already runs here. */
    void launch(long jobId, long userId) {
        if (stopping || !active.add(jobId)) {
            return;
        }
        try {
            workers.execute(() -> {
                try {
                    run(jobId, userId);
                } catch (RuntimeException e) {
                    if (!stopping) {
                        log.error("import job {} failed", jobId, e);
                        journal.finishJob(jobId, ImportStatus.FAILED);
                    }
                } finally {
                    active.remove(jobId);
                }
            });
        } catch (RejectedExecutionException e) {
            active.remove(jobId); // shutting down: the next start resumes it
        }
    }

    private void run(long jobId, long userId) {
        List<ConnectedHost> hosts = userHosts.hostsOf(userId);
        boolean listed = journal.job(jobId).listedAt() != null || list(jobId, userId, hosts);
        scan(jobId, hosts);
        if (!stopping) {
            journal.finishJob(jobId, listed ? ImportStatus.FINISHED : ImportStatus.FAILED);
        }
    }

    /** @return false when there were hosts and none of them could be listed */
    private boolean list(long jobId, long userId, List<ConnectedHost> hosts) {
        int listedHosts = 0;
        for (ConnectedHost host : hosts) {
            List<HostRepository> repositories;
            try {
                repositories = host.host().repositories();
            } catch (HostException e) {
                journal.addHostFailure(jobId, host, RepositoryImport.describe(e));
                continue;
            }
            Set<Long> readable = new HashSet<>();
            for (HostRepository repository : repositories) {
                long id = store.saveRepository(host.kind(), host.apiBase(), repository);
                store.grantAccess(userId, id);
                readable.add(id);
                journal.addPending(jobId, id, repository);
            }
            store.revokeAccessExcept(userId, host.kind(), host.apiBase(), readable);
            listedHosts++;
        }
        journal.markListed(jobId);
        return hosts.isEmpty() || listedHosts > 0;
    }

    private void scan(long jobId, List<ConnectedHost> hosts) {
        Semaphore permits = new Semaphore(parallelism);
        long after = 0;
        try {
            while (!stopping) {
                List<ImportItem> page = journal.pendingAfter(jobId, after);
                if (page.isEmpty()) {
                    break;
                }
                for (ImportItem item : page) {
                    after = item.id() == null ? after : item.id();
                    permits.acquire();
                    try {
                        workers.execute(() -> {
                            try {
                                scanOne(jobId, item, hosts);
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

    private void scanOne(long jobId, ImportItem item, List<ConnectedHost> hosts) {
        ItemResult result;
        try {
            result = scanRepository(item, hosts);
        } catch (RuntimeException e) {
            if (stopping) {
                return;
            }
            log.warn("import of {} failed", item.repository(), e);
            result = ItemResult.failed("unexpected error: " + e);
        }
        if (!stopping && item.id() != null) {
            journal.finishItem(jobId, item.id(), result);
        }
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

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        workers.shutdownNow();
        if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("import workers still busy at shutdown; their jobs resume on the next start");
        }
    }
}
