package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import java.util.List;

/** Removes a property of a resource; mappings left empty by it go too, the resource itself stays. */
public record RemoveProperty(String resource, List<String> property) implements EditCommand {

    public RemoveProperty {
        property = List.copyOf(property);
    }

    @Override
    public List<Change> changes(Template template) {
        Resource target = Refusals.resource(template, resource);
        DocPath path = target.propertyPath(property);
        if (template.at(path).isEmpty()) {
            throw Refusals.at(template, target, resource + " has no property " + String.join(".", property), "");
        }
        return PropertyChanges.remove(template, path, target.path().segments().size());
    }

    @Override
    public String describe() {
        return "Remove " + String.join(".", property) + " of " + resource;
    }
}
