package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import java.util.List;

/**
 * Sets a property of a resource, creating the mappings on the way ({@code ["Environment", "Variables",
 * "TABLE"]}). An existing value is replaced in place.
 */
public record SetProperty(String resource, List<String> property, Value value) implements EditCommand {

    public SetProperty {
        property = List.copyOf(property);
        if (property.isEmpty()) {
            throw new IllegalArgumentException("a property path has at least one name");
        }
    }

    @Override
    public List<Change> changes(Template template) {
        Resource target = Refusals.resource(template, resource);
        DocPath path = target.propertyPath(property);
        return PropertyChanges.put(template, path, value);
    }

    @Override
    public String describe() {
        return "Set " + String.join(".", property) + " of " + resource;
    }
}
