package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value.Mapping;
import java.util.List;

/**
 * Renames one key of a mapping in place, its value and comments staying: the fix for a misspelt property or resource
 * attribute ({@code Handeler} → {@code Handler}). References to logical ids are {@link RenameLogicalId}'s business.
 */
public record RenameKey(DocPath mapping, String from, String to) implements EditCommand {

    @Override
    public List<Change> changes(Template template) {
        if (!(template.at(mapping).orElse(null) instanceof Mapping m) || m.entry(from).isEmpty()) {
            throw Refusals.file(template, "there is no key '" + from + "' at " + mapping, "");
        }
        if (m.entry(to).isPresent()) {
            throw Refusals.at(template, m.entry(to).orElseThrow().key(), "'" + to + "' is there already",
                    "remove one of the two first");
        }
        return List.of(new Change.RenameKey(mapping, from, to));
    }

    @Override
    public String describe() {
        return "Rename " + from + " to " + to;
    }
}
