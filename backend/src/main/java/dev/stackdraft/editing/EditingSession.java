package dev.stackdraft.editing;

import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.edit.Editor;
import dev.stackdraft.graph.ResourceGraph;
import dev.stackdraft.template.EditResult;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.UnifiedDiff;
import dev.stackdraft.validation.TemplateValidator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.stackdraft.template.Finding;
import org.jspecify.annotations.Nullable;

/**
 * One user's edits of one project's template, kept on the server: the template as read from the branch, the commands
 * done since (in order) and the ones undone (for redo). The current template is the base with the done commands
 * applied; a command the engine refuses changes nothing here. Not thread-safe: one browser window owns it.
 */
public final class EditingSession {

    private static final TemplateValidator VALIDATOR = new TemplateValidator();

    private final long projectId;
    private final Template base;
    private final Editor editor;
    private final List<EditCommand> done = new ArrayList<>();
    private final Deque<EditCommand> undone = new ArrayDeque<>();
    private Template current;
    private Map<String, List<QuickFix>> fixes = Map.of();
    private @Nullable Template fixesOf;

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

    /** Takes back the last command (returned; empty when there was none): the template is the base with the ones before it applied again. */
    public Optional<EditCommand> undo() {
        if (done.isEmpty()) {
            return Optional.empty();
        }
        EditCommand command = done.removeLast();
        undone.push(command);
        current = editor.applyAll(base, done).after();
        return Optional.of(command);
    }

    /** Does the last undone command again; returns it (empty when there was none). */
    public Optional<EditCommand> redo() {
        if (undone.isEmpty()) {
            return Optional.empty();
        }
        EditCommand command = undone.pop();
        current = editor.apply(current, command).after();
        done.add(command);
        return Optional.of(command);
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

    /**
     * The obvious fixes of one of the current template's findings (by its code and place), each an edit command;
     * empty when there is none or the finding is gone. The template is validated once per change, not per finding.
     */
    public List<QuickFix> quickFixes(String code, int line, int column) {
        if (fixesOf != current) {
            Map<String, List<QuickFix>> found = new HashMap<>();
            for (Finding finding : VALIDATOR.validate(current)) {
                List<QuickFix> offered = QuickFixes.of(current, finding);
                if (!offered.isEmpty()) {
                    found.putIfAbsent(fixKey(finding.code(), finding.location().line(), finding.location().column()),
                            offered);
                }
            }
            fixes = found;
            fixesOf = current;
        }
        return fixes.getOrDefault(fixKey(code, line, column), List.of());
    }

    private static String fixKey(String code, int line, int column) {
        return code + "@" + line + ":" + column;
    }

    /** The unified diff of what a commit would write, as git shows it; empty when nothing changes. */
    public String diff() {
        String before = base.source().text();
        String after = current.source().text();
        return before.equals(after) ? "" : UnifiedDiff.of(base.file(), before, after);
    }
}
