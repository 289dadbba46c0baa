package dev.stackdraft.git;

import java.io.IOException;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.RefUpdate.Result;
import org.eclipse.jgit.lib.Repository;

/** Puts a working copy's files exactly at a commit: its branch there, checked out, nothing else on disk. */
final class Sync {

    private static final Set<Result> MOVED = Set.of(Result.NEW, Result.FORCED, Result.NO_CHANGE, Result.FAST_FORWARD);

    private Sync() {}

    /** Fetches the branch's remote head and resets to it. */
    static ObjectId toRemote(Git git, Remote remote, String branch) throws IOException, GitAPIException {
        remote.configure(git.getRepository());
        ObjectId head = remote.fetch(git, branch);
        resetTo(git, branch, head);
        return head;
    }

    /** {@code git checkout -B branch commit && git reset --hard && git clean -ffdx}, without a merge of any kind. */
    static void resetTo(Git git, String branch, ObjectId commit) throws IOException, GitAPIException {
        Repository repository = git.getRepository();
        String ref = Constants.R_HEADS + branch;
        RefUpdate update = repository.updateRef(ref);
        update.setNewObjectId(commit);
        update.setForceUpdate(true);
        check(update.update(), ref);
        if (!ref.equals(repository.getFullBranch())) {
            check(repository.updateRef(Constants.HEAD).link(ref), Constants.HEAD);
        }
        git.reset().setMode(ResetType.HARD).setRef(commit.name()).call();
        git.clean().setCleanDirectories(true).setIgnore(false).setForce(true).call();
    }

    private static void check(Result result, String ref) throws IOException {
        if (!MOVED.contains(result)) {
            throw new IOException("could not move " + ref + ": " + result);
        }
    }
}
