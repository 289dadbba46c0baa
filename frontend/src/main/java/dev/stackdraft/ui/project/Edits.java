package dev.stackdraft.ui.project;

import dev.stackdraft.edit.EditCommand;

/** Where the editor's panels hand their edit commands: applied to the session, or refused with a notice. */
@FunctionalInterface
interface Edits {

    /** Applies the command and redraws; false (with the reason shown) when the engine refused it. */
    boolean apply(EditCommand command);
}
