package dev.stackdraft.editing.links;

import static dev.stackdraft.editing.links.LinkContext.id;

import dev.stackdraft.catalog.ConnectorAccess;
import dev.stackdraft.catalog.ConnectorProfile;
import dev.stackdraft.catalog.ResourceCatalog;
import dev.stackdraft.edit.AddConnector;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Fn;
import dev.stackdraft.template.References;
import dev.stackdraft.template.Resolution;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An {@code AWS::Serverless::Connector} from one resource to the other, wherever SAM's connector profiles have the
 * pair (by the CloudFormation types SAM types become): one option per permission combination the profile accepts,
 * less those a connector between the two grants already. Left out for resources under a condition, which a
 * connector would have to share, and for a function or state machine whose role SAM cannot find.
 */
final class ConnectorLinks implements Linker {

    /** Where a CloudFormation type names the role it acts with, as SAM's connector profiles read it. */
    private static final Map<String, String> ROLE_PROPERTY = Map.of("AWS::Lambda::Function", "Role",
            "AWS::StepFunctions::StateMachine", "RoleArn", "AWS::AppSync::DataSource", "ServiceRoleArn");

    private final ResourceCatalog catalog;

    ConnectorLinks(ResourceCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<LinkOption> options(LinkContext context, Resource source, Resource destination) {
        Template template = context.template();
        if (!template.isSam() || source.condition().isPresent() || destination.condition().isPresent()
                || !roleKnown(template, source) || !roleKnown(template, destination)) {
            return List.of();
        }
        ConnectorProfile profile = catalog.connectorProfile(ConnectorProfile.endType(source.type().value()),
                ConnectorProfile.endType(destination.type().value())).orElse(null);
        if (profile == null) {
            return List.of();
        }
        List<Set<ConnectorAccess>> granted = granted(template, id(source), id(destination));
        Set<String> taken = new HashSet<>(Resolution.referable(template));
        taken.addAll(template.conditionNames());
        String connector = Names.unique(id(source) + "To" + id(destination) + "Connector", taken);
        List<LinkOption> options = new ArrayList<>();
        for (Set<ConnectorAccess> permissions : profile.combinations()) {
            if (granted.stream().anyMatch(g -> g.containsAll(permissions))) {
                continue;
            }
            String names = String.join(" and ", permissions.stream().map(ConnectorAccess::templateName).toList());
            options.add(new LinkOption(LinkOption.CONNECTOR,
                    "Connector " + names + " (" + id(source) + " → " + id(destination) + ")",
                    "Connector " + connector + " (Source " + id(source) + ", Destination " + id(destination)
                            + ", Permissions " + names + "): SAM turns it into the IAM policy or resource permission its"
                            + " connector profile gives " + profile.sourceType() + " to " + profile.destinationType() + ".",
                    new AddConnector(connector, id(source), id(destination), permissions)));
        }
        return options;
    }

    /**
     * Whether SAM can find the role a connector end acts with, where its type has one (a connector's policy is
     * attached to it): one SAM makes for a SAM function or state machine without a role, else a Ref / GetAtt of a
     * resource of the template; not a literal ARN, and not nothing on a plain Lambda function or state machine.
     */
    private static boolean roleKnown(Template template, Resource end) {
        String property = ROLE_PROPERTY.get(ConnectorProfile.endType(end.type().value()));
        if (property == null) {
            return true;
        }
        Value role = end.property(end.type().isSam() ? "Role" : property).orElse(null);
        if (role == null) {
            return end.type().isSam();
        }
        return role instanceof Intrinsic fn && (fn.fn() == Fn.REF || fn.fn() == Fn.GET_ATT)
                && References.below(fn, DocPath.ROOT).stream().findFirst()
                .filter(r -> template.resource(r.target()).isPresent()).isPresent();
    }

    /** The permissions of the connectors from {@code source} to {@code destination}: standalone or embedded. */
    private static List<Set<ConnectorAccess>> granted(Template template, String source, String destination) {
        List<Set<ConnectorAccess>> granted = new ArrayList<>();
        for (Resource resource : template.resources()) {
            if (resource.type().value().equals(AddConnector.TYPE) && resource.properties().isPresent()) {
                Mapping p = resource.properties().get();
                if (names(p.get("Source").orElse(null), source) && names(p.get("Destination").orElse(null), destination)) {
                    granted.add(permissions(p));
                }
            }
            if (id(resource).equals(source)) {
                resource.definition().mapping("Connectors").ifPresent(connectors -> {
                    for (Entry c : connectors.entries()) {
                        if (c.value() instanceof Mapping m && m.mapping("Properties").orElse(null) instanceof Mapping p
                                && names(p.get("Destination").orElse(null), destination)) {
                            granted.add(permissions(p));
                        }
                    }
                });
            }
        }
        return granted;
    }

    /** Whether a connector end (one, or a list) has {@code Id: id}. */
    private static boolean names(Value end, String id) {
        if (end instanceof Sequence list) {
            return list.items().stream().anyMatch(item -> names(item, id));
        }
        return end instanceof Mapping m && m.string("Id").filter(id::equals).isPresent();
    }

    private static Set<ConnectorAccess> permissions(Mapping properties) {
        Set<ConnectorAccess> permissions = EnumSet.noneOf(ConnectorAccess.class);
        if (properties.get("Permissions").orElse(null) instanceof Sequence list) {
            for (Value item : list.items()) {
                for (ConnectorAccess access : ConnectorAccess.values()) {
                    if (item instanceof Scalar s && s.text().equals(access.templateName())) {
                        permissions.add(access);
                    }
                }
            }
        }
        return permissions;
    }
}
