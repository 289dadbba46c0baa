package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.ResourceGroup;
import dev.stackdraft.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Removes an Infrastructure Composer group; its members stay in the template. Where the group was nested in another,
 * its members take its place there; an {@code AWS::Composer::Groups} left without groups goes, and a {@code Metadata}
 * left empty with it.
 */
public record RemoveGroup(String id) implements EditCommand {

    @Override
    public List<Change> changes(Template template) {
        GroupEdits edits = new GroupEdits(template);
        ResourceGroup group = edits.groups().stream().filter(g -> g.id().equals(id)).findFirst()
                .orElseThrow(() -> Refusals.file(template, "there is no group '" + id + "'",
                        "groups here: " + String.join(", ", edits.groups().stream().map(ResourceGroup::id).toList())));
        Optional<String> parent = edits.parentOf(id);
        if (parent.isPresent() && !group.members().isEmpty()) {
            List<String> spliced = new ArrayList<>();
            for (ResourceGroup g : edits.groups()) {
                if (g.id().equals(parent.get())) {
                    for (String member : g.members()) {
                        if (member.equals(id)) {
                            group.members().stream().filter(m -> !spliced.contains(m)).forEach(spliced::add);
                        } else if (!spliced.contains(member)) {
                            spliced.add(member);
                        }
                    }
                }
            }
            edits.setMembers(parent.get(), spliced);
        }
        edits.remove(id);
        return edits.changes();
    }

    @Override
    public String describe() {
        return "Remove group " + id;
    }
}
