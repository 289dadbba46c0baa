package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.LogicalId;
import dev.stackdraft.template.Resolution;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import java.util.ArrayList;
import java.util.List;

/** Adds a resource at the end of Resources (of {@code resources.Resources} in a serverless.yml). */
public record AddResource(String id, String type, List<Entry> properties) implements EditCommand {

    public AddResource {
        properties = List.copyOf(properties);
    }

    @Override
    public List<Change> changes(Template template) {
        if (!new LogicalId(id).isValidForCloudFormation()) {
            throw Refusals.file(template, "'" + id + "' is not a valid logical id", "use letters and digits only (A-Z, a-z, 0-9)");
        }
        if (Resolution.referable(template).contains(id) || template.conditionNames().contains(id)) {
            throw Refusals.file(template, "'" + id + "' is already defined in this template", "choose another name");
        }
        if (!type.matches("[A-Za-z0-9]+::[A-Za-z0-9]+(::[A-Za-z0-9]+)?") ) {
            throw Refusals.file(template, "'" + type + "' is not a resource type", "resource types look like AWS::Service::Thing");
        }
        List<Entry> definition = new ArrayList<>();
        definition.add(Value.entry("Type", Value.string(type)));
        if (!properties.isEmpty()) {
            definition.add(Value.entry("Properties", Value.mapping(properties)));
        }
        DocPath resources = template.dialect() == Dialect.SERVERLESS ? DocPath.of("resources", "Resources") : DocPath.of("Resources");
        return PropertyChanges.put(template, resources.child(id), Value.mapping(definition));
    }

    @Override
    public String describe() {
        return "Add " + type + " " + id;
    }
}
