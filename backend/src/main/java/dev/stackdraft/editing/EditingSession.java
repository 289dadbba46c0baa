package dev.stackdraft.editing;

import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.edit.Editor;
import dev.stackdraft.graph.ResourceGraph;
import dev.stackdraft.template.EditResult;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.UnifiedDiff;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One user's edits of one project's template, kept on the server: the template as read from the branch, the commands
 * done since (in order) and the ones undone (for redo). The current template is the base with the done commands
 * applied; a command the engine refuses changes nothing here. Not thread-safe: one browser window owns it.
 */
public final class EditingSession {

    private final long projectId;
    private final Template base;
    private final Editor editor;
    private final List<EditCommand> done = new ArrayList<>();
    private final Deque<EditCommand> undone = new ArrayDeque<>();
    private Template current;

    EditingSession(long projectId, Template base, Editor editor) {
        this.projectId = projectId;
        this.base = base;
        this.editor = editor;
        this.current = base;
    }

    public long projectId() {
        return projectId;
    }

    /**
     * Applies the command to the current template; what was undone can no longer be redone. A command that changes
     * nothing (a form field submitted as it was) is not kept: it is no pending change and nothing to undo.
     *
     * @return whether the template changed
     * @throws dev.stackdraft.edit.EditRefusedException when the engine refuses it (its message says where and why);
     *                                                  nothing changes then
     */
    public boolean apply(EditCommand command) {
        EditResult result = editor.apply(current, command);
        if (!result.changed()) {
            return false;
        }
        current = result.after();
        done.add(command);
        undone.clear();
        return true;
    }

    public boolean canUndo() {
        return !done.isEmpty();
    }

    public boolean canRedo() {
        return !undone.isEmpty();
    }

    /** Takes back the last command: the template is the base with the ones before it applied again. */
    public void undo() {
        if (done.isEmpty()) {
            return;
        }
        undone.push(done.removeLast());
        current = editor.applyAll(base, done).after();
    }

    /** Does the last undone command again. */
    public void redo() {
        if (undone.isEmpty()) {
            return;
        }
        EditCommand command = undone.pop();
        current = editor.apply(current, command).after();
        done.add(command);
    }

    /** The commands to commit, in order. */
    public List<EditCommand> commands() {
        return List.copyOf(done);
    }

    /** A sentence per pending change, in order. */
    public List<String> pending() {
        return done.stream().map(EditCommand::describe).toList();
    }

    public Template current() {
        return current;
    }

    public ResourceGraph graph() {
        return ResourceGraph.of(current);
    }

    /** The unified diff of what a commit would write, as git shows it; empty when nothing changes. */
    public String diff() {
        String before = base.source().text();
        String after = current.source().text();
        return before.equals(after) ? "" : UnifiedDiff.of(base.file(), before, after);
    }
}
