package dev.stackdraft.editing.links;

import static dev.stackdraft.editing.links.LinkContext.id;

import dev.stackdraft.edit.SetEnvironmentReference;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Fn;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An environment variable of a function holding {@code !Ref} of another resource, named after it and after what
 * its Ref gives ({@code ORDERS_TABLE_NAME}, {@code ORDERS_QUEUE_URL}). Not offered when the function already
 * sees a variable with that Ref (its own, or one every function gets from {@code Globals} or {@code provider}),
 * nor when the resource already depends on the function (a cycle). Connectors (SAM turns them into policies) and
 * layers (a function takes them in {@code Layers}) are not referred to this way.
 */
final class EnvironmentLinks implements Linker {

    /** What {@code Ref} gives for a type, as the last word of the variable's name; no word for other types. */
    private static final Map<String, String> REF_GIVES = Map.ofEntries(
            Map.entry("AWS::DynamoDB::Table", "NAME"), Map.entry("AWS::Serverless::SimpleTable", "NAME"),
            Map.entry("AWS::SQS::Queue", "URL"), Map.entry("AWS::SNS::Topic", "ARN"), Map.entry("AWS::S3::Bucket", "NAME"),
            Map.entry("AWS::Lambda::Function", "NAME"), Map.entry("AWS::Serverless::Function", "NAME"),
            Map.entry(ResourceType.SERVERLESS_FUNCTION.value(), "NAME"),
            Map.entry("AWS::StepFunctions::StateMachine", "ARN"), Map.entry("AWS::Serverless::StateMachine", "ARN"),
            Map.entry("AWS::SecretsManager::Secret", "ARN"), Map.entry("AWS::SSM::Parameter", "NAME"),
            Map.entry("AWS::Events::EventBus", "NAME"), Map.entry("AWS::Kinesis::Stream", "NAME"),
            Map.entry("AWS::KinesisFirehose::DeliveryStream", "NAME"), Map.entry("AWS::Logs::LogGroup", "NAME"),
            Map.entry("AWS::KMS::Key", "ID"), Map.entry("AWS::IAM::Role", "NAME"),
            Map.entry("AWS::Serverless::Api", "ID"), Map.entry("AWS::ApiGateway::RestApi", "ID"),
            Map.entry("AWS::Serverless::HttpApi", "ID"), Map.entry("AWS::ApiGatewayV2::Api", "ID"),
            Map.entry("AWS::Cognito::UserPool", "ID"), Map.entry("AWS::Cognito::UserPoolClient", "ID"),
            Map.entry("AWS::AppSync::GraphQLApi", "ARN"));
    private static final Map<String, String> WORD_MEANS = Map.of("NAME", "name", "URL", "URL", "ARN", "ARN", "ID", "id");

    @Override
    public List<LinkOption> options(LinkContext context, Resource function, Resource target) {
        Template template = context.template();
        if (!function.type().isFunction() || target.type().equals(ResourceType.SAM_CONNECTOR) || target.type().isLayer()
                || !LinkContext.conditionsAllow(function, target) || context.wouldCycle(id(function), id(target))) {
            return List.of();
        }
        String refId = LinkContext.refId(target);
        Map<String, Value> seen = variables(template, function);
        if (seen.values().stream().anyMatch(v -> v instanceof Intrinsic fn && fn.fn() == Fn.REF
                && fn.argument() instanceof Scalar s && s.text().equals(refId))) {
            return List.of();
        }
        Optional<String> word = Optional.ofNullable(REF_GIVES.get(target.type().value()));
        String base = Names.upperSnake(id(target));
        if (word.isPresent() && !base.endsWith("_" + word.get())) {
            base += "_" + word.get();
        }
        String name = Names.unique(base, "_", new HashSet<>(seen.keySet()));
        String gives = word.map(w -> "its " + WORD_MEANS.get(w)).orElse("what its Ref gives");
        return List.of(new LinkOption(LinkOption.ENVIRONMENT_VARIABLE,
                "Environment variable " + name + " (" + id(function) + " → " + id(target) + ")",
                id(function) + " gets the variable " + name + " = !Ref " + refId + " (" + gives + "), to find "
                        + id(target) + " at run time; permissions to use it are a separate link.",
                new SetEnvironmentReference(id(function), name, id(target))));
    }

    /** The variables a function sees: those every function gets, then its own (which win). */
    private static Map<String, Value> variables(Template template, Resource function) {
        Map<String, Value> variables = new LinkedHashMap<>();
        List<DocPath> places = new ArrayList<>();
        if (function.type().equals(ResourceType.SERVERLESS_FUNCTION)) {
            places.add(DocPath.of("provider", "environment"));
            places.add(function.path().child("environment"));
        } else {
            if (function.type().equals(ResourceType.SAM_FUNCTION)) {
                places.add(DocPath.of("Globals", "Function", "Environment", "Variables"));
            }
            places.add(function.propertiesPath().child("Environment").child("Variables"));
        }
        for (DocPath place : places) {
            if (template.at(place).orElse(null) instanceof Mapping m) {
                m.entries().forEach(e -> variables.put(e.name(), e.value()));
            }
        }
        return variables;
    }
}
