package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Fn;
import dev.stackdraft.template.Reference;
import dev.stackdraft.template.References;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import dev.stackdraft.template.Value.Tagged;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Undoes {@link UseExisting}: every {@code !If [<Resource>IsNew, X, ...]} becomes X again as it was written, connector
 * ends get their {@code Id} back, the {@code Condition}s, the condition and the parameters go (their sections too where
 * nothing else is left in them). On a template nothing else changed, the result is the template before, byte for byte.
 * Values set in samconfig.toml stay; {@code use-existing clear} removes them too.
 */
public record StopUsingExisting(String resource) implements EditCommand {

    private static final DocPath KEPT = DocPath.of("Fn::If", 1);

    @Override
    public List<Change> changes(Template template) {
        Resource switched = Refusals.resource(template, resource);
        ExistingSwitch existing = ExistingSwitch.of(template, resource).orElseThrow(() -> Refusals.at(template, switched,
                "'" + resource + "' does not use an existing resource per environment", "nothing to stop"));
        List<Change> changes = new ArrayList<>();
        Set<DocPath> ends = new LinkedHashSet<>();
        connectorEnds(template, existing, changes, ends);
        List<DocPath> ifs = new ArrayList<>();
        findIfs(template.root(), DocPath.ROOT, existing, ifs);
        for (DocPath path : ifs) {
            if (ends.stream().noneMatch(path::startsWith)) {
                changes.add(new Change.Unwrap(path, KEPT));
            }
        }
        existing.conditioned(template).forEach(path -> changes.add(new Change.RemoveKey(path, "Condition")));
        Set<String> stillUsed = usedOutside(template, ifs, ends, existing);
        for (String parameter : List.of(existing.parameter(), existing.condition())) {
            if (stillUsed.contains(parameter)) {
                throw Refusals.file(template, "'" + parameter + "' is used elsewhere too, not only by Use Existing of " + resource,
                        "take those uses away first");
            }
        }
        changes.addAll(ExistingSections.remove(template, "Parameters", existing.perEnvironmentParameters().stream()
                .filter(p -> !stillUsed.contains(p)).toList()));
        changes.addAll(ExistingSections.remove(template, "Conditions", List.of(existing.condition())));
        return changes;
    }

    /** Connector ends UseExisting turned into {@code Type} and {@code Arn: !If [...]}: back to {@code Id}. */
    private void connectorEnds(Template template, ExistingSwitch existing, List<Change> changes, Set<DocPath> ends) {
        List<DocPath> candidates = new ArrayList<>();
        for (Resource r : template.resources()) {
            if (r.type().equals(ResourceType.SAM_CONNECTOR)) {
                candidates.add(r.propertiesPath().child("Source"));
                candidates.add(r.propertiesPath().child("Destination"));
            }
            r.definition().mapping("Connectors").ifPresent(connectors -> connectors.entries().forEach(c ->
                    candidates.add(r.path().child("Connectors").child(c.name()).child("Properties").child("Destination"))));
        }
        for (DocPath candidate : candidates) {
            Value value = template.at(candidate).orElse(null);
            List<DocPath> paths = new ArrayList<>();
            if (value instanceof Sequence list) {
                for (int i = 0; i < list.items().size(); i++) {
                    paths.add(candidate.child(i));
                }
            } else {
                paths.add(candidate);
            }
            for (DocPath path : paths) {
                // UseExisting writes Type after the Arn that took the Id's place; ends written by hand as Type and Arn
                // (whose Arn it wrapped) have Type first
                if (template.at(path).orElse(null) instanceof Mapping end && end.get("Arn").filter(existing::isIf).isPresent()
                        && namesResource(((Sequence) ((Intrinsic) end.get("Arn").get()).argument()).items().get(1))
                        && end.keys().indexOf("Type") > end.keys().indexOf("Arn") && end.get("Id").isEmpty()) {
                    changes.add(new Change.Replace(path.child("Arn"), Value.string(resource)));
                    changes.add(new Change.RenameKey(path, "Arn", "Id"));
                    changes.add(new Change.RemoveKey(path, "Type"));
                    for (String added : List.of("Name", "QueueUrl")) {
                        if (end.get(added).filter(existing::isIf).isPresent()) {
                            changes.add(new Change.RemoveKey(path, added));
                        }
                    }
                    ends.add(path);
                }
            }
        }
    }

    private boolean namesResource(Value created) {
        return created instanceof Intrinsic fn && (fn.fn() == Fn.REF && fn.argument() instanceof Scalar s && s.text().equals(resource)
                || fn.fn() == Fn.GET_ATT && fn.argument() instanceof Scalar a && a.text().startsWith(resource + "."));
    }

    /** The outermost {@code !If}s of the switch's condition. */
    private static void findIfs(Value value, DocPath path, ExistingSwitch existing, List<DocPath> out) {
        if (existing.isIf(value)) {
            out.add(path);
            return;
        }
        switch (value) {
            case Mapping m -> {
                for (Entry e : m.entries()) {
                    findIfs(e.value(), path.child(e.name()), existing, out);
                }
            }
            case Sequence s -> {
                for (int i = 0; i < s.items().size(); i++) {
                    findIfs(s.items().get(i), path.child(i), existing, out);
                }
            }
            case Intrinsic fn -> findIfs(fn.argument(), path.child(fn.fn().longName()), existing, out);
            case Tagged t -> findIfs(t.value(), path.child(t.tag()), existing, out);
            case Scalar s -> { }
        }
    }

    /** The names still referred to once the Ifs, connector ends and Conditions of the switch are gone. */
    private static Set<String> usedOutside(Template template, List<DocPath> ifs, Set<DocPath> ends, ExistingSwitch existing) {
        Set<DocPath> gone = new LinkedHashSet<>(ends);
        ifs.forEach(p -> gone.add(p.child("Fn::If").child(0)));
        ifs.forEach(p -> gone.add(p.child("Fn::If").child(2)));
        gone.add(Sections.path(template, "Conditions", existing.condition()));
        existing.conditioned(template).forEach(p -> gone.add(p.child("Condition")));
        Set<String> used = new LinkedHashSet<>();
        for (Reference reference : References.in(template)) {
            if (gone.stream().noneMatch(reference.path()::startsWith)) {
                used.add(reference.target());
            }
        }
        return used;
    }

    @Override
    public String describe() {
        return "Stop using an existing resource for " + resource + ": create it everywhere";
    }
}
