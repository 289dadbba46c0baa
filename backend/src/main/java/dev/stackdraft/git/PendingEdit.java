package dev.stackdraft.git;

import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.edit.Editor;
import dev.stackdraft.template.SourceLocation;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.TemplateReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.PersonIdent;

/** One write-back request: what to do to which template, which other files to write, by whom, with what message. */
record PendingEdit(String templatePath, List<EditCommand> commands, Map<String, byte[]> otherFiles, PersonIdent author,
                   String message) {

    /**
     * The files to write, by path, computed against the working copy as it is now: the template with the commands
     * applied, and the other files, each only when its bytes differ from what is there.
     *
     * @throws TemplateException when the template is not there, does not read, or the engine refuses a command
     */
    Map<String, byte[]> apply(Editor editor, TemplateReader reader, WorkingCopy copy) throws IOException {
        Path root = copy.directory();
        Map<String, byte[]> writes = new LinkedHashMap<>();
        byte[] before = regularFile(root, templatePath, copy.branch());
        Template template = reader.read(templatePath, before);
        byte[] after = editor.applyAll(template, commands).after().source().bytes();
        if (!Arrays.equals(before, after)) {
            writes.put(templatePath, after);
        }
        for (Map.Entry<String, byte[]> other : otherFiles.entrySet()) {
            Path file = RepoPaths.inside(root, other.getKey());
            if (RepoPaths.crossesLink(root, file)) {
                throw refusal(other.getKey(), "goes through a symbolic link in the repository", "Stackdraft writes regular files only");
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !Arrays.equals(Files.readAllBytes(file), other.getValue())) {
                writes.put(other.getKey(), other.getValue());
            }
        }
        return writes;
    }

    private static byte[] regularFile(Path root, String path, String branch) throws IOException {
        Path file = RepoPaths.inside(root, path);
        if (RepoPaths.crossesLink(root, file)) {
            throw refusal(path, "the template is a symbolic link", "Stackdraft edits regular files only");
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw refusal(path, "no such file on branch '" + branch + "'", "check the template path, or import the repository again");
        }
        return Files.readAllBytes(file);
    }

    private static TemplateException refusal(String path, String problem, String hint) {
        return new TemplateException(new SourceLocation(path, 1, 1), problem, hint);
    }
}
