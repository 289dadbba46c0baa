package dev.stackdraft.editing.links;

import static dev.stackdraft.editing.links.LinkContext.id;

import dev.stackdraft.edit.AddEventSource;
import dev.stackdraft.graph.Edge;
import dev.stackdraft.template.Fn;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A resource as the event source of a function: SAM's {@code Events} of an {@code AWS::Serverless::Function}
 * (SQS, SNS, Kinesis, DynamoDB streams, S3, REST and HTTP APIs), a serverless.yml function's {@code events}
 * (sqs, sns, stream). Written in code rather than as data: each type names its source differently, and a table
 * without a stream or an API path taken already need a look at the template. Not offered when the function already
 * has an event from that source, nor where SAM would write the function into the source (bucket, API) while the
 * function already depends on it, nor a route on an API whose definition SAM cannot add to (an included file).
 */
final class EventSources implements Linker {

    @Override
    public List<LinkOption> options(LinkContext context, Resource function, Resource source) {
        Template template = context.template();
        boolean sam = function.type().equals(ResourceType.SAM_FUNCTION) && template.isSam();
        boolean framework = function.type().equals(ResourceType.SERVERLESS_FUNCTION);
        if (!sam && !framework || !LinkContext.conditionsAllow(function, source)
                || context.hasEdge(id(source), id(function), Edge.EVENT)) {
            return List.of();
        }
        if (Dependencies.writesFunctionInto(source.type().value()) && context.wouldCycle(id(source), id(function))) {
            return List.of(); // the source would depend on the function, which depends on it
        }
        Optional<Draft> draft = framework ? framework(source) : sam(template, function, source);
        return draft.map(d -> option(template, function, source, d)).stream().toList();
    }

    /** What an event says, and what it does in a sentence ({@code %1$s} the function, {@code %2$s} the source). */
    private record Draft(String type, List<Entry> properties, String detail, String does) {}

    private static Optional<Draft> sam(Template template, Resource function, Resource source) {
        String id = id(source);
        if (function.property("TenancyConfig").isPresent() && !source.type().value().endsWith("Api")) {
            return Optional.empty(); // SAM: a function with tenant isolation takes API events only
        }
        return switch (source.type().value()) {
            case "AWS::SQS::Queue" -> Optional.of(new Draft("SQS", List.of(Value.entry("Queue", getAtt(id, "Arn"))), "",
                    "%1$s is invoked with batches of messages from %2$s (SAM adds the event source mapping and the"
                            + " permissions to poll the queue)"));
            case "AWS::SNS::Topic" -> Optional.of(new Draft("SNS", List.of(Value.entry("Topic", Value.ref(id))), "",
                    "%1$s is invoked with each message published to %2$s (SAM subscribes it to the topic)"));
            case "AWS::Kinesis::Stream" -> Optional.of(new Draft("Kinesis", List.of(Value.entry("Stream", getAtt(id, "Arn")),
                    Value.entry("StartingPosition", Value.string("LATEST"))), "",
                    "%1$s is invoked with batches of new records of %2$s, from the latest on"));
            case "AWS::DynamoDB::Table" -> source.property("StreamSpecification").isEmpty() ? Optional.empty()
                    : Optional.of(new Draft("DynamoDB", List.of(Value.entry("Stream", getAtt(id, "StreamArn")),
                    Value.entry("StartingPosition", Value.string("LATEST"))), "",
                    "%1$s is invoked with batches of changes to the items of %2$s, read from its stream"));
            case "AWS::S3::Bucket" -> Optional.of(new Draft("S3", List.of(Value.entry("Bucket", Value.ref(id)),
                    Value.entry("Events", Value.string("s3:ObjectCreated:*"))), "",
                    "%1$s is invoked for each object created in %2$s (SAM adds the bucket notification)"));
            case "AWS::Serverless::Api" -> api(template, function, source, "Api", "RestApiId", "get");
            case "AWS::Serverless::HttpApi" -> api(template, function, source, "HttpApi", "ApiId", "GET");
            default -> Optional.empty();
        };
    }

    /** A route of its own on the API: {@code /process-order}, with a number added where that route is taken. */
    private static Optional<Draft> api(Template template, Resource function, Resource api, String type, String key,
                                       String method) {
        Value definition = api.property("DefinitionBody").orElse(null);
        if (definition != null && !(definition instanceof Value.Mapping m && m.get("paths").isPresent())) {
            return Optional.empty(); // SAM adds routes only to a definition written out in the template
        }
        Set<String> taken = ApiRoutes.of(template, id(api), key);
        String base = "/" + Names.kebab(id(function));
        String path = base;
        for (int n = 2; taken.contains(ApiRoutes.route(path, method)); n++) {
            path = base + "-" + n;
        }
        return Optional.of(new Draft(type, List.of(Value.entry(key, Value.ref(id(api))), Value.entry("Path", Value.string(path)),
                Value.entry("Method", Value.string(method))), " " + method.toUpperCase(Locale.ROOT) + " " + path,
                "%1$s serves " + method.toUpperCase(Locale.ROOT) + " " + path + " of %2$s (change the route in"
                        + " the event's properties)"));
    }

    private static Optional<Draft> framework(Resource source) {
        String id = id(source);
        return switch (source.type().value()) {
            case "AWS::SQS::Queue" -> Optional.of(new Draft("sqs", List.of(Value.entry("arn", getAtt(id, "Arn"))), "",
                    "%1$s is invoked with batches of messages from %2$s"));
            case "AWS::SNS::Topic" -> Optional.of(new Draft("sns", List.of(Value.entry("arn", Value.ref(id)),
                    // the framework needs the topic's name beside a Ref: it names the subscription after it
                    Value.entry("topicName", Value.string(source.properties().flatMap(p -> p.string("TopicName")).orElse(id)))),
                    "", "%1$s is invoked with each message published to %2$s"));
            case "AWS::Kinesis::Stream" -> Optional.of(new Draft("stream", List.of(Value.entry("type", Value.string("kinesis")),
                    Value.entry("arn", getAtt(id, "Arn"))), "", "%1$s is invoked with batches of new records of %2$s"));
            case "AWS::DynamoDB::Table" -> source.property("StreamSpecification").isEmpty() ? Optional.empty()
                    : Optional.of(new Draft("stream", List.of(Value.entry("type", Value.string("dynamodb")),
                    Value.entry("arn", getAtt(id, "StreamArn"))), "",
                    "%1$s is invoked with batches of changes to the items of %2$s, read from its stream"));
            default -> Optional.empty();
        };
    }

    private static LinkOption option(Template template, Resource function, Resource source, Draft draft) {
        boolean framework = function.type().equals(ResourceType.SERVERLESS_FUNCTION);
        String name = framework ? "" : Names.unique(id(source) + "Event", eventNames(function));
        AddEventSource command = new AddEventSource(id(function), id(source), draft.type(), name, draft.properties());
        String label = draft.type() + " event" + draft.detail() + " (" + id(source) + " → " + id(function) + ")";
        String where = framework ? "'- " + draft.type() + ":' at the end of its events"
                : "event " + name + " (Type: " + draft.type() + ") to its Events";
        String warning = source.type().value().equals("AWS::SQS::Queue") ? QueueTimeouts.warning(template, function, source) : "";
        return new LinkOption(LinkOption.EVENT_SOURCE, label,
                draft.does().formatted(id(function), id(source)) + ". Adds " + where + "." + warning, command);
    }

    private static Set<String> eventNames(Resource function) {
        return new HashSet<>(function.properties().flatMap(p -> p.mapping("Events")).map(Value.Mapping::keys).orElse(List.of()));
    }

    private static Value getAtt(String id, String attribute) {
        return Value.intrinsic(Fn.GET_ATT, Value.string(id + "." + attribute));
    }
}
