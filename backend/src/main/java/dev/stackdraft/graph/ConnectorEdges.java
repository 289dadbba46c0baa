package dev.stackdraft.graph;

import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Fn;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import java.util.List;
import java.util.Optional;

/**
 * SAM connectors: an {@code AWS::Serverless::Connector}'s {@code Source} and {@code Destination} (one or a
 * list), and the {@code Connectors:} a resource embeds, whose source is that resource (and which SAM turns into
 * resources of their own, so the destination is no dependency of the embedding resource). An end is named by
 * {@code Id: LogicalId} (a bare id, no Ref), or by a Ref / GetAtt / Sub / literal ARN in {@code Arn},
 * {@code ResourceId}, {@code Name}, {@code QueueUrl} or {@code RoleName}; a literal there names something
 * outside the template, an external node. A standalone connector's own Refs and GetAtts are edges of the
 * connector as well (see {@link EdgeCollector}).
 */
final class ConnectorEdges {

    static final ResourceType CONNECTOR = ResourceType.SAM_CONNECTOR;
    /** Where an end says which thing it is. */
    private static final List<String> IDENTITY_KEYS = List.of("Id", "Arn", "ResourceId", "Name", "QueueUrl");
    /** Where an end without an {@code Id} or ARN gives a name; a role last, it only acts for the end. */
    private static final List<String> NAME_KEYS = List.of("ResourceId", "Name", "QueueUrl", "RoleName");
    private static final String ROLE = "AWS::IAM::Role";

    private ConnectorEdges() {}

    static void scan(Resource resource, Sites sites) {
        if (resource.type().equals(CONNECTOR)) {
            DocPath properties = resource.propertiesPath();
            resource.property("Source").ifPresent(v -> end(v, properties.child("Source"), Role.CONNECTOR_SOURCE, sites));
            resource.property("Destination")
                    .ifPresent(v -> end(v, properties.child("Destination"), Role.CONNECTOR_DESTINATION, sites));
        }
        resource.definition().mapping("Connectors").ifPresent(connectors -> {
            for (Entry connector : connectors.entries()) {
                if (connector.value() instanceof Mapping definition) {
                    DocPath path = resource.path().child("Connectors").child(connector.name()).child("Properties");
                    definition.mapping("Properties").flatMap(p -> p.get("Destination"))
                            .ifPresent(v -> end(v, path.child("Destination"), Role.EMBEDDED_DESTINATION, sites));
                    sites.movedOut(path);
                }
            }
        });
    }

    private static void end(Value value, DocPath path, Role role, Sites sites) {
        sites.place(path, role);
        if (value instanceof Sequence seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                literals(seq.items().get(i), path.child(i), role, sites);
            }
        } else {
            literals(value, path, role, sites);
        }
    }

    /**
     * The mentions the reference walk does not see in one end: its {@code Id}, a literal ARN (or one built by
     * {@code Fn::Sub} from pseudo parameters only), and where nothing else in the end names it, the literal
     * name of something outside the template in {@code ResourceId}, {@code Name}, {@code QueueUrl} or
     * {@code RoleName}, with the end's {@code Type} ({@code RoleName} always names a role). Beside any of the
     * others, {@code RoleName} names no end, only what the connector refers to.
     */
    private static void literals(Value end, DocPath path, Role role, Sites sites) {
        if (!(end instanceof Mapping m)) {
            return;
        }
        if (role != Role.EMBEDDED_DESTINATION && IDENTITY_KEYS.stream().anyMatch(k -> m.get(k).isPresent())) {
            // the role a function or state machine acts with is not the end itself: only the connector uses it
            sites.place(path.child("RoleName"), Role.GENERIC);
        }
        Optional<Mention> id = m.get("Id").flatMap(v -> Mentions.logicalId(v, path.child("Id")));
        Optional<Mention> arn = m.get("Arn").flatMap(v -> arn(v, path.child("Arn")));
        id.ifPresent(sites::mention);
        arn.ifPresent(sites::mention);
        if (id.isPresent() || arn.isPresent() || !Mentions.below(m, path).isEmpty()) {
            return;
        }
        String type = m.get("Type").orElse(null) instanceof Scalar t && !t.text().isBlank() ? t.text() : ArnTypes.UNKNOWN;
        for (String key : NAME_KEYS) {
            if (m.get(key).orElse(null) instanceof Scalar name && !name.isNull() && !name.text().isBlank()) {
                sites.mention(new Mention(Mention.Kind.NAME, name.text().strip(), false, path.child(key), name.span(),
                        key.equals("RoleName") ? ROLE : type));
                return;
            }
        }
    }

    private static Optional<Mention> arn(Value value, DocPath path) {
        if (value instanceof Intrinsic fn && fn.fn() == Fn.SUB && fn.argument() instanceof Scalar s
                && s.text().startsWith("arn:") && Mentions.below(value, path).isEmpty()) {
            return Optional.of(new Mention(Mention.Kind.ARN, s.text(), false, path, s.span()));
        }
        return Mentions.arn(value, path);
    }
}
