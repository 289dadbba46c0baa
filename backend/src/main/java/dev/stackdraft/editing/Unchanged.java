package dev.stackdraft.editing;

import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.template.Change;
import dev.stackdraft.template.Template;
import java.util.List;

/**
 * A field or section entry submitted as the form showed it: writes nothing, and an editing session does not count it
 * as a change. {@code what} names it for the sentence, e.g. "Timeout of HelloFunction".
 */
record Unchanged(String what) implements EditCommand {

    @Override
    public List<Change> changes(Template template) {
        return List.of();
    }

    @Override
    public String describe() {
        return "Leave " + what + " as it is";
    }
}
