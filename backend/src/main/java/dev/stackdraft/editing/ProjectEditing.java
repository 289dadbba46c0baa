package dev.stackdraft.editing;

import dev.stackdraft.edit.Editor;
import dev.stackdraft.environment.Environments;
import dev.stackdraft.project.ProjectWriteBack;
import dev.stackdraft.project.WriteBackResult;
import dev.stackdraft.project.WriteTarget;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.TemplateReader;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Opens editing sessions on projects and commits them: the template is read from the project's branch, edited on
 * the server, and written back through {@link ProjectWriteBack} (which re-applies the commands if the branch moved,
 * and keeps them when they conflict).
 */
@Service
public class ProjectEditing {

    private final ProjectWriteBack writeBack;
    private final TemplateReader reader = new TemplateReader();
    private final Editor editor = new Editor();

    ProjectEditing(ProjectWriteBack writeBack) {
        this.writeBack = writeBack;
    }

    /**
     * A session on the project's template as it is on its branch now; empty when the user may not see the project.
     *
     * @throws TemplateException when the template cannot be read (its message says where): it cannot be edited
     * @throws dev.stackdraft.project.ProjectUnavailableException when the host or git fails
     */
    public Optional<EditingSession> open(long userId, long projectId) {
        return writeBack.branchTemplate(userId, projectId).map(found -> {
            String path = found.project().templatePath();
            Environments none = Environments.absent(ProjectFiles.besideTemplate(path, Environments.FILE_NAMES.getFirst()));
            ProjectFiles files;
            try {
                files = new ProjectFiles(path, found.files(), found.environments()
                        .map(file -> Environments.parse(Path.of(file.path()), file.text())).orElse(none),
                        Optional.empty(), found.reader());
            } catch (TemplateException unreadable) {
                // the template stays editable; its environments are not, so that nothing overwrites the file
                Environments kept = Environments.absent(Path.of(found.environments().orElseThrow().path()));
                files = new ProjectFiles(path, found.files(), kept, Optional.of(unreadable.getMessage()),
                        found.reader());
            }
            return new EditingSession(projectId, reader.read(path, found.text()), files, editor);
        });
    }

    /** Commits the session's commands as the user; the result says what became of them (nothing is lost). */
    public WriteBackResult commit(long userId, EditingSession session, String message, WriteTarget target) {
        return writeBack.commit(userId, session.projectId(), session.commands(), session.otherFiles(), message, target);
    }
}
