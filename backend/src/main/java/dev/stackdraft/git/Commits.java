package dev.stackdraft.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.api.AddCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.jspecify.annotations.Nullable;

/** The local half of a write-back: files written, a commit made, and what a path held at a commit. */
final class Commits {

    private final Git git;
    private final Path root;

    Commits(Git git, Path root) {
        this.git = git;
        this.root = root;
    }

    /** Writes the files (each atomically), stages exactly them and commits as {@code who}, author and committer. */
    ObjectId commit(Map<String, byte[]> writes, PersonIdent who, String message) throws IOException, GitAPIException {
        AddCommand add = git.add();
        for (Map.Entry<String, byte[]> write : writes.entrySet()) {
            java.nio.file.Path file = RepoPaths.inside(root, write.getKey());
            RepoPaths.writeAtomically(file, write.getValue());
            if (isScript(write.getValue())) {
                executable(file);
            }
            add.addFilepattern(write.getKey());
        }
        add.call();
        return git.commit()
                .setAuthor(who)
                .setCommitter(who)
                .setMessage(message)
                .setSign(false)     // a user's commit.gpgsign on this machine must not apply to someone else's commit
                .setNoVerify(true)  // nor a core.hooksPath of this machine
                .call()
                .getId();
    }

    /**
     * A script (a custom runtime's {@code bootstrap}) is committed executable: Lambda runs it as it is in the
     * package, and {@code sam build} keeps the mode it has in the repository.
     */
    private static boolean isScript(byte[] content) {
        return content.length > 2 && content[0] == '#' && content[1] == '!';
    }

    private static void executable(java.nio.file.Path file) throws IOException {
        try {
            java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // a file system without POSIX modes: git's core.filemode is off there too, nothing to record
        }
    }

    /** The blob each path holds at {@code commit}; the zero id for a path that is not there. */
    Map<String, ObjectId> blobs(ObjectId commit, Set<String> paths) throws IOException {
        Map<String, ObjectId> blobs = new LinkedHashMap<>();
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            var tree = walk.parseCommit(commit).getTree();
            for (String path : paths) {
                try (TreeWalk found = TreeWalk.forPath(git.getRepository(), path, tree)) {
                    blobs.put(path, found == null ? ObjectId.zeroId() : found.getObjectId(0));
                }
            }
        }
        return blobs;
    }

    /**
     * The first of the other files that someone else changed between the start of the write-back and
     * {@code newBase} (to something else than what the edit writes), or null.
     */
    @Nullable String changedMeanwhile(Map<String, ObjectId> atStart, ObjectId newBase, Map<String, byte[]> ours) throws IOException {
        Map<String, ObjectId> now = blobs(newBase, atStart.keySet());
        try (ObjectInserter.Formatter formatter = new ObjectInserter.Formatter()) {
            for (Map.Entry<String, ObjectId> start : atStart.entrySet()) {
                ObjectId current = now.get(start.getKey());
                ObjectId mine = formatter.idFor(Constants.OBJ_BLOB, ours.get(start.getKey()));
                if (!start.getValue().equals(current) && !mine.equals(current)) {
                    return start.getKey();
                }
            }
        }
        return null;
    }
}
