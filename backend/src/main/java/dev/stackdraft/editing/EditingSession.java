package dev.stackdraft.editing;

import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.edit.EditRefusedException;
import dev.stackdraft.edit.Editor;
import dev.stackdraft.environment.Environments;
import dev.stackdraft.graph.ResourceGraph;
import dev.stackdraft.template.EditResult;
import dev.stackdraft.template.Finding;
import dev.stackdraft.template.SourceLocation;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.UnifiedDiff;
import dev.stackdraft.validation.TemplateValidator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One user's edits of one project, kept on the server: the template as read from the branch with the files beside it
 * ({@link ProjectFiles}: the environments in {@code samconfig.toml}), the steps done since (in order) and the ones
 * undone (for redo). A step is an engine command on the template, samconfig changes, new files, or these together
 * ({@link SessionEdit}); the current state is the base with the done steps applied. A step that is refused changes
 * nothing. Not thread-safe: one browser window owns it.
 */
public final class EditingSession {

    private static final TemplateValidator VALIDATOR = new TemplateValidator();

    private final long projectId;
    private final Template base;
    private final ProjectFiles files;
    private final Editor editor;
    private final List<SessionEdit> done = new ArrayList<>();
    private final Deque<SessionEdit> undone = new ArrayDeque<>();
    private State current;
    private Map<String, List<QuickFix>> fixes = Map.of();
    private @Nullable Template fixesOf;

    /** The template, the environments and the new files after some steps. */
    private record State(Template template, Environments environments, Map<String, String> newFiles) {}

    EditingSession(long projectId, Template base, Editor editor) {
        this(projectId, base, ProjectFiles.templateOnly(base.file()), editor);
    }

    EditingSession(long projectId, Template base, ProjectFiles files, Editor editor) {
        this.projectId = projectId;
        this.base = base;
        this.files = files;
        this.editor = editor;
        this.current = new State(base, files.environments(), Map.of());
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
        return apply(SessionEdit.of(command));
    }

    /**
     * Applies one step (template, samconfig and new files together, or none of them).
     *
     * @return whether anything changed
     * @throws TemplateException when the engine or the samconfig editor refuses a part (said where and why), or a new
     *                           file is already in the repository; nothing changes then
     */
    public boolean apply(SessionEdit step) {
        State next = step(current, step);
        if (unchanged(current, next)) {
            return false;
        }
        current = next;
        done.add(step);
        undone.clear();
        return true;
    }

    private static boolean unchanged(State before, State after) {
        return before.template() == after.template() && before.environments().text().equals(after.environments().text())
                && before.newFiles().equals(after.newFiles());
    }

    private State step(State state, SessionEdit step) {
        Template template = state.template();
        if (step.command() != null) {
            EditResult result = editor.apply(template, step.command());
            if (result.changed()) {
                template = result.after();
            }
        }
        Environments environments = state.environments();
        if (!step.config().isEmpty() && files.environmentsProblem().isPresent()) {
            throw new EditRefusedException(new SourceLocation(environments.file().toString(), 1, 1),
                    "the environments cannot be changed while this file does not read: "
                            + files.environmentsProblem().get(), "fix the file in the repository first");
        }
        for (ConfigEdit edit : step.config()) {
            String text;
            try {
                text = edit.apply(environments);
            } catch (IllegalArgumentException e) {
                throw new EditRefusedException(new SourceLocation(environments.file().toString(), 1, 1), e.getMessage(),
                        "change the value and try again");
            }
            if (!text.equals(environments.text())) {
                environments = Environments.parse(environments.file(), text);
            }
        }
        Map<String, String> newFiles = new LinkedHashMap<>(state.newFiles());
        step.newFiles().forEach((path, text) -> {
            if (files.paths().contains(path)) {
                throw new EditRefusedException(new SourceLocation(path, 1, 1), "the repository has this file already",
                        "edit it in the repository; Stackdraft writes only new files");
            }
            newFiles.put(path, text);
        });
        return new State(template, environments, Map.copyOf(newFiles));
    }

    public boolean canUndo() {
        return !done.isEmpty();
    }

    public boolean canRedo() {
        return !undone.isEmpty();
    }

    /** Takes back the last step (returned; empty when there was none): the base with the ones before it applied again. */
    public Optional<SessionEdit> undo() {
        if (done.isEmpty()) {
            return Optional.empty();
        }
        SessionEdit step = done.removeLast();
        undone.push(step);
        State state = new State(base, files.environments(), Map.of());
        for (SessionEdit again : done) {
            state = step(state, again);
        }
        current = state;
        return Optional.of(step);
    }

    /** Does the last undone step again; returns it (empty when there was none). */
    public Optional<SessionEdit> redo() {
        if (undone.isEmpty()) {
            return Optional.empty();
        }
        SessionEdit step = undone.pop();
        current = step(current, step);
        done.add(step);
        return Optional.of(step);
    }

    /** The template's commands to commit, in order. */
    public List<EditCommand> commands() {
        List<EditCommand> commands = new ArrayList<>();
        for (SessionEdit step : done) {
            if (step.command() != null) {
                commands.add(step.command());
            }
        }
        return commands;
    }

    /**
     * The files a commit writes besides the template, by their path in the repository: the samconfig when it changed,
     * and the new files.
     */
    public Map<String, byte[]> otherFiles() {
        Map<String, byte[]> other = new LinkedHashMap<>();
        Environments environments = current.environments();
        if (!environments.text().equals(files.environments().text())) {
            other.put(repositoryPath(environments), environments.text().getBytes(StandardCharsets.UTF_8));
        }
        current.newFiles().forEach((path, text) -> other.put(path, text.getBytes(StandardCharsets.UTF_8)));
        return other;
    }

    /** A sentence per pending change, in order. */
    public List<String> pending() {
        return done.stream().map(SessionEdit::description).toList();
    }

    public Template current() {
        return current.template();
    }

    /** The project's environments as the pending changes leave them. */
    public Environments environments() {
        return current.environments();
    }

    /** The repository's files as the session opened, and the template's path in it. */
    public ProjectFiles files() {
        return files;
    }

    /** Whether the repository has this file, or a pending change creates it. */
    public boolean hasFile(String path) {
        return files.paths().contains(path) || current.newFiles().containsKey(path);
    }

    public ResourceGraph graph() {
        return ResourceGraph.of(current.template());
    }

    /**
     * The obvious fixes of one of the current template's findings (by its code and place), each an edit command;
     * empty when there is none or the finding is gone. The template is validated once per change, not per finding.
     */
    public List<QuickFix> quickFixes(String code, int line, int column) {
        Template template = current.template();
        if (fixesOf != template) {
            Map<String, List<QuickFix>> found = new HashMap<>();
            for (Finding finding : VALIDATOR.validate(template)) {
                List<QuickFix> offered = QuickFixes.of(template, finding);
                if (!offered.isEmpty()) {
                    found.putIfAbsent(fixKey(finding.code(), finding.location().line(), finding.location().column()),
                            offered);
                }
            }
            fixes = found;
            fixesOf = template;
        }
        return fixes.getOrDefault(fixKey(code, line, column), List.of());
    }

    private static String fixKey(String code, int line, int column) {
        return code + "@" + line + ":" + column;
    }

    /**
     * The unified diff of what a commit would write, as git shows it (the template, then the samconfig and the new
     * files); empty when nothing changes.
     */
    public String diff() {
        StringBuilder diff = new StringBuilder();
        String before = base.source().text();
        String after = current.template().source().text();
        if (!before.equals(after)) {
            diff.append(UnifiedDiff.of(base.file(), before, after));
        }
        Environments environments = current.environments();
        if (!environments.text().equals(files.environments().text())) {
            diff.append(UnifiedDiff.of(repositoryPath(environments), files.environments().text(), environments.text()));
        }
        current.newFiles().forEach((path, text) -> diff.append(UnifiedDiff.of(path, "", text)));
        return diff.toString();
    }

    private static String repositoryPath(Environments environments) {
        return environments.file().toString().replace(java.io.File.separatorChar, '/');
    }
}
