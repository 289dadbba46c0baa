package dev.stackdraft.editing;

import dev.stackdraft.edit.EditCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One step of an editing session, undone and redone as one: an engine command on the template, changes to the
 * project's samconfig, and new files beside the template (a custom runtime's bootstrap), in any combination. A
 * layer whose version differs per environment, for instance, is a template command (the parameter) and a samconfig
 * change (its value in the selected environment) that make sense only together.
 *
 * @param command     the template's command, or null when the step changes only other files
 * @param config      samconfig changes, in order
 * @param newFiles    files to create, by their path in the repository, with their text
 * @param description the sentence shown in the list of pending changes
 */
public record SessionEdit(@Nullable EditCommand command, List<ConfigEdit> config, Map<String, String> newFiles,
                          String description) {

    public SessionEdit {
        config = List.copyOf(config);
        newFiles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(newFiles));
    }

    public static SessionEdit of(EditCommand command) {
        return new SessionEdit(command, List.of(), Map.of(), command.describe());
    }

    public static SessionEdit of(ConfigEdit edit) {
        return new SessionEdit(null, List.of(edit), Map.of(), edit.describe());
    }

    /** The template's command followed by samconfig changes, described as the command is. */
    public static SessionEdit of(EditCommand command, List<ConfigEdit> config) {
        return new SessionEdit(command, config, Map.of(), command.describe()
                + (config.isEmpty() ? "" : "; " + String.join("; ", config.stream().map(ConfigEdit::describe).toList())));
    }
}
