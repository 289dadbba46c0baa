package dev.stackdraft.graph;

import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Sequence;

/**
 * SAM connectors: an {@code AWS::Serverless::Connector}'s {@code Source} and {@code Destination} (one or a
 * list), and the {@code Connectors:} a resource embeds, whose source is that resource (and which SAM turns into
 * resources of their own, so the destination is no dependency of the embedding resource). An end is named by
 * {@code Id: LogicalId} (a bare id, no Ref), or by a Ref / GetAtt / literal ARN in {@code Arn},
 * {@code ResourceId}, {@code RoleName} and the like.
 */
final class ConnectorEdges {

    static final ResourceType CONNECTOR = ResourceType.SAM_CONNECTOR;

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
                literals(seq.items().get(i), path.child(i), sites);
            }
        } else {
            literals(value, path, sites);
        }
    }

    private static void literals(Value end, DocPath path, Sites sites) {
        if (end instanceof Mapping m) {
            m.get("Id").flatMap(id -> Mentions.logicalId(id, path.child("Id"))).ifPresent(sites::mention);
            m.get("Arn").flatMap(arn -> Mentions.arn(arn, path.child("Arn"))).ifPresent(sites::mention);
        }
    }
}
