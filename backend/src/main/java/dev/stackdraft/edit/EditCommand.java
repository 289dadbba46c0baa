package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.Template;
import java.util.List;

/** One thing a user does to a template. Refuses with an {@link EditRefusedException} when it cannot be done. */
public interface EditCommand {

    List<Change> changes(Template template);

    /** A short sentence for commit messages and undo lists, e.g. "Add layer X to function Y". */
    String describe();
}
