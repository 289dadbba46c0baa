package dev.stackdraft.config;

import dev.stackdraft.git.GitCredentials;
import dev.stackdraft.hosting.GitHost;
import dev.stackdraft.hosting.HostException;
import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.HostRepository;
import dev.stackdraft.hosting.HostUser;
import dev.stackdraft.hosting.PullRequest;
import dev.stackdraft.hosting.RepositoryFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real host (usually a {@link dev.stackdraft.hosting.LocalGitHost} over a test folder) with a script: calls are
 * counted, chosen repositories fail with a chosen reason, a gate can hold file listings until the test opens it.
 */
public final class ScriptedHost implements GitHost {

    private final GitHost real;
    private final Map<String, HostException> failures = new ConcurrentHashMap<>();
    private volatile Predicate<HostRepository> readable = r -> true;
    private volatile HostException.Reason down = null;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    public final AtomicInteger listings = new AtomicInteger();
    public final AtomicInteger fileListings = new AtomicInteger();
    public final AtomicInteger reads = new AtomicInteger();
    public final AtomicInteger accessChecks = new AtomicInteger();
    public final AtomicInteger branchHeads = new AtomicInteger();

    public ScriptedHost(GitHost real) {
        this.real = real;
    }

    /** {@code files()} of that repository fails with this reason. */
    public ScriptedHost failing(String fullName, HostException.Reason reason) {
        failures.put(fullName, new HostException(reason, "scripted " + reason + " for " + fullName));
        return this;
    }

    /** {@code files()} of that repository works again. */
    public ScriptedHost recovered(String fullName) {
        failures.remove(fullName);
        return this;
    }

    /** Whether {@code canRead} (and listing) still shows a repository. */
    public ScriptedHost readable(Predicate<HostRepository> predicate) {
        this.readable = predicate;
        return this;
    }

    /** Every call fails with this reason (null: the host is back). */
    public ScriptedHost down(HostException.Reason reason) {
        this.down = reason;
        return this;
    }

    /** Holds every {@code files()} call until {@link #open()}. */
    public ScriptedHost closeGate() {
        gate = new CountDownLatch(1);
        return this;
    }

    public void open() {
        gate.countDown();
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
        checkUp();
        listings.incrementAndGet();
        return real.repositories().stream().filter(readable).toList();
    }

    @Override
    public List<RepositoryFile> files(HostRepository repository, String ref) {
        checkUp();
        fileListings.incrementAndGet();
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostException(HostException.Reason.UNAVAILABLE, "interrupted");
        }
        HostException failure = failures.get(repository.fullName());
        if (failure != null) {
            throw failure;
        }
        return real.files(repository, ref);
    }

    @Override
    public byte[] read(HostRepository repository, String ref, String path) {
        checkUp();
        reads.incrementAndGet();
        return real.read(repository, ref, path);
    }

    @Override
    public boolean canRead(HostRepository repository) {
        checkUp();
        accessChecks.incrementAndGet();
        return readable.test(repository) && real.canRead(repository);
    }

    @Override
    public Optional<String> branchHead(HostRepository repository, String branch) {
        checkUp();
        branchHeads.incrementAndGet();
        return real.branchHead(repository, branch);
    }

    @Override
    public PullRequest openPullRequest(HostRepository repository, String head, String base, String title, String body) {
        return real.openPullRequest(repository, head, base, title, body);
    }

    @Override
    public GitCredentials gitCredentials() {
        return real.gitCredentials();
    }

    private void checkUp() {
        HostException.Reason reason = down;
        if (reason != null) {
            throw new HostException(reason, "scripted: the host is " + reason);
        }
    }
}
