package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.Reference;
import dev.stackdraft.template.References;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Removes a resource, with the comments just above it, and takes it out of its Infrastructure Composer group; refused
 * while anything still refers to it (see {@link RemoveResourceWithReferences} for taking those away too).
 */
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
        List<Change> changes = new ArrayList<>(PropertyChanges.remove(template, resource.path(),
                template.dialect() == Dialect.SERVERLESS ? 0 : 1));
        changes.addAll(new GroupEdits(template).takeOut(Set.of(id)).changes());
        return changes;
    }

    @Override
    public String describe() {
        return "Remove " + id;
    }
}
