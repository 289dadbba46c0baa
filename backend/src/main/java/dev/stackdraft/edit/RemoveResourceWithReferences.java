package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Mapping;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes a resource and every place that refers to it, each taken away whole: an environment variable, a policy, a
 * layer, an event, a DependsOn name, an output, the top-level property of another resource ({@code Role: !GetAtt
 * R.Arn}); a resource that only links to it (a connector, a permission, a subscription ...) goes whole, and what
 * refers to that in turn. Lists and mappings left empty go too, comments just above what goes go with it, and the
 * resources that go leave their Infrastructure Composer groups. See {@link #places} for what it takes away.
 */
public record RemoveResourceWithReferences(String id) implements EditCommand {

    @Override
    public List<Change> changes(Template template) {
        RemovalPlan plan = RemovalPlan.of(template, id);
        List<Change> changes = new ArrayList<>();
        for (DocPath place : plan.units()) {
            DocPath parent = place.parent();
            Value container = template.at(parent).orElseThrow();
            changes.add(container instanceof Mapping ? new Change.RemoveKey(parent, (String) place.last())
                    : new Change.RemoveItem(parent, (Integer) place.last()));
        }
        changes.addAll(new GroupEdits(template).takeOut(plan.resources()).changes());
        return changes;
    }

    /**
     * What this takes away besides the resource itself, each place once, in file order: entries, list items and whole
     * resources; empty when nothing refers to it.
     *
     * @throws EditRefusedException as {@link #changes} would (a reference it cannot take away, where it stands)
     */
    public List<DocPath> places(Template template) {
        DocPath own = Refusals.resource(template, id).path();
        return RemovalPlan.of(template, id).units().stream().filter(p -> !p.equals(own)).toList();
    }

    @Override
    public String describe() {
        return "Remove " + id + " with what refers to it";
    }
}
