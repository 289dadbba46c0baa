package dev.stackdraft.edit;

import dev.stackdraft.catalog.ResourceCatalog;
import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Sequence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What goes when a resource goes together with everything that names it. Each place that names it is taken away
 * whole: from the name up past the intrinsic functions around it ({@code !Sub}, {@code !If}, {@code !Join} ...) to the
 * smallest thing that can go alone, see {@link Places}. A resource that exists only to link two others (a
 * connector, a permission, an event source mapping, a subscription ...) goes whole, and so does one that would lose
 * a property it requires ({@code RestApiId: !Ref Api}; see {@link #child}); what names those goes in turn. A list or
 * mapping that everything is taken from goes as well, up to the resource, so no {@code Variables: {}} stays behind.
 */
final class RemovalPlan {

    /** Resources that only link two others: when either end goes, they have nothing left to do. */
    private static final Set<String> LINKS = Set.of("AWS::Serverless::Connector", "AWS::Lambda::Permission",
            "AWS::Lambda::EventSourceMapping", "AWS::Lambda::EventInvokeConfig", "AWS::Lambda::LayerVersionPermission",
            "AWS::SNS::Subscription", "AWS::SNS::TopicPolicy", "AWS::SQS::QueuePolicy", "AWS::S3::BucketPolicy",
            "AWS::Pipes::Pipe", "AWS::Logs::SubscriptionFilter", "AWS::EC2::Route", "AWS::EC2::VPCGatewayAttachment",
            "AWS::EC2::SubnetRouteTableAssociation", "AWS::EC2::SubnetNetworkAclAssociation",
            "AWS::EC2::EIPAssociation", "AWS::EC2::VolumeAttachment", "AWS::IAM::UserToGroupAddition",
            "AWS::IAM::InstanceProfile");
    /** Resources that link through these properties: an AppSync data source through its config, a resolver ... */
    private static final Map<String, Set<String>> LINKING_PROPERTIES = Map.of(
            "AWS::AppSync::DataSource", Set.of("DynamoDBConfig", "LambdaConfig", "EventBridgeConfig",
                    "OpenSearchServiceConfig", "ElasticsearchConfig", "RelationalDatabaseConfig"),
            "AWS::AppSync::Resolver", Set.of("DataSourceName"),
            "AWS::AppSync::FunctionConfiguration", Set.of("DataSourceName"),
            "AWS::IAM::Policy", Set.of("Roles", "Users", "Groups"),
            "AWS::Scheduler::Schedule", Set.of("Target"));
    /** What a type needs though its schema cannot say so (one of several alternatives, which it leaves out). */
    private static final Map<String, Set<String>> ALSO_REQUIRED = Map.of(
            "AWS::Serverless::StateMachine", Set.of("Definition"),
            "AWS::StepFunctions::StateMachine", Set.of("Definition", "DefinitionString"));

    private final Template template;
    private final Places places;
    private final ReferenceSites sites;
    private final ResourceCatalog catalog = ResourceCatalog.bundled();
    private final Set<String> whole = new LinkedHashSet<>();
    private final Set<DocPath> units = new LinkedHashSet<>();

    private RemovalPlan(Template template) {
        this.template = template;
        this.places = new Places(template);
        this.sites = ReferenceSites.of(template);
    }

    static RemovalPlan of(Template template, String id) {
        RemovalPlan plan = new RemovalPlan(template);
        plan.plan(Refusals.resource(template, id));
        return plan;
    }

    /** The resources that go whole: the one asked for first, then those that went with it. */
    Set<String> resources() {
        return whole;
    }

    /** What goes, each place once (nothing below another), in file order. */
    List<DocPath> units() {
        List<DocPath> ordered = new ArrayList<>(units);
        ordered.sort(Comparator.comparingInt(places::start));
        return ordered;
    }

    private void plan(Resource resource) {
        whole.add(resource.id().value());
        boolean grown = true;
        while (grown) {
            grown = false;
            Set<DocPath> found = new LinkedHashSet<>();
            for (String id : List.copyOf(whole)) {
                for (DocPath site : sites.of(id)) {
                    if (insideWhole(site)) {
                        continue;
                    }
                    Optional<Resource> linking = linking(site);
                    if (linking.isPresent()) {
                        grown |= whole.add(linking.get().id().value());
                    } else {
                        found.add(places.unit(site, id));
                    }
                }
            }
            if (grown) {
                continue;
            }
            whole.forEach(id -> found.add(template.resource(id).orElseThrow().path()));
            Set<DocPath> seen = new HashSet<>(found);
            collapse(found, seen);
            for (DocPath unit : seen) {
                Optional<Resource> child = child(unit);
                if (child.isPresent()) {
                    grown |= whole.add(child.get().id().value());
                }
            }
            units.clear();
            units.addAll(found);
        }
        if (template.dialect() != Dialect.SERVERLESS && template.resources().stream()
                .allMatch(r -> whole.contains(r.id().value()))) {
            throw Refusals.at(template, resource, "removing " + resource.id() + " with what refers to it would leave no resource",
                    "a template needs at least one resource");
        }
    }

    private boolean insideWhole(DocPath site) {
        return places.resourceAt(site).filter(r -> whole.contains(r.id().value())).isPresent();
    }

    /** The resource a site is in, if it is one that only links (through the property the site is in). */
    private Optional<Resource> linking(DocPath site) {
        return places.resourceAt(site).filter(r -> !r.propertiesPath().equals(r.path()) && site.startsWith(r.propertiesPath())
                && site.segments().size() > r.propertiesPath().segments().size()).filter(r -> {
                    String property = (String) site.segments().get(r.propertiesPath().segments().size());
                    return LINKS.contains(r.type().value())
                            || LINKING_PROPERTIES.getOrDefault(r.type().value(), Set.of()).contains(property);
                });
    }

    /**
     * The resource that {@code unit} would leave without a property it requires, if it is one: that resource goes
     * whole (a method without its {@code RestApiId}, a distribution without its {@code DistributionConfig} is of no
     * use). A role or an authorizer is the exception: it is attached to the resource rather than part of it, and
     * another can take its place, so the resource stays and validation says what it lacks.
     */
    private Optional<Resource> child(DocPath unit) {
        return places.resourceAt(unit).filter(r -> !whole.contains(r.id().value()) && !r.propertiesPath().equals(r.path())
                && unit.parent().equals(r.propertiesPath())).filter(r -> {
                    String property = (String) unit.last();
                    boolean required = catalog.kind(r.type().value()).filter(k -> k.isRequired(property)).isPresent()
                            || ALSO_REQUIRED.getOrDefault(r.type().value(), Set.of()).contains(property);
                    return required && !property.endsWith("Role") && !property.endsWith("RoleArn") && !property.startsWith("Auth");
                });
    }

    /** A list or mapping all of whose items go goes itself, as the place it is (until nothing more collapses). */
    private void collapse(Set<DocPath> found, Set<DocPath> seen) {
        boolean changed = true;
        while (changed) {
            changed = false;
            found.removeIf(u -> found.stream().anyMatch(o -> !o.equals(u) && u.startsWith(o)));
            Set<DocPath> parents = new LinkedHashSet<>();
            found.forEach(u -> parents.add(u.parent()));
            for (DocPath parent : parents) {
                int children = switch (template.at(parent).orElse(null)) {
                    case Mapping m -> new HashSet<>(m.keys()).size();
                    case Sequence s -> s.items().size();
                    case null, default -> -1;
                };
                List<DocPath> going = found.stream().filter(u -> u.parent().equals(parent)).toList();
                if (children == going.size() && places.collapsible(parent)) {
                    going.forEach(found::remove);
                    DocPath up = places.container(parent);
                    found.add(up);
                    seen.add(up);
                    changed = true;
                    break;
                }
            }
        }
    }
}
