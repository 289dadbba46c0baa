package dev.stackdraft.editing.links;

import static dev.stackdraft.editing.links.LinkContext.id;

import dev.stackdraft.catalog.ConnectorAccess;
import dev.stackdraft.catalog.ConnectorProfile;
import dev.stackdraft.catalog.ResourceCatalog;
import dev.stackdraft.edit.AddConnector;
import dev.stackdraft.edit.AddEventSource;
import dev.stackdraft.edit.SetEnvironmentReference;
import dev.stackdraft.graph.Edge;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Links between a resource of the stack and a referenced resource (a {@code String} parameter whose default is the
 * ARN of something outside the stack), from the same rules as links between two resources: the referenced topic,
 * queue or stream as a SAM function's event source (a function subscribed to an existing topic), a connector from
 * the resource to it where SAM's connector profiles have the pair (SAM takes an outside destination by
 * {@code Type} and {@code Arn}: the permission to invoke an existing function, to publish to an existing topic), and
 * an environment variable holding its ARN. Everything written names the parameter with {@code !Ref}.
 */
final class ReferencedLinks {

    private final ResourceCatalog catalog;

    ReferencedLinks(ResourceCatalog catalog) {
        this.catalog = catalog;
    }

    List<LinkOption> options(LinkContext context, Resource resource, String parameter, String type) {
        Template template = context.template();
        List<LinkOption> options = new ArrayList<>();
        boolean samFunction = resource.type().equals(ResourceType.SAM_FUNCTION) && template.isSam();
        if (samFunction && !context.hasEdge(parameter, id(resource), Edge.EVENT)) {
            eventSource(resource, parameter, type).ifPresent(options::add);
        }
        if (template.isSam() && resource.condition().isEmpty()) {
            options.addAll(connectors(template, resource, parameter, type));
        }
        if (resource.type().isFunction()) {
            String variable = Names.upperSnake(parameter);
            options.add(new LinkOption(LinkOption.ENVIRONMENT_VARIABLE, "Environment variable " + variable + " ("
                    + parameter + " → " + id(resource) + ")", id(resource) + " gets the ARN of " + parameter
                    + " in its environment variable " + variable + " (!Ref " + parameter + "); give it the permissions"
                    + " it needs with a connector or a policy.", new SetEnvironmentReference(id(resource), variable, parameter)));
        }
        return options;
    }

    private static java.util.Optional<LinkOption> eventSource(Resource function, String parameter, String type) {
        Value arn = Value.ref(parameter);
        record Draft(String event, String key, String does) {}
        Draft draft = switch (type) {
            case "AWS::SQS::Queue" -> new Draft("SQS", "Queue", "is invoked with batches of messages from the existing queue");
            case "AWS::SNS::Topic" -> new Draft("SNS", "Topic", "is subscribed to the existing topic and invoked with each message");
            case "AWS::Kinesis::Stream" -> new Draft("Kinesis", "Stream", "is invoked with batches of new records of the existing stream");
            default -> null;
        };
        if (draft == null) {
            return java.util.Optional.empty();
        }
        Set<String> taken = new HashSet<>(function.properties().flatMap(p -> p.mapping("Events"))
                .map(Value.Mapping::keys).orElse(List.of()));
        String name = Names.unique(parameter + "Event", taken);
        List<Value.Entry> properties = new ArrayList<>(List.of(Value.entry(draft.key(), arn)));
        if (draft.event().equals("Kinesis")) {
            properties.add(Value.entry("StartingPosition", Value.string("LATEST")));
        }
        return java.util.Optional.of(new LinkOption(LinkOption.EVENT_SOURCE, draft.event() + " event (" + parameter + " → "
                + id(function) + ")", id(function) + " " + draft.does() + " " + parameter + ". Adds event " + name
                + " (Type: " + draft.event() + ", " + draft.key() + ": !Ref " + parameter + ") to its Events.",
                new AddEventSource(id(function), parameter, draft.event(), name, properties)));
    }

    private List<LinkOption> connectors(Template template, Resource source, String parameter, String type) {
        ConnectorProfile profile = catalog.connectorProfile(ConnectorProfile.endType(source.type().value()),
                ConnectorProfile.endType(type)).orElse(null);
        if (profile == null) {
            return List.of();
        }
        Set<String> taken = new HashSet<>(template.resources().stream().map(r -> r.id().value()).toList());
        template.parameters().forEach(p -> taken.add(p.id().value()));
        String connector = Names.unique(id(source) + "To" + parameter + "Connector", taken);
        List<LinkOption> options = new ArrayList<>();
        for (Set<ConnectorAccess> permissions : profile.combinations()) {
            String names = String.join(" and ", permissions.stream().map(ConnectorAccess::templateName).toList());
            options.add(new LinkOption(LinkOption.CONNECTOR, "Connector " + names + " (" + id(source) + " → "
                    + parameter + ")", "Connector " + connector + " (Source " + id(source) + ", Destination Type "
                    + type + " and Arn !Ref " + parameter + ", Permissions " + names + "): SAM turns it into the IAM "
                    + "policy its connector profile gives " + profile.sourceType() + " to " + profile.destinationType()
                    + ".", new AddConnector(connector, id(source), parameter, permissions)));
        }
        return options;
    }
}
