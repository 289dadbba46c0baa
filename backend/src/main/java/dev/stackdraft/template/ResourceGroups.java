package dev.stackdraft.template;

import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The groups Infrastructure Composer keeps at a template's top level, in the form it writes:
 * <pre>
 * Metadata:
 *   AWS::Composer::Groups:
 *     Group:
 *       Label: Group
 *       Members:
 *         - Api
 *         - Function
 * </pre>
 * A member names a resource or another group (Composer nests groups that way). They are no references: the graph,
 * validation and CloudFormation ignore them; only the editor keeps them in step with the resources.
 */
public final class ResourceGroups {

    /** Where the groups live, below the root. */
    public static final DocPath PATH = DocPath.of("Metadata", "AWS::Composer::Groups");

    private ResourceGroups() {}

    /** The groups in file order; a group without a {@code Label} is labelled with its id, unknown members kept as written. */
    public static List<ResourceGroup> of(Template template) {
        List<ResourceGroup> groups = new ArrayList<>();
        section(template).ifPresent(section -> {
            for (Entry entry : section.entries()) {
                // a repeated group id means its last definition, as for any key
                if (entry.value() instanceof Mapping group && section.entry(entry.name()).orElseThrow() == entry) {
                    String label = group.string("Label").orElse(entry.name());
                    groups.add(new ResourceGroup(entry.name(), label, members(group)));
                }
            }
        });
        return groups;
    }

    /** The {@code AWS::Composer::Groups} mapping, when the template has one. */
    public static Optional<Mapping> section(Template template) {
        return template.at(PATH).filter(Mapping.class::isInstance).map(Mapping.class::cast);
    }

    private static List<String> members(Mapping group) {
        List<String> members = new ArrayList<>();
        if (group.get("Members").orElse(null) instanceof Sequence list) {
            for (Value item : list.items()) {
                if (item instanceof Scalar s && !s.isNull()) {
                    members.add(s.text());
                }
            }
        }
        return members;
    }
}
