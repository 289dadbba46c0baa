package dev.stackdraft.cli;

import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.edit.Editor;
import dev.stackdraft.template.EditResult;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import java.nio.file.Path;
import java.util.Set;

/**
 * What every editing command does once it knows its {@link EditCommand}: read the file, apply the command,
 * then write the result in place atomically, or with {@code --dry-run} print its diff instead. An edit that
 * changes nothing writes nothing.
 */
final class FileEdit {

    static final String DRY_RUN = "--dry-run";

    /** The switches every editing command takes. */
    static final Set<String> SWITCHES = Set.of(DRY_RUN);

    private FileEdit() {}

    static int apply(Path file, EditCommand command, boolean dryRun, Output output) {
        Template template = new TemplateReader().read(file);
        EditResult result = new Editor().apply(template, command);
        if (!result.changed()) {
            output.note(command.describe() + ": nothing to change, " + file + " left as it was");
            return StackdraftCli.OK;
        }
        String diff = result.diff();
        String size = DiffSize.of(diff).toString();
        if (dryRun) {
            output.result(diff);
            output.note(command.describe() + " (" + size + "; dry run, " + file + " not written)");
        } else {
            AtomicWrite.replace(file, template.source().bytes(), result.after().source().bytes());
            output.note(command.describe() + " (" + size + ")");
        }
        return StackdraftCli.OK;
    }

    /** How many lines a unified diff adds and removes, said the way a person would. */
    record DiffSize(int added, int removed) {

        static DiffSize of(String unifiedDiff) {
            int added = 0;
            int removed = 0;
            boolean inHunk = false;
            for (String line : unifiedDiff.split("\n", -1)) {
                if (line.startsWith("@@")) {
                    inHunk = true;
                } else if (inHunk && line.startsWith("+")) {
                    added++;
                } else if (inHunk && line.startsWith("-")) {
                    removed++;
                }
            }
            return new DiffSize(added, removed);
        }

        /** {@code 1 line added}, {@code 3 lines changed}, {@code 1 line changed, 2 added}, ... */
        @Override
        public String toString() {
            int changed = Math.min(added, removed);
            StringBuilder text = new StringBuilder();
            append(text, changed, "changed");
            append(text, added - changed, "added");
            append(text, removed - changed, "removed");
            return text.isEmpty() ? "no lines changed" : text.toString();
        }

        private static void append(StringBuilder text, int count, String what) {
            if (count == 0) {
                return;
            }
            if (text.isEmpty()) {
                text.append(count).append(count == 1 ? " line " : " lines ").append(what);
            } else {
                text.append(", ").append(count).append(' ').append(what);
            }
        }
    }
}
