package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.ResourceGroup;
import dev.stackdraft.template.ResourceGroups;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Creates or changes an Infrastructure Composer group ({@code Metadata: AWS::Composer::Groups}), in the form Composer
 * writes, so that teams can move between it and Stackdraft. A member is a resource or another group; each is in at
 * most one group, so a member leaves the group it was in (a group left empty by that goes).
 */
public record SetGroup(String id, String label, List<String> members) implements EditCommand {

    public SetGroup {
        members = List.copyOf(members);
    }

    @Override
    public List<Change> changes(Template template) {
        if (template.dialect() == Dialect.SERVERLESS) {
            throw Refusals.file(template, "Infrastructure Composer groups belong to SAM and CloudFormation templates",
                    "a serverless.yml has no top-level Metadata for them");
        }
        if (!id.matches("[A-Za-z0-9]+")) {
            throw Refusals.file(template, "'" + id + "' is not a valid group id", "use letters and digits only, as Composer does (Group, Group2 ...)");
        }
        if (template.root().get("Metadata").filter(m -> !(m instanceof Value.Mapping)
                && !(m instanceof Value.Scalar s && s.isNull())).isPresent()) {
            throw Refusals.at(template, template.root().get("Metadata").orElseThrow(), "the top-level Metadata is not a mapping",
                    "make it a mapping first");
        }
        GroupEdits edits = new GroupEdits(template);
        List<ResourceGroup> groups = edits.groups();
        Optional<ResourceGroup> existing = groups.stream().filter(g -> g.id().equals(id)).findFirst();
        if (existing.isEmpty() && template.resource(id).isPresent()) {
            throw Refusals.file(template, "'" + id + "' is the id of a resource", "give the group an id of its own");
        }
        check(template, groups, existing);
        edits.takeOut(new HashSet<>(members), id);
        for (String member : members) {
            if (edits.isRemoved(member)) {
                throw Refusals.file(template, "group '" + member + "' would be left empty by this",
                        "put its members into '" + id + "' instead of the group, or remove the group");
            }
        }
        List<Change> changes = new ArrayList<>();
        if (existing.isEmpty()) {
            edits.create(id, label, members);
        } else {
            edits.setMembers(id, members);
            DocPath group = ResourceGroups.PATH.child(id);
            if (!existing.get().label().equals(label) || template.at(group.child("Label")).isEmpty()) {
                changes.addAll(PropertyChanges.put(template, group.child("Label"), Value.string(label)));
            }
        }
        changes.addAll(edits.changes());
        return changes;
    }

    /** Members must be resources or other groups (or stay as they were written), each once, and nest no group in itself. */
    private void check(Template template, List<ResourceGroup> groups, Optional<ResourceGroup> existing) {
        Set<String> seen = new HashSet<>();
        Set<String> groupIds = new HashSet<>();
        groups.forEach(g -> groupIds.add(g.id()));
        List<String> kept = existing.map(ResourceGroup::members).orElse(List.of());
        for (String member : members) {
            if (!seen.add(member)) {
                throw Refusals.file(template, "'" + member + "' is listed twice", "name each member once");
            }
            if (member.equals(id) || groupIds.contains(member) && contains(groups, member, id)) {
                throw Refusals.file(template, "group '" + member + "' cannot be put inside '" + id + "'",
                        "'" + id + "' is " + (member.equals(id) ? "that group itself" : "inside it"));
            }
            if (template.resource(member).isEmpty() && !groupIds.contains(member) && !kept.contains(member)) {
                throw Refusals.file(template, "there is no resource or group '" + member + "'",
                        "members are logical ids of resources, or ids of other groups");
            }
        }
    }

    /** Whether {@code group} holds {@code id}, directly or through the groups nested in it. */
    private static boolean contains(List<ResourceGroup> groups, String group, String id) {
        Set<String> seen = new HashSet<>();
        List<String> open = new ArrayList<>(List.of(group));
        while (!open.isEmpty()) {
            String next = open.removeLast();
            if (!seen.add(next)) {
                continue;
            }
            for (ResourceGroup g : groups) {
                if (g.id().equals(next)) {
                    if (g.members().contains(id)) {
                        return true;
                    }
                    open.addAll(g.members());
                }
            }
        }
        return false;
    }

    @Override
    public String describe() {
        return "Set group '" + label + "' (" + String.join(", ", members) + ")";
    }
}
