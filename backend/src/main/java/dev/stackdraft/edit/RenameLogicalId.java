package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.LogicalId;
import dev.stackdraft.template.Reference;
import dev.stackdraft.template.References;
import dev.stackdraft.template.Resolution;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceGroups;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.SamDerivedNames;
import dev.stackdraft.template.SubString;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Renames a resource, parameter or condition and every reference to it: Ref, GetAtt (both forms), Sub
 * strings, DependsOn, Condition names, Outputs, connectors' {@code Id}s, the members of Infrastructure Composer
 * groups; for a SAM resource also the names the transform derives from it ({@code MyFunctionRole} follows
 * {@code MyFunction}), as {@link SamDerivedNames} tells them from the ids of other resources.
 */
public record RenameLogicalId(String from, String to) implements EditCommand {

    @Override
    public List<Change> changes(Template template) {
        DocPath section = section(template);
        if (!new LogicalId(to).isValidForCloudFormation() && template.dialect() != Dialect.SERVERLESS) {
            throw Refusals.file(template, "'" + to + "' is not a valid logical id", "use letters and digits only (A-Z, a-z, 0-9)");
        }
        if (Resolution.referable(template).contains(to) || template.conditionNames().contains(to)) {
            throw Refusals.file(template, "'" + to + "' is already defined in this template", "choose another name");
        }
        List<Change> changes = new ArrayList<>();
        changes.add(new Change.RenameKey(section, from, to));
        boolean condition = section.equals(DocPath.of("Conditions"));
        UnaryOperator<String> rename = condition ? name -> name.equals(from) ? to : name : renaming(template);
        List<Reference> references = References.in(template);
        java.util.Map<DocPath, Set<String>> subTargets = new java.util.HashMap<>();
        references.stream().filter(r -> r.kind() == Reference.Kind.SUB)
                .forEach(r -> subTargets.computeIfAbsent(r.path(), p -> new HashSet<>()).add(r.target()));
        Set<DocPath> rewritten = new HashSet<>();
        for (Reference reference : references) {
            boolean isCondition = reference.kind() == Reference.Kind.CONDITION;
            if (isCondition != condition || rename.apply(reference.target()).equals(reference.target())) {
                continue;
            }
            if (rewritten.add(reference.path())) {
                rewrite(template, reference, changes, rename, subTargets.getOrDefault(reference.path(), Set.of()));
            }
        }
        if (!condition) {
            connectorIds(template, changes);
            if (template.resource(from).isPresent()) {
                groupMembers(template, changes);
            }
        }
        return changes;
    }

    private DocPath section(Template template) {
        Optional<Resource> resource = template.resource(from);
        if (resource.isPresent()) {
            if (resource.get().type().equals(ResourceType.SERVERLESS_FUNCTION) || resource.get().type().equals(ResourceType.SERVERLESS_LAYER)) {
                throw Refusals.at(template, resource.get(), "renaming serverless.yml functions and layers is not supported yet",
                        "the Serverless Framework derives logical ids from these names; rename by hand");
            }
            return resource.get().path().parent();
        }
        if (template.parameter(from).isPresent()) {
            return DocPath.of("Parameters");
        }
        if (template.conditionNames().contains(from)) {
            return DocPath.of("Conditions");
        }
        throw Refusals.file(template, "nothing in this template is named '" + from + "'",
                "give the logical id of a resource, parameter or condition");
    }

    /**
     * What each name becomes: {@code from} becomes {@code to}, and a name SAM derives from {@code from} follows
     * it ({@code MyFunctionRole} → {@code NewNameRole}); a name that belongs to a longer id (beside a real
     * {@code StateMachineFunction}, {@code StateMachineFunctionRole} is that function's) or is defined itself stays.
     */
    private UnaryOperator<String> renaming(Template template) {
        SamDerivedNames derived = SamDerivedNames.of(template);
        Set<String> defined = Resolution.referable(template);
        return name -> {
            if (name.equals(from)) {
                return to;
            }
            if (derived.owner(name).filter(from::equals).isEmpty()) {
                return name;
            }
            String renamed = to + name.substring(from.length());
            if (defined.contains(renamed)) {
                // the reference would silently name that resource instead of what SAM derives
                throw Refusals.file(template, "'" + name + "', which SAM derives from " + from + ", would become '"
                        + renamed + "', a name this template already defines", "choose another name");
            }
            return renamed;
        };
    }

    private void rewrite(Template template, Reference reference, List<Change> changes, UnaryOperator<String> rename,
                         Set<String> subTargets) {
        Value value = template.at(reference.path()).orElseThrow();
        if (!(value instanceof Scalar scalar)) {
            return;
        }
        String text = switch (reference.kind()) {
            case SUB -> SubString.rename(scalar.text(), name -> subTargets.contains(name) ? rename.apply(name) : name);
            case GET_ATT -> scalar.text().contains(".") && scalar.text().startsWith(reference.target() + ".")
                    ? rename.apply(reference.target()) + scalar.text().substring(reference.target().length())
                    : rename.apply(reference.target());
            default -> rename.apply(reference.target());
        };
        if (!text.equals(scalar.text())) {
            changes.add(new Change.Replace(reference.path(), Value.string(text)));
        }
    }

    /** Connectors name their ends by plain {@code Id}, which no intrinsic function marks. */
    private void connectorIds(Template template, List<Change> changes) {
        for (Resource resource : template.resources()) {
            if (resource.type().value().equals("AWS::Serverless::Connector")) {
                endpoint(template, resource.propertiesPath(), "Source", changes);
                endpoint(template, resource.propertiesPath(), "Destination", changes);
            }
            resource.definition().mapping("Connectors").ifPresent(connectors -> {
                for (Value.Entry connector : connectors.entries()) {
                    endpoint(template, resource.path().child("Connectors").child(connector.name()).child("Properties"),
                            "Destination", changes);
                }
            });
        }
    }

    /** Infrastructure Composer's groups name their members by plain id as well. */
    private void groupMembers(Template template, List<Change> changes) {
        ResourceGroups.section(template).ifPresent(groups -> {
            for (Value.Entry group : groups.entries()) {
                if (group.value() instanceof Mapping m && m.get("Members").orElse(null) instanceof Value.Sequence list) {
                    for (int i = 0; i < list.items().size(); i++) {
                        if (list.items().get(i) instanceof Scalar member && member.text().equals(from)) {
                            changes.add(new Change.Replace(ResourceGroups.PATH.child(group.name()).child("Members").child(i),
                                    Value.string(to)));
                        }
                    }
                }
            }
        });
    }

    private void endpoint(Template template, DocPath properties, String end, List<Change> changes) {
        Optional<Value> value = template.at(properties.child(end));
        if (value.isEmpty()) {
            return;
        }
        List<DocPath> ends = new ArrayList<>();
        if (value.get() instanceof Value.Sequence seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                ends.add(properties.child(end).child(i));
            }
        } else {
            ends.add(properties.child(end));
        }
        for (DocPath path : ends) {
            if (template.at(path).orElse(null) instanceof Mapping m && m.get("Id").orElse(null) instanceof Scalar id
                    && id.text().equals(from)) {
                changes.add(new Change.Replace(path.child("Id"), Value.string(to)));
            }
        }
    }

    @Override
    public String describe() {
        return "Rename " + from + " to " + to;
    }
}
