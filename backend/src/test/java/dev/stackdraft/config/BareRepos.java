package dev.stackdraft.config;

import dev.stackdraft.hosting.LocalGitHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.jspecify.annotations.Nullable;

/** Bare repositories for tests, laid out as the local provider reads them: {@code <root>/<owner>/<name>.git}. */
public final class BareRepos {

    private static final PersonIdent AUTHOR = new PersonIdent("Test", "test@example.com", Instant.parse("2026-01-01T00:00:00Z"),
            ZoneOffset.UTC);

    private BareRepos() {}

    /** An empty bare repository (HEAD → main, no commit). */
    public static Path create(Path root, String fullName) {
        Path dir = new LocalGitHost(root).directoryOf(fullName);
        try (Git git = Git.init().setBare(true).setInitialBranch("main").setDirectory(dir.toFile()).call()) {
            return dir;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A bare repository whose main branch has one commit holding {@code files} (path → text). */
    public static Path create(Path root, String fullName, Map<String, String> files) {
        Path dir = create(root, fullName);
        commit(root, fullName, files);
        return dir;
    }

    /**
     * Commits on main: each entry adds or replaces a file; a null text deletes it.
     *
     * @return the new commit's id
     */
    public static String commit(Path root, String fullName, Map<String, @Nullable String> changes) {
        Path dir = new LocalGitHost(root).directoryOf(fullName);
        try (Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
             ObjectInserter inserter = repo.newObjectInserter()) {
            ObjectId parent = repo.resolve(Constants.R_HEADS + "main");
            Map<String, ObjectId> files = parent == null ? new TreeMap<>() : filesOf(repo, parent);
            changes.forEach((path, text) -> {
                if (text == null) {
                    files.remove(path);
                } else {
                    files.put(path, insert(inserter, text));
                }
            });
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            files.forEach((path, id) -> {
                DirCacheEntry entry = new DirCacheEntry(path);
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(id);
                builder.add(entry);
            });
            builder.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            commit.setAuthor(AUTHOR);
            commit.setCommitter(AUTHOR);
            commit.setMessage("change " + changes.keySet());
            if (parent != null) {
                commit.setParentId(parent);
            }
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repo.updateRef(Constants.R_HEADS + "main");
            update.setNewObjectId(id);
            update.setExpectedOldObjectId(parent == null ? ObjectId.zeroId() : parent);
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
                throw new IllegalStateException("commit on " + fullName + ": " + result);
            }
            return id.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String head(Path root, String fullName) {
        Path dir = new LocalGitHost(root).directoryOf(fullName);
        try (Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build()) {
            ObjectId id = repo.resolve(Constants.R_HEADS + "main");
            if (id == null) {
                throw new IllegalStateException(fullName + " has no commit");
            }
            return id.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, ObjectId> filesOf(Repository repo, ObjectId commitId) throws IOException {
        Map<String, ObjectId> files = new TreeMap<>();
        try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
            RevCommit commit = walk.parseCommit(commitId);
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                files.put(tree.getPathString(), tree.getObjectId(0));
            }
        }
        return files;
    }

    private static ObjectId insert(ObjectInserter inserter, String text) {
        try {
            return inserter.insert(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
