package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.Reference;
import dev.stackdraft.template.References;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import java.util.List;

/** Removes a resource, with the comments just above it; refused while anything still refers to it. */
public record RemoveResource(String id) implements EditCommand {

    @Override
    public List<Change> changes(Template template) {
        Resource resource = Refusals.resource(template, id);
        List<Reference> users = References.in(template).stream()
                .filter(r -> r.target().equals(id) && r.kind() != Reference.Kind.CONDITION)
                .filter(r -> !r.path().startsWith(resource.path()))
                .toList();
        if (!users.isEmpty()) {
            throw Refusals.at(template, resource, id + " is still used at line"
                    + (users.size() > 1 ? "s " : " ") + String.join(", ", users.stream().map(r -> Integer.toString(r.span().line())).distinct().toList()),
                    "remove or change those references first");
        }
        // a serverless.yml's resources.Resources section goes with its last resource; a template keeps Resources
        return PropertyChanges.remove(template, resource.path(), template.dialect() == Dialect.SERVERLESS ? 0 : 1);
    }

    @Override
    public String describe() {
        return "Remove " + id;
    }
}
