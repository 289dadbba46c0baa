package dev.stackdraft.git;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;

/**
 * The cache folder of working copies, one per key ({@code github/owner/name}): a shallow clone of one branch
 * (depth 1, no tags) on first use, afterwards a refresh (fetch the branch, hard reset to its remote head,
 * clean), so a working copy is the remote's latest before every edit session.
 *
 * <p>Thread-safe: operations on one key are serialised by a lock per working copy folder (shared by every
 * instance in the JVM); different keys run in parallel.
 */
public final class WorkingCopies {

    private static final ConcurrentMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
    private static final String INCOMING = ".incoming";

    private final Path cacheRoot;

    public WorkingCopies(Path cacheRoot) {
        this.cacheRoot = cacheRoot.toAbsolutePath().normalize();
    }

    /**
     * The working copy of {@code branch} of {@code cloneUrl} ({@code https://}, {@code http://} or {@code file://},
     * without credentials in it), cloned or refreshed to the remote's head.
     *
     * @throws GitException when the host refuses the credentials, the repository or the branch is not there,
     *                      or the network fails; an existing working copy is then left as it was
     */
    public WorkingCopy checkout(String key, URI cloneUrl, String branch, GitCredentials credentials) {
        if (branch.isBlank() || !Repository.isValidRefName("refs/heads/" + branch)) {
            throw new IllegalArgumentException("not a valid branch name: '" + branch + "'");
        }
        Path directory = RepoPaths.cacheDirectory(cacheRoot, key);
        Remote remote = new Remote(cloneUrl, credentials);
        ReentrantLock lock = LOCKS.computeIfAbsent(directory, d -> new ReentrantLock());
        lock.lock();
        try {
            if (!refreshed(directory, remote, branch)) {
                cloneInto(directory, remote, branch);
            }
            return new WorkingCopy(directory, branch, remote, lock);
        } catch (IOException | GitAPIException e) {
            throw new GitException(GitException.Reason.FAILED, "cannot write the working copy of " + cloneUrl + " at "
                    + directory + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Deletes a working copy (the project is gone); the next checkout clones again. */
    public void remove(String key) {
        Path directory = RepoPaths.cacheDirectory(cacheRoot, key);
        ReentrantLock lock = LOCKS.computeIfAbsent(directory, d -> new ReentrantLock());
        lock.lock();
        try {
            RepoPaths.deleteRecursively(directory);
        } catch (IOException e) {
            throw new GitException(GitException.Reason.FAILED, "cannot delete the working copy at " + directory, e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Refreshes an existing working copy; false when there is none to refresh. A working copy that is broken
     * on disk (an interrupted write, a stale lock file) is deleted to be cloned again; a remote that fails
     * ({@link GitException}) leaves it as it was.
     */
    private static boolean refreshed(Path directory, Remote remote, String branch) throws IOException {
        if (!Files.isDirectory(directory.resolve(".git"))) {
            RepoPaths.deleteRecursively(directory);
            return false;
        }
        try (Git git = Git.open(directory.toFile())) {
            Sync.toRemote(git, remote, branch);
            return true;
        } catch (GitException e) {
            throw e;
        } catch (IOException | GitAPIException | RuntimeException e) {
            RepoPaths.deleteRecursively(directory);
            return false;
        }
    }

    /** Clones beside the cache (init, depth-1 fetch, checkout) and moves the result into place in one rename. */
    private void cloneInto(Path directory, Remote remote, String branch) throws IOException, GitAPIException {
        Path incoming = cacheRoot.resolve(INCOMING).resolve(UUID.randomUUID().toString());
        Files.createDirectories(incoming.getParent());
        try {
            try (Git git = Git.init().setDirectory(incoming.toFile()).setInitialBranch(branch).call()) {
                Sync.toRemote(git, remote, branch);
            }
            Files.createDirectories(directory.getParent());
            Files.move(incoming, directory, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            RepoPaths.deleteRecursively(incoming);
        }
    }
}
