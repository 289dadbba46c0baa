package dev.stackdraft.edit;

import dev.stackdraft.catalog.ConnectorAccess;
import dev.stackdraft.catalog.ConnectorProfile;
import dev.stackdraft.catalog.ResourceCatalog;
import dev.stackdraft.template.Change;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Adds an {@code AWS::Serverless::Connector} at the end of Resources: {@code Source: {Id: source}},
 * {@code Destination: {Id: destination}}, {@code Permissions: [Read, Write]}. Refused unless SAM's connector
 * profiles have the pair (by the CloudFormation types SAM types become) and accept exactly those permissions.
 */
public record AddConnector(String id, String source, String destination, Set<ConnectorAccess> permissions)
        implements EditCommand {

    public static final String TYPE = "AWS::Serverless::Connector";

    public AddConnector {
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    @Override
    public List<Change> changes(Template template) {
        if (!template.isSam()) {
            throw Refusals.file(template, "connectors need the SAM transform (Transform: AWS::Serverless-2016-10-31)",
                    "add the transform, or write the IAM policy by hand");
        }
        Resource from = Refusals.resource(template, source);
        // a parameter standing for a referenced resource (an ARN outside the stack): SAM takes its Type and Arn
        java.util.Optional<String> referenced = dev.stackdraft.graph.ResourceGraph.referencedType(template, destination);
        String destinationType = ConnectorProfile.endType(referenced.orElseGet(() ->
                Refusals.resource(template, destination).type().value()));
        String sourceType = ConnectorProfile.endType(from.type().value());
        ConnectorProfile profile = ResourceCatalog.bundled().connectorProfile(sourceType, destinationType)
                .orElseThrow(() -> Refusals.at(template, from, "SAM has no connector from " + sourceType + " to " + destinationType,
                        "connect them with a policy or an environment variable instead"));
        if (!profile.accepts(permissions)) {
            throw Refusals.at(template, from, "a connector from " + sourceType + " to " + destinationType + " does not take "
                    + names(permissions), "SAM accepts " + String.join(" or ", profile.combinations().stream()
                    .map(AddConnector::names).toList()));
        }
        List<Value> granted = ordered(permissions).stream().<Value>map(a -> Value.string(a.templateName())).toList();
        return new AddResource(id, TYPE, List.of(
                Value.entry("Source", Value.mapping(List.of(Value.entry("Id", Value.string(source))))),
                Value.entry("Destination", referenced.isPresent()
                        ? Value.mapping(List.of(Value.entry("Type", Value.string(referenced.get())),
                                Value.entry("Arn", Value.ref(destination))))
                        : Value.mapping(List.of(Value.entry("Id", Value.string(destination))))),
                Value.entry("Permissions", Value.sequence(granted)))).changes(template);
    }

    private static List<ConnectorAccess> ordered(Set<ConnectorAccess> permissions) {
        return permissions.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(permissions));
    }

    /** {@code Read, Write}, or {@code no permissions}. */
    private static String names(Set<ConnectorAccess> permissions) {
        return permissions.isEmpty() ? "no permissions"
                : String.join(", ", ordered(permissions).stream().map(ConnectorAccess::templateName).toList());
    }

    @Override
    public String describe() {
        return "Add connector " + id + " (" + names(permissions) + " from " + source + " to " + destination + ")";
    }
}
