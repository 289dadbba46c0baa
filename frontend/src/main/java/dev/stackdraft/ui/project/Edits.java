package dev.stackdraft.ui.project;

import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.editing.SessionEdit;

/** Where the editor's panels hand their edits: applied to the session, or refused with a notice. */
@FunctionalInterface
interface Edits {

    /** Applies the step (template, samconfig, new files) and redraws; false (with the reason shown) when refused. */
    boolean apply(SessionEdit step);

    /** Applies one engine command on the template. */
    default boolean apply(EditCommand command) {
        return apply(SessionEdit.of(command));
    }
}
