package dev.stackdraft.edit;

import dev.stackdraft.catalog.PolicyTemplate;
import dev.stackdraft.catalog.ResourceCatalog;
import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Reference;
import dev.stackdraft.template.References;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Adds a SAM policy template ({@code - DynamoDBCrudPolicy: {TableName: !Ref OrdersTable}}) at the end of a SAM
 * function's or state machine's {@code Policies}. A missing list is made; a single policy written without a
 * list ({@code Policies: AWSLambdaBasicExecutionRole}) becomes the list's first item. The template and its
 * parameter names must be SAM's.
 */
public record AddPolicyTemplate(String function, String policy, List<Entry> parameters) implements EditCommand {

    public AddPolicyTemplate {
        parameters = List.copyOf(parameters);
    }

    @Override
    public List<Change> changes(Template template) {
        Resource target = Refusals.resource(template, function);
        if (!target.type().equals(ResourceType.SAM_FUNCTION) && !target.type().equals(ResourceType.SAM_STATE_MACHINE)) {
            throw Refusals.at(template, target, function + " is a " + target.type() + ": SAM policy templates belong to "
                    + "AWS::Serverless::Function and AWS::Serverless::StateMachine", "write an IAM policy instead");
        }
        PolicyTemplate known = ResourceCatalog.bundled().policyTemplate(policy).orElseThrow(() -> Refusals.at(template,
                target, "'" + policy + "' is not a SAM policy template", "SAM's templates are listed in its policy_templates.json"));
        Set<String> given = new HashSet<>();
        parameters.forEach(p -> given.add(p.name()));
        if (!given.equals(Set.copyOf(known.parameters())) || given.size() != parameters.size()) {
            throw Refusals.at(template, target, policy + " takes " + (known.parameters().isEmpty() ? "no parameters"
                    : String.join(", ", known.parameters())) + ", not " + (given.isEmpty() ? "none" : String.join(", ", given)),
                    "give each parameter of the template once");
        }
        target.property("Role").or(() -> template.at(DocPath.of("Globals", "Function", "Role"))
                .filter(r -> target.type().equals(ResourceType.SAM_FUNCTION))).ifPresent(role -> {
                    throw Refusals.at(template, role, function + " has a Role of its own: SAM ignores its Policies",
                            "add the permission to that role, or remove the Role and let SAM make one");
                });
        DocPath policies = target.propertiesPath().child("Policies");
        Value item = Value.mapping(List.of(Value.entry(policy, Value.mapping(parameters))));
        return switch (template.at(policies).orElse(null)) {
            case null -> PropertyChanges.put(template, policies, Value.sequence(List.of(item)));
            case Scalar s when s.isNull() -> List.of(new Change.Replace(policies, Value.sequence(List.of(item))));
            case Sequence list -> List.of(new Change.Insert(policies, list.items().size(), item));
            case Intrinsic fn -> throw Refusals.at(template, fn, "the Policies of " + function + " are computed",
                    "add the policy by hand");
            case Value single -> List.of(new Change.Replace(policies, Value.sequence(List.of(single, item))));
        };
    }

    @Override
    public String describe() {
        Set<String> targets = new LinkedHashSet<>();
        parameters.forEach(p -> References.below(p.value(), DocPath.ROOT).stream().map(Reference::target).forEach(targets::add));
        return "Add policy " + policy + (targets.isEmpty() ? "" : " on " + String.join(", ", targets)) + " to " + function;
    }
}
