package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.ResourceGroup;
import dev.stackdraft.template.ResourceGroups;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Changes to Infrastructure Composer's groups ({@link ResourceGroups}), gathered and then written as the fewest
 * changes: a member taken out of its group, a group left empty by that going too (and leaving the group it is nested
 * in), an {@code AWS::Composer::Groups} left without groups going, and a {@code Metadata} left empty with it.
 */
final class GroupEdits {

    private static final Set<String> HEAD = Set.of("AWSTemplateFormatVersion", "Transform", "Description");

    private final Template template;
    private final Map<String, List<String>> original = new LinkedHashMap<>();
    private final Map<String, List<String>> members = new LinkedHashMap<>();
    private final Set<String> removed = new HashSet<>();
    private final Map<String, Value> created = new LinkedHashMap<>();

    GroupEdits(Template template) {
        this.template = template;
        for (ResourceGroup group : ResourceGroups.of(template)) {
            original.put(group.id(), group.members());
            members.put(group.id(), new ArrayList<>(group.members()));
        }
    }

    List<ResourceGroup> groups() {
        return ResourceGroups.of(template);
    }

    Optional<String> parentOf(String member) {
        return members.entrySet().stream().filter(e -> !removed.contains(e.getKey()) && e.getValue().contains(member))
                .map(Map.Entry::getKey).findFirst();
    }

    /** Takes {@code ids} out of every group but {@code except}; a group that is left empty goes, and so on upwards. */
    GroupEdits takeOut(Set<String> ids, String except) {
        Set<String> leaving = new HashSet<>(ids);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, List<String>> group : members.entrySet()) {
                String id = group.getKey();
                if (removed.contains(id) || id.equals(except) || !group.getValue().removeIf(leaving::contains)) {
                    continue;
                }
                if (group.getValue().isEmpty()) {
                    removed.add(id);
                    leaving.add(id);
                    changed = true;
                }
            }
        }
        return this;
    }

    GroupEdits takeOut(Set<String> ids) {
        return takeOut(ids, "");
    }

    void setMembers(String id, List<String> newMembers) {
        members.put(id, new ArrayList<>(newMembers));
    }

    void create(String id, String label, List<String> newMembers) {
        created.put(id, group(label, newMembers));
        members.put(id, new ArrayList<>(newMembers));
    }

    /** Removes the group; what named it as a member no longer does (a group left empty by that goes too). */
    void remove(String id) {
        removed.add(id);
        takeOut(Set.of(id));
    }

    boolean isRemoved(String id) {
        return removed.contains(id);
    }

    static Value group(String label, List<String> members) {
        return Value.mapping(List.of(Value.entry("Label", Value.string(label)),
                Value.entry("Members", Value.sequence(members.stream().map(Value::string).toList()))));
    }

    List<Change> changes() {
        List<Change> changes = new ArrayList<>();
        DocPath section = ResourceGroups.PATH;
        boolean anyLeft = !created.isEmpty() || original.keySet().stream().anyMatch(id -> !removed.contains(id));
        if (!anyLeft) {
            return original.isEmpty() ? changes : PropertyChanges.remove(template, section, 0);
        }
        if (!original.isEmpty() && removed.containsAll(original.keySet())) {
            // the old groups all go and new ones come: one mapping in place of the other
            List<Value.Entry> groups = new ArrayList<>();
            created.forEach((id, value) -> groups.add(Value.entry(id, value)));
            return List.of(new Change.Replace(section, Value.mapping(groups)));
        }
        for (String id : original.keySet()) {
            if (removed.contains(id)) {
                changes.add(new Change.RemoveKey(section, id));
            } else if (!members.get(id).equals(original.get(id))) {
                DocPath list = section.child(id).child("Members");
                changes.addAll(template.at(list).isPresent() ? ListDiff.of(template, list, members.get(id))
                        : PropertyChanges.put(template, list, Value.sequence(members.get(id).stream().map(Value::string).toList())));
            }
        }
        if (!created.isEmpty() && template.root().get("Metadata").isEmpty()) {
            List<Value.Entry> groups = new ArrayList<>();
            created.forEach((id, value) -> groups.add(Value.entry(id, value)));
            Value metadata = Value.mapping(List.of(Value.entry("AWS::Composer::Groups", Value.mapping(groups))));
            int index = metadataIndex();
            // above the first key stand the file's header comments, which would then seem to be Metadata's own
            changes.add(index == 0 ? new Change.Put(DocPath.ROOT, "Metadata", metadata)
                    : new Change.PutAt(DocPath.ROOT, index, "Metadata", metadata));
        } else {
            created.forEach((id, value) -> changes.addAll(PropertyChanges.put(template, section.child(id), value)));
        }
        return changes;
    }

    /**
     * Where CloudFormation's own order puts Metadata: after the version, transform and description, before the rest;
     * 0 when the template starts with the rest.
     */
    private int metadataIndex() {
        List<String> keys = template.root().keys();
        for (int i = 0; i < keys.size(); i++) {
            if (!HEAD.contains(keys.get(i))) {
                return i;
            }
        }
        return keys.size();
    }
}
