package dev.stackdraft.importer;

import dev.stackdraft.git.GitCredentials;
import dev.stackdraft.hosting.GitHost;
import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.HostRepository;
import dev.stackdraft.hosting.HostUser;
import dev.stackdraft.hosting.PullRequest;
import dev.stackdraft.hosting.RepositoryFile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A host that watches its file listings (what a scan of a repository starts with), per repository: how many, and the
 * most at the same time. It can slow them down, and hold the first few until the test lets them go (what a frozen
 * instance's calls look like from the host).
 */
final class WatchedHost implements GitHost {

    private final GitHost real;
    private final Map<String, AtomicInteger> listings = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostAtOnce = new ConcurrentHashMap<>();
    private final AtomicInteger toHold = new AtomicInteger();
    private final AtomicInteger held = new AtomicInteger();
    private final CountDownLatch letGo = new CountDownLatch(1);
    private volatile Duration delay = Duration.ZERO;

    WatchedHost(GitHost real) {
        this.real = real;
    }

    WatchedHost slowed(Duration each) {
        delay = each;
        return this;
    }

    /** The next {@code count} file listings wait until {@link #letGo()}. */
    WatchedHost holdNext(int count) {
        toHold.set(count);
        return this;
    }

    void letGo() {
        letGo.countDown();
    }

    /** How many file listings are being held now. */
    int held() {
        return held.get();
    }

    /** File listings per repository (full name). */
    Map<String, Integer> listings() {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        listings.forEach((name, count) -> counts.put(name, count.get()));
        return counts;
    }

    /** The most file listings of one repository that were under way at the same time. */
    int mostAtOnce() {
        return mostAtOnce.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
    }

    @Override
    public List<RepositoryFile> files(HostRepository repository, String ref) {
        String name = repository.fullName();
        listings.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        int now = inFlight.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        mostAtOnce.computeIfAbsent(name, n -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        try {
            if (toHold.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                held.incrementAndGet();
                try {
                    if (!letGo.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never let the held listings go");
                    }
                } finally {
                    held.decrementAndGet();
                }
            }
            if (!delay.isZero()) {
                Thread.sleep(delay);
            }
            return real.files(repository, ref);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            inFlight.get(name).decrementAndGet();
        }
    }

    @Override
    public HostKind kind() {
        return real.kind();
    }

    @Override
    public HostUser currentUser() {
        return real.currentUser();
    }

    @Override
    public List<HostRepository> repositories() {
        return real.repositories();
    }

    @Override
    public Optional<String> branchHead(HostRepository repository, String branch) {
        return real.branchHead(repository, branch);
    }

    @Override
    public byte[] read(HostRepository repository, String ref, String path) {
        return real.read(repository, ref, path);
    }

    @Override
    public boolean canRead(HostRepository repository) {
        return real.canRead(repository);
    }

    @Override
    public PullRequest openPullRequest(HostRepository repository, String head, String base, String title, String body) {
        return real.openPullRequest(repository, head, base, title, body);
    }

    @Override
    public GitCredentials gitCredentials() {
        return real.gitCredentials();
    }
}
