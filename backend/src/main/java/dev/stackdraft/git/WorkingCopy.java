package dev.stackdraft.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A shallow clone of one branch of one repository, as {@link WorkingCopies#checkout} left it: the remote's
 * head, checked out, nothing else on disk. Reads are of the checked-out files. Write back with
 * {@link TemplateWriteBack}. Operations on one working copy take its lock, shared with
 * {@link WorkingCopies}, so a refresh and a write-back never overlap.
 */
public final class WorkingCopy {

    private final Path directory;
    private final String branch;
    private final Remote remote;
    private final ReentrantLock lock;

    WorkingCopy(Path directory, String branch, Remote remote, ReentrantLock lock) {
        this.directory = directory;
        this.branch = branch;
        this.remote = remote;
        this.lock = lock;
    }

    public Path directory() {
        return directory;
    }

    public String branch() {
        return branch;
    }

    public URI cloneUrl() {
        return remote.url();
    }

    /** The commit checked out (the remote's head as last fetched, or the last commit pushed from here). */
    public String head() {
        return locked(() -> {
            try (Git git = open()) {
                ObjectId head = git.getRepository().resolve(Constants.HEAD);
                if (head == null) {
                    throw new GitException(GitException.Reason.FAILED, "the working copy at " + directory + " has no commit");
                }
                return head.name();
            }
        });
    }

    /** The bytes of a checked-out file, by its path in the repository ({@code infra/template.yaml}). */
    public byte[] read(String path) {
        Path file = RepoPaths.inside(directory, path);
        if (RepoPaths.crossesLink(directory, file)) {
            throw new IllegalArgumentException("'" + path + "' goes through a symbolic link; only regular files are read");
        }
        lock.lock();
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read '" + path + "' of " + remote.url(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Every file of the checked-out commit, by its path in the repository, in git's order. */
    public List<String> files() {
        return locked(() -> {
            try (Git git = open(); RevWalk walk = new RevWalk(git.getRepository());
                 TreeWalk tree = new TreeWalk(git.getRepository())) {
                Repository repository = git.getRepository();
                ObjectId head = repository.resolve(Constants.HEAD);
                List<String> files = new ArrayList<>();
                if (head == null) {
                    return files;
                }
                tree.addTree(walk.parseCommit(head).getTree());
                tree.setRecursive(true);
                while (tree.next()) {
                    files.add(tree.getPathString());
                }
                return files;
            }
        });
    }

    @Override
    public String toString() {
        return "WorkingCopy[" + remote.url() + " " + branch + " at " + directory + "]";
    }

    Remote remote() {
        return remote;
    }

    ReentrantLock lock() {
        return lock;
    }

    Git open() throws IOException {
        return Git.open(directory.toFile());
    }

    private interface Work<T> {
        T run() throws IOException;
    }

    private <T> T locked(Work<T> work) {
        lock.lock();
        try {
            return work.run();
        } catch (IOException e) {
            throw new GitException(GitException.Reason.FAILED, "cannot read the working copy at " + directory + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
