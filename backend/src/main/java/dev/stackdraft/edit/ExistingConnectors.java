package dev.stackdraft.edit;

import dev.stackdraft.edit.ExistingKinds.Kind;
import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Fn;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SAM connectors and Use Existing: a connector end that names the resource by {@code Id} is written as {@code Type}
 * and {@code Arn} (which an existing one has too); a connector that gives the resource's own role permissions goes
 * with it; and a role SAM must read off a connector's source stays.
 */
final class ExistingConnectors {

    /** Types whose connectors give the permissions to the source's role: with an existing source they must go. */
    private static final Set<String> ROLE_SOURCES = Set.of("AWS::Lambda::Function", "AWS::Serverless::Function",
            "AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine");

    private final Template template;
    private final String id;
    private final Kind kind;
    private final ExistingValues values;

    ExistingConnectors(Template template, Resource resource, Kind kind, ExistingValues values) {
        this.template = template;
        this.id = resource.id().value();
        this.kind = kind;
        this.values = values;
    }

    /** The connectors whose Source is the resource by Id where it is a function or state machine: they go with it. */
    List<Resource> withRoleOfResource() {
        List<Resource> found = new ArrayList<>();
        for (Resource connector : template.resources()) {
            if (connector.type().equals(ResourceType.SAM_CONNECTOR) && ROLE_SOURCES.contains(kind.type())
                    && connector.property("Source").orElse(null) instanceof Mapping source
                    && source.string("Id").filter(id::equals).isPresent()) {
                found.add(connector); // it gives this function's role permissions: an existing one has its own
            }
        }
        return found;
    }

    /**
     * A connector gives its source's role the permissions, and SAM finds that role by reading the source's role
     * property as a Ref or GetAtt: wrapped in !If it cannot, so a role that is a connector source's role stays.
     */
    void checkSourceRoles(List<DocPath> sites) {
        if (!kind.type().equals("AWS::IAM::Role")) {
            return;
        }
        for (Resource other : template.resources()) {
            List<String> sources = new ArrayList<>();
            if (other.type().equals(ResourceType.SAM_CONNECTOR) && other.property("Source").orElse(null) instanceof Mapping source) {
                source.string("Id").ifPresent(sources::add);
            }
            if (other.definition().get("Connectors").isPresent()) {
                sources.add(other.id().value());
            }
            for (String source : sources) {
                Optional<Resource> s = template.resource(source);
                if (s.isPresent() && sites.stream().anyMatch(site -> site.startsWith(s.get().path()))) {
                    throw Refusals.at(template, s.get(), "'" + source + "' is the source of a connector, which SAM gives "
                            + "permissions through the role it reads from " + source + "'s properties; it cannot read "
                            + id + " there once an environment may use an existing one", "give the connector's Source a RoleName, or keep " + id);
                }
            }
        }
    }

    /** Connector ends that name the resource by Id: turned into Type and Arn, which an existing one has too. */
    List<DocPath> ends(Set<DocPath> conditioned) {
        List<DocPath> connectorEnds = new ArrayList<>();
        for (Resource other : template.resources()) {
            if (conditioned.contains(other.path())) {
                continue;
            }
            if (other.type().equals(ResourceType.SAM_CONNECTOR)) {
                end(other.propertiesPath().child("Source"), connectorEnds);
                end(other.propertiesPath().child("Destination"), connectorEnds);
            }
            other.definition().mapping("Connectors").ifPresent(connectors -> {
                for (Entry connector : connectors.entries()) {
                    end(other.path().child("Connectors").child(connector.name()).child("Properties").child("Destination"),
                            connectorEnds);
                }
            });
        }
        return connectorEnds;
    }

    private void end(DocPath path, List<DocPath> connectorEnds) {
        Value value = template.at(path).orElse(null);
        if (value instanceof Sequence list) {
            for (int i = 0; i < list.items().size(); i++) {
                end(path.child(i), connectorEnds);
            }
        } else if (value instanceof Mapping end && end.get("Id").orElse(null) instanceof Scalar name && name.text().equals(id)) {
            if (end.get("Type").isPresent() || end.get("Arn").isPresent()) {
                throw Refusals.at(template, name, "this connector end names " + id + " by Id and by Type or Arn", "keep only its Id");
            }
            if (kind.arnOutput().isEmpty()) {
                throw Refusals.at(template, name, "this connector end names " + id + " by Id, and an existing "
                        + kind.type() + " is given by name, not ARN", "write the end as Type and Arn first");
            }
            connectorEnds.add(path);
        }
    }

    /** The end at {@code end}: Id becomes Arn (an !If), Type (and Name, QueueUrl where SAM reads them) come after. */
    List<Change> changes(DocPath end, String condition) {
        String type = ExistingPlan.cloudFormationType(kind.type());
        String arn = kind.arnOutput().orElseThrow();
        Value created = arn.equals("Ref") ? Value.ref(id) : Value.intrinsic(Fn.GET_ATT, Value.string(id + "." + arn));
        List<Change> changes = new ArrayList<>();
        changes.add(new Change.Replace(end.child("Id"), Value.intrinsic(Fn.IF, Value.sequence(List.of(
                Value.string(condition), created, values.of(arn))))));
        changes.add(new Change.RenameKey(end, "Id", "Arn"));
        changes.add(new Change.Put(end, "Type", Value.string(type)));
        if (type.equals("AWS::SQS::Queue")) {
            // a queue's policy is written to its URL
            changes.add(new Change.Put(end, "QueueUrl", Value.intrinsic(Fn.IF, Value.sequence(List.of(Value.string(condition),
                    Value.ref(id), values.of("QueueUrl"))))));
        }
        if (type.equals("AWS::StepFunctions::StateMachine") && end.last().equals("Destination")) {
            changes.add(new Change.Put(end, "Name", Value.intrinsic(Fn.IF, Value.sequence(List.of(Value.string(condition),
                    Value.intrinsic(Fn.GET_ATT, Value.string(id + ".Name")), values.of("Name"))))));
        }
        return changes;
    }
}
