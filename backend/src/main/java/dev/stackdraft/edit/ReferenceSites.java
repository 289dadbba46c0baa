package dev.stackdraft.edit;

import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Reference;
import dev.stackdraft.template.References;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.SamDerivedNames;
import dev.stackdraft.template.ServerlessNames;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every place that names a resource, by resource: the {@link References} of the template (Ref, GetAtt, Sub, DependsOn;
 * condition names aside), including the names a resource lends (the {@code MyFunctionRole} SAM derives from
 * {@code MyFunction}, the {@code HelloLambdaFunction} the Serverless Framework makes of {@code hello}), and the bare
 * ids a SAM connector names its ends by, which no intrinsic function marks.
 */
final class ReferenceSites {

    /** Where a connector end may name a resource by plain id or name. */
    private static final List<String> END_KEYS = List.of("Id", "ResourceId", "Name", "QueueUrl", "RoleName");

    private final Map<String, List<DocPath>> byResource = new LinkedHashMap<>();

    private ReferenceSites() {}

    static ReferenceSites of(Template template) {
        ReferenceSites sites = new ReferenceSites();
        Map<String, String> names = new HashMap<>();
        template.resources().forEach(r -> names.putIfAbsent(r.id().value(), r.id().value()));
        if (template.dialect() == Dialect.SERVERLESS) {
            template.resources().forEach(r -> ServerlessNames.logicalId(r).ifPresent(id -> names.putIfAbsent(id, r.id().value())));
        }
        SamDerivedNames derived = SamDerivedNames.of(template);
        for (Reference reference : References.in(template)) {
            if (reference.kind() == Reference.Kind.CONDITION || reference.isPseudoParameter()) {
                continue;
            }
            Optional.ofNullable(names.get(reference.target())).or(() -> derived.owner(reference.target()))
                    .ifPresent(id -> sites.add(id, reference.path()));
        }
        for (Resource resource : template.resources()) {
            if (resource.type().equals(ResourceType.SAM_CONNECTOR)) {
                resource.property("Source").ifPresent(v -> sites.ends(v, resource.propertiesPath().child("Source"), names));
                resource.property("Destination").ifPresent(v -> sites.ends(v, resource.propertiesPath().child("Destination"), names));
            }
            resource.definition().mapping("Connectors").ifPresent(connectors -> {
                for (Value.Entry connector : connectors.entries()) {
                    DocPath path = resource.path().child("Connectors").child(connector.name()).child("Properties").child("Destination");
                    template.at(path).ifPresent(v -> sites.ends(v, path, names));
                }
            });
        }
        return sites;
    }

    /** The places that name {@code id}, in the order found (the resource's own among them). */
    List<DocPath> of(String id) {
        return byResource.getOrDefault(id, List.of());
    }

    private void add(String id, DocPath path) {
        byResource.computeIfAbsent(id, k -> new ArrayList<>()).add(path);
    }

    private void ends(Value value, DocPath path, Map<String, String> names) {
        if (value instanceof Sequence list) {
            for (int i = 0; i < list.items().size(); i++) {
                ends(list.items().get(i), path.child(i), names);
            }
        } else if (value instanceof Mapping end) {
            for (String key : END_KEYS) {
                if (end.get(key).orElse(null) instanceof Scalar name && names.containsKey(name.text().strip())) {
                    add(names.get(name.text().strip()), path.child(key));
                }
            }
        }
    }
}
