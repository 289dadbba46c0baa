package dev.stackdraft.git;

import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.edit.Editor;
import dev.stackdraft.git.Remote.PushStatus;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.TemplateReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;

/**
 * Writes a user's edit back: applies the edit commands to the template in a {@link WorkingCopy}, commits it
 * (with the other files the edit touches) as the user, and pushes. When the push is rejected because the branch
 * moved meanwhile, it fetches the new head, applies the same commands to the template as it is now and tries
 * again, a bounded number of times; when they no longer apply the result is a {@link Outcome.Conflict} that
 * hands the commands back. Never force-pushes: the remote branch only ever moves forward.
 */
public final class TemplateWriteBack {

    private final Editor editor;
    private final TemplateReader reader;
    private final int maxAttempts;

    public TemplateWriteBack() {
        this(new Editor(), new TemplateReader(), 3);
    }

    public TemplateWriteBack(Editor editor, TemplateReader reader, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
        this.editor = editor;
        this.reader = reader;
        this.maxAttempts = maxAttempts;
    }

    public Outcome commit(WorkingCopy copy, String templatePath, List<EditCommand> commands, Author author,
                          String message, Target target) {
        return commit(copy, templatePath, commands, author, message, target, Map.of());
    }

    /**
     * As {@link #commit(WorkingCopy, String, List, Author, String, Target)}, with other files the edit writes
     * (a handler's source, a config file) by their path in the repository. They are written as given; when the
     * branch moved and one of them changed on it meanwhile, that is a conflict (never overwritten).
     *
     * @param message the commit message; blank: one made from the commands' descriptions
     */
    public Outcome commit(WorkingCopy copy, String templatePath, List<EditCommand> commands, Author author,
                          String message, Target target, Map<String, byte[]> otherFiles) {
        RepoPaths.inside(copy.directory(), templatePath);
        otherFiles.keySet().forEach(path -> RepoPaths.inside(copy.directory(), path));
        if (otherFiles.containsKey(templatePath)) {
            throw new IllegalArgumentException("the template is written by the commands, not as another file");
        }
        if (target instanceof Target.NewBranch(String name) && name.equals(copy.branch())) {
            throw new IllegalArgumentException("'" + name + "' is the working copy's own branch, not a new one");
        }
        PendingEdit change = new PendingEdit(templatePath, List.copyOf(commands), new LinkedHashMap<>(otherFiles),
                new PersonIdent(author.name(), author.email()), message.isBlank() ? defaultMessage(commands) : message);
        copy.lock().lock();
        try (Git git = copy.open()) {
            try {
                return attempts(copy, git, change, target);
            } finally {
                restore(copy, git);
            }
        } catch (IOException | GitAPIException e) {
            throw new GitException(GitException.Reason.FAILED, "cannot commit in the working copy of " + copy.cloneUrl()
                    + ": " + e.getMessage(), e);
        } finally {
            copy.lock().unlock();
        }
    }

    private Outcome attempts(WorkingCopy copy, Git git, PendingEdit change, Target target) throws IOException, GitAPIException {
        Repository repository = git.getRepository();
        String remoteBranch = target instanceof Target.NewBranch(String name) ? name : copy.branch();
        ObjectId base = remoteHead(repository, copy.branch());
        Commits commits = new Commits(git, copy.directory());
        Map<String, ObjectId> othersAtStart = commits.blobs(base, change.otherFiles().keySet());
        for (int attempt = 1; ; attempt++) {
            Sync.resetTo(git, copy.branch(), base);
            Map<String, byte[]> writes;
            try {
                writes = change.apply(editor, reader, copy);
            } catch (TemplateException e) {
                return attempt == 1 ? new Outcome.Refused(e.getMessage()) : new Outcome.Conflict(e.getMessage(), change.commands());
            }
            if (attempt > 1) {
                String clash = commits.changedMeanwhile(othersAtStart, base, change.otherFiles());
                if (clash != null) {
                    return new Outcome.Conflict(clash + " changed on '" + copy.branch() + "' meanwhile; the edit would overwrite it",
                            change.commands());
                }
            }
            if (writes.isEmpty()) {
                return new Outcome.NothingToChange();
            }
            ObjectId commit = commits.commit(writes, change.author(), change.message());
            ObjectId expected = target instanceof Target.NewBranch ? ObjectId.zeroId() : base;
            PushStatus status = copy.remote().push(repository, commit, remoteBranch, expected);
            if (status instanceof PushStatus.Ok) {
                return new Outcome.Pushed(commit.name(), remoteBranch, attempt, writes);
            }
            if (status instanceof PushStatus.Refused(String refusal)) {
                return new Outcome.Rejected("the remote rejected the push to '" + remoteBranch + "': " + refusal);
            }
            String moved = ((PushStatus.Moved) status).detail();
            if (target instanceof Target.NewBranch) {
                return new Outcome.Rejected("a branch named '" + remoteBranch + "' already exists on the remote: choose another name");
            }
            if (attempt >= maxAttempts) {
                return new Outcome.Conflict("'" + remoteBranch + "' kept moving while the edit was pushed (" + attempt
                        + " attempts, last: " + moved + "); try again", change.commands());
            }
            base = copy.remote().fetch(git, copy.branch());
        }
    }

    /** The branch's remote head as last fetched (or pushed): what the user's edit session started from. */
    private static ObjectId remoteHead(Repository repository, String branch) throws IOException {
        ObjectId head = repository.resolve(Remote.tracking(branch));
        if (head == null) {
            head = repository.resolve("refs/heads/" + branch);
        }
        if (head == null) {
            throw new IOException("the working copy has no commit on '" + branch + "'");
        }
        return head;
    }

    /** Leaves the working copy at its branch's remote head, whatever happened; the next write-back starts from there. */
    private static void restore(WorkingCopy copy, Git git) {
        try {
            Sync.resetTo(git, copy.branch(), remoteHead(git.getRepository(), copy.branch()));
        } catch (IOException | GitAPIException | RuntimeException e) {
            // every write-back and every checkout resets the working copy first: nothing is lost by leaving it
        }
    }

    static String defaultMessage(List<EditCommand> commands) {
        if (commands.isEmpty()) {
            return "Edit with Stackdraft";
        }
        String subject = commands.getFirst().describe() + (commands.size() > 1 ? " and " + (commands.size() - 1) + " more" : "");
        if (commands.size() == 1) {
            return subject;
        }
        StringBuilder body = new StringBuilder(subject).append("\n\n");
        commands.forEach(c -> body.append("- ").append(c.describe()).append('\n'));
        return body.toString();
    }
}
