package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import java.util.List;

/**
 * Gives a property a new value by the smallest edit: where it already has a value, only the parts that differ are
 * rewritten (a changed key of a block of YAML is one changed line; the comments and layout of the rest stay); where it
 * has none, it is added like {@link SetProperty} adds it. A value that means what is there already writes nothing.
 */
public record UpdateProperty(String resource, List<String> property, Value value) implements EditCommand {

    public UpdateProperty {
        property = List.copyOf(property);
        if (property.isEmpty()) {
            throw new IllegalArgumentException("a property path has at least one name");
        }
    }

    @Override
    public List<Change> changes(Template template) {
        Resource target = Refusals.resource(template, resource);
        DocPath path = target.propertyPath(property);
        return template.at(path).isPresent() ? ValueEdits.smallest(template, path, value)
                : PropertyChanges.put(template, path, value);
    }

    @Override
    public String describe() {
        return "Set " + String.join(".", property) + " of " + resource;
    }
}
