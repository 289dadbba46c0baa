package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import java.util.List;

/**
 * Makes a resource an event source of a function. In SAM: a new entry {@code name: {Type: type, Properties:
 * properties}} under the function's {@code Events} (created if missing). In a serverless.yml: a new item
 * {@code - type: properties} at the end of the function's {@code events} list ({@code name} is empty there:
 * the framework's events have none).
 *
 * @param type       SAM's event type ({@code SQS}, {@code Api} ...) or the framework's ({@code sqs}, {@code stream} ...)
 * @param properties what the event says, source first ({@code Queue: !GetAtt OrdersQueue.Arn})
 */
public record AddEventSource(String function, String source, String type, String name, List<Entry> properties)
        implements EditCommand {

    public AddEventSource {
        properties = List.copyOf(properties);
    }

    @Override
    public List<Change> changes(Template template) {
        Resource target = Refusals.function(template, function);
        if (template.parameter(source).isEmpty()) { // a parameter: a referenced resource, given by its ARN
            Refusals.resource(template, source);
        }
        if (target.type().equals(ResourceType.SERVERLESS_FUNCTION)) {
            return serverless(template, target);
        }
        if (!target.type().equals(ResourceType.SAM_FUNCTION)) {
            throw Refusals.at(template, target, function + " is a " + target.type() + ": only SAM functions have Events",
                    "use an AWS::Lambda::EventSourceMapping or a permission for a plain Lambda function");
        }
        if (!name.matches("[A-Za-z0-9]+")) {
            throw Refusals.at(template, target, "'" + name + "' is not a valid event name", "use letters and digits only");
        }
        DocPath events = target.propertiesPath().child("Events");
        Value event = Value.mapping(List.of(Value.entry("Type", Value.string(type)),
                Value.entry("Properties", Value.mapping(properties))));
        return switch (template.at(events).orElse(null)) {
            case null -> PropertyChanges.put(template, events, Value.mapping(List.of(Value.entry(name, event))));
            case Scalar s when s.isNull() -> List.of(new Change.Replace(events, Value.mapping(List.of(Value.entry(name, event)))));
            case Mapping m when m.get(name).isPresent() -> throw Refusals.at(template, m.entry(name).orElseThrow().key(),
                    function + " already has an event named " + name, "choose another name");
            case Mapping m -> List.of(new Change.Put(events, name, event));
            case Value other -> throw Refusals.at(template, other, "the Events of " + function + " are computed, not a mapping",
                    "add the event by hand");
        };
    }

    private List<Change> serverless(Template template, Resource target) {
        DocPath events = target.path().child("events");
        Value item = Value.mapping(List.of(Value.entry(type, Value.mapping(properties))));
        return switch (template.at(events).orElse(null)) {
            case null -> PropertyChanges.put(template, events, Value.sequence(List.of(item)));
            case Scalar s when s.isNull() -> List.of(new Change.Replace(events, Value.sequence(List.of(item))));
            case Sequence list -> List.of(new Change.Insert(events, list.items().size(), item));
            case Value other -> throw Refusals.at(template, other, "the events of " + function + " are not a list",
                    "add the event by hand");
        };
    }

    @Override
    public String describe() {
        return name.isEmpty()
                ? "Add " + type + " event from " + source + " to " + function
                : "Add event " + name + " (" + type + " from " + source + ") to " + function;
    }
}
