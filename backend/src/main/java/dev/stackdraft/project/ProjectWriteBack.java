package dev.stackdraft.project;

import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.environment.Environments;
import dev.stackdraft.git.Author;
import dev.stackdraft.git.GitException;
import dev.stackdraft.git.Outcome;
import dev.stackdraft.git.Target;
import dev.stackdraft.git.TemplateWriteBack;
import dev.stackdraft.git.WorkingCopy;
import dev.stackdraft.hosting.HostException;
import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.HostUser;
import dev.stackdraft.hosting.PullRequest;
import dev.stackdraft.project.ProjectCopies.Located;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.TemplateReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Writes a user's edits to a project back to its repository: on the project's branch or a new one, optionally
 * with a pull / merge request. The commit is by the user as their host knows them (name and commit e-mail, the
 * noreply address where the e-mail is private). When the branch moved meanwhile the edit commands are applied
 * again to its new head; when they no longer apply the user gets them back. Never force-pushes. Every outcome,
 * failures of the host or of git included, is a {@link WriteBackResult} with a sentence for the user, and is
 * published as a {@link WriteBackFinished} event (the server's metrics count them). Its log lines carry the project
 * id in the MDC ({@code project}), and those after the push the commit id ({@code commit}).
 */
@Service
public class ProjectWriteBack {

    private static final Logger log = LoggerFactory.getLogger(ProjectWriteBack.class);

    /** The MDC keys of the write-back's log lines: the project's id, and the commit's once it is pushed. */
    static final String MDC_PROJECT = "project";
    static final String MDC_COMMIT = "commit";

    private final ProjectCopies copies;
    private final Projects projects;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TemplateWriteBack writeBack = new TemplateWriteBack();
    private final StackAssessor assessor = new StackAssessor();
    private final TemplateReader reader = new TemplateReader();

    ProjectWriteBack(ProjectCopies copies, Projects projects, Clock clock, ApplicationEventPublisher events) {
        this.copies = copies;
        this.projects = projects;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Commits {@code commands} applied to the project's template, as {@code userId}.
     *
     * @param message the commit message as the user edited it; blank: one made from the commands
     */
    public WriteBackResult commit(long userId, long projectId, List<EditCommand> commands, String message,
                                  WriteTarget target) {
        return commit(userId, projectId, commands, Map.of(), message, target);
    }

    /**
     * As {@link #commit(long, long, List, String, WriteTarget)}, with other files written in the same commit (the
     * samconfig beside the template, a new bootstrap), by their path in the repository. When the branch moved and one
     * of them changed on it meanwhile, that is a conflict: the user's edits are kept, nothing is overwritten.
     */
    public WriteBackResult commit(long userId, long projectId, List<EditCommand> commands,
                                  Map<String, byte[]> otherFiles, String message, WriteTarget target) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_PROJECT, Long.toString(projectId))) {
            WriteBackResult result = write(userId, projectId, commands, otherFiles, message, target);
            if (!(result instanceof WriteBackResult.Committed)) {
                log.info("Write-back to project {} wrote nothing: {}", projectId, result.getClass().getSimpleName());
            }
            events.publishEvent(new WriteBackFinished(projectId, result));
            return result;
        }
    }

    private WriteBackResult write(long userId, long projectId, List<EditCommand> commands,
                                  Map<String, byte[]> otherFiles, String message, WriteTarget target) {
        Optional<Located> found;
        try {
            found = copies.locate(userId, projectId);
        } catch (ProjectUnavailableException e) {
            return new WriteBackResult.Failed(e.getMessage());
        }
        if (found.isEmpty()) {
            return notFound();
        }
        Located at = found.get();
        HostKind kind = at.host().kind();
        Optional<WriteBackResult> refusal = refusal(at, target);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (commands.isEmpty() && otherFiles.isEmpty()) {
            return new WriteBackResult.NothingToChange("There are no edits to commit.");
        }
        try {
            HostUser user = at.host().host().currentUser();
            WorkingCopy copy = copies.checkout(at);
            Outcome outcome = writeBack.commit(copy, at.project().templatePath(), commands,
                    new Author(user.name(), user.commitEmail()), message, gitTarget(target), otherFiles);
            return result(at, outcome, target, message, commands);
        } catch (GitException e) {
            log.warn("Write-back to project {} ({}) failed: {}", projectId, at.repository().repository().fullName(),
                    e.getMessage());
            return new WriteBackResult.Failed(HostFailures.of(e, kind));
        } catch (HostException e) {
            log.warn("Write-back to project {} ({}) failed: {} {}", projectId, at.repository().repository().fullName(),
                    e.reason(), e.getMessage());
            return new WriteBackResult.Failed(HostFailures.of(e, kind));
        }
    }

    /**
     * The project's template as it is on its branch now (the working copy refreshed first).
     *
     * @return empty when there is no such project or the user may not see it
     * @throws ProjectUnavailableException when the host or git fails, or the template is no longer on the branch;
     *                                     its message is a sentence for the user
     */
    public Optional<String> templateText(long userId, long projectId) {
        return branchTemplate(userId, projectId).map(BranchTemplate::text);
    }

    /**
     * A project the user may see, with its template's text as it is on the project's branch now, the path of every
     * file of that commit, and the text of the environments file beside the template (SAM's {@code samconfig.toml},
     * {@code .yaml} or {@code .yml}, the first there) when there is one.
     */
    public record BranchTemplate(ProjectSummary project, String text, Set<String> files,
                                 Optional<BesideFile> environments, FileReader reader) {

        /** The template alone (no other file known). */
        public BranchTemplate(ProjectSummary project, String text) {
            this(project, text, Set.of(project.templatePath()), Optional.empty(), path -> Optional.empty());
        }
    }

    /**
     * Reads a file of the project's working copy as it is now (a GraphQL schema or a resolver's code the template
     * names), by its path in the repository; empty when there is no such regular file.
     */
    @FunctionalInterface
    public interface FileReader {
        Optional<String> read(String path);
    }

    /** A file next to the template, by its path in the repository. */
    public record BesideFile(String path, String text) {}

    /**
     * The project and its template as it is on its branch now (the working copy refreshed first): one access check
     * and one checkout for callers that need both.
     *
     * @return empty when there is no such project or the user may not see it
     * @throws ProjectUnavailableException as {@link #templateText}
     */
    public Optional<BranchTemplate> branchTemplate(long userId, long projectId) {
        Optional<Located> found = copies.locate(userId, projectId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Located at = found.get();
        String path = at.project().templatePath();
        try {
            WorkingCopy copy = copies.checkout(at);
            String text = new String(copy.read(path), StandardCharsets.UTF_8);
            Set<String> files = new LinkedHashSet<>(copy.files());
            String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
            Optional<BesideFile> environments = Environments.FILE_NAMES.stream().map(name -> folder + name)
                    .filter(files::contains).findFirst()
                    .map(file -> new BesideFile(file, new String(copy.read(file), StandardCharsets.UTF_8)));
            FileReader reader = file -> {
                try {
                    return files.contains(file) ? Optional.of(new String(copy.read(file), StandardCharsets.UTF_8))
                            : Optional.empty();
                } catch (UncheckedIOException | IllegalArgumentException unreadable) {
                    return Optional.empty();
                }
            };
            return Optional.of(new BranchTemplate(at.project(), text, files, environments, reader));
        } catch (GitException e) {
            throw new ProjectUnavailableException(HostFailures.of(e, at.host().kind()));
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new ProjectUnavailableException(path + " is no longer a file on '" + at.project().branch()
                    + "': import the repository again.");
        }
    }

    /** What is wrong with the target, answered before anything is checked out; empty when it can be written to. */
    private static Optional<WriteBackResult> refusal(Located at, WriteTarget target) {
        if (!(target instanceof WriteTarget.NewBranch(String name, boolean openPullRequest))) {
            return Optional.empty();
        }
        if (openPullRequest && at.host().kind() == HostKind.LOCAL) {
            return Optional.of(new WriteBackResult.Unsupported("The local provider has no pull requests: commit to a "
                    + "new branch without one, or to '" + at.project().branch() + "'. Nothing was written."));
        }
        if (name.equals(at.project().branch())) {
            return Optional.of(new WriteBackResult.Refused("'" + name + "' is the project's own branch: commit to it "
                    + "directly, or name a new branch."));
        }
        try {
            Target.newBranch(name);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(new WriteBackResult.Refused("'" + name + "' is not a branch name git accepts: use "
                    + "letters, digits, '-', '_', '.' and '/', without spaces."));
        }
    }

    /** The template as the commit wrote it, assessed as an import would (it was written by the engine: it reads). */
    private ScannedStack assessWritten(String path, Map<String, byte[]> written) {
        byte[] bytes = written.get(path);
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            return assessor.assess(path, reader.read(path, text));
        } catch (TemplateException e) {
            return assessor.unreadable(path, e.getMessage());
        }
    }

    private static Target gitTarget(WriteTarget target) {
        return switch (target) {
            case WriteTarget.DefaultBranch() -> Target.currentBranch();
            case WriteTarget.NewBranch(String name, boolean openPullRequest) -> Target.newBranch(name);
        };
    }

    private WriteBackResult result(Located at, Outcome outcome, WriteTarget target, String message,
                                   List<EditCommand> commands) {
        String branch = at.project().branch();
        return switch (outcome) {
            case Outcome.Pushed(String commit, String pushedTo, int attempts, Map<String, byte[]> written) ->
                    committed(at, commit, pushedTo, attempts, written, target, message, commands);
            case Outcome.NothingToChange() -> new WriteBackResult.NothingToChange("The edits leave "
                    + at.project().templatePath() + " as it is: there is nothing to commit.");
            case Outcome.Refused(String why) -> new WriteBackResult.Refused(why);
            case Outcome.Conflict(String why, List<EditCommand> kept) -> new WriteBackResult.Conflict("'" + branch
                    + "' changed while you committed and your edits were not written: " + why
                    + ". Your edits are kept: look at the template as it is now and try again.", kept);
            case Outcome.Rejected(String why) -> target instanceof WriteTarget.NewBranch
                    ? new WriteBackResult.Rejected(HostFailures.capitalized(why) + ".", "Choose another branch name.")
                    : new WriteBackResult.Rejected(HostFailures.capitalized(why) + ".", "Commit to a new branch instead"
                            + (at.host().kind() == HostKind.LOCAL ? "." : " and open a "
                            + HostFailures.requestName(at.host().kind()) + "."));
        };
    }

    private WriteBackResult committed(Located at, String commit, String pushedTo, int attempts,
                                      Map<String, byte[]> written, WriteTarget target, String message,
                                      List<EditCommand> commands) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_COMMIT, commit)) {
            log.info("Committed {} to '{}' of {} (project {})", commit, pushedTo,
                    at.repository().repository().fullName(), at.project().id());
            return afterPush(at, commit, pushedTo, attempts, written, target, message, commands);
        }
    }

    private WriteBackResult afterPush(Located at, String commit, String pushedTo, int attempts,
                                      Map<String, byte[]> written, WriteTarget target, String message,
                                      List<EditCommand> commands) {
        String branch = at.project().branch();
        if (target instanceof WriteTarget.DefaultBranch) {
            ScannedStack now = assessWritten(at.project().templatePath(), written);
            projects.recordCommit(at.project().id(), commit, now.resourceCount(), now.state().name(),
                    now.message().length() > 2000 ? now.message().substring(0, 1999) + "…" : now.message(),
                    clock.instant());
        }
        String done = "Committed " + commit.substring(0, 7) + " to '" + pushedTo + "'"
                + (attempts > 1 ? " ('" + branch + "' had moved meanwhile: your edits were applied to its new head)" : "")
                + ".";
        if (!(target instanceof WriteTarget.NewBranch(String name, boolean openPullRequest)) || !openPullRequest) {
            return new WriteBackResult.Committed(commit, pushedTo, null, done);
        }
        HostKind kind = at.host().kind();
        String request = HostFailures.requestName(kind);
        try {
            PullRequest opened = at.host().host().openPullRequest(at.repository().repository(), name, branch,
                    title(message, commands), body(message, commands));
            return new WriteBackResult.Committed(commit, pushedTo, opened.webUrl(),
                    done + " Opened " + request + " #" + opened.number() + " into '" + branch + "'.");
        } catch (HostException e) {
            log.warn("Opening a {} for project {} failed: {} {}", request, at.project().id(), e.reason(), e.getMessage());
            return new WriteBackResult.Committed(commit, pushedTo, null,
                    done + " The " + request + " was not opened: " + HostFailures.of(e, kind));
        }
    }

    /** The first line of the message; without one, what the first command does. */
    static String title(String message, List<EditCommand> commands) {
        String first = message.strip().lines().findFirst().orElse("").strip();
        if (!first.isEmpty()) {
            return first;
        }
        if (commands.isEmpty()) {
            return "Change the environments";
        }
        return commands.getFirst().describe() + (commands.size() > 1 ? " and " + (commands.size() - 1) + " more" : "");
    }

    /** The rest of the message; without one, every command, one a line. */
    static String body(String message, List<EditCommand> commands) {
        List<String> lines = message.strip().lines().toList();
        String rest = String.join("\n", lines.subList(Math.min(1, lines.size()), lines.size())).strip();
        if (!rest.isEmpty()) {
            return rest;
        }
        StringBuilder body = new StringBuilder();
        commands.forEach(c -> body.append("- ").append(c.describe()).append('\n'));
        return body.toString();
    }

    private static WriteBackResult notFound() {
        return new WriteBackResult.NotFound("There is no such project, or you may not see it.");
    }
}
