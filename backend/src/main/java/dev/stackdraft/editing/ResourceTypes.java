package dev.stackdraft.editing;

import dev.stackdraft.catalog.ResourceCatalog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The palette's resource types: the SAM types and the services serverless stacks use most first, in that order, then
 * every other CloudFormation type the catalog knows, by name. And a first logical id for a new resource of a type.
 */
public final class ResourceTypes {

    /** What a serverless stack reaches for most, in the order the palette offers them. */
    static final List<String> COMMON = List.of(
            "AWS::Serverless::Function", "AWS::Serverless::Api", "AWS::Serverless::HttpApi",
            "AWS::Serverless::SimpleTable", "AWS::Serverless::LayerVersion", "AWS::Serverless::StateMachine",
            "AWS::Serverless::GraphQLApi", "AWS::Serverless::Connector", "AWS::Serverless::Application",
            "AWS::DynamoDB::Table", "AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::S3::Bucket", "AWS::Events::Rule",
            "AWS::Events::EventBus", "AWS::Lambda::Function", "AWS::Lambda::LayerVersion", "AWS::IAM::Role",
            "AWS::SecretsManager::Secret", "AWS::SSM::Parameter", "AWS::Logs::LogGroup", "AWS::Kinesis::Stream",
            "AWS::AppSync::GraphQLApi", "AWS::StepFunctions::StateMachine", "AWS::CloudWatch::Alarm");

    private ResourceTypes() {}

    /** The common types first, then every other known type by name. */
    public static List<String> forPalette() {
        Set<String> ordered = new LinkedHashSet<>();
        Set<String> known = ResourceCatalog.bundled().types();
        COMMON.stream().filter(known::contains).forEach(ordered::add);
        ordered.addAll(known);
        return new ArrayList<>(ordered);
    }

    /**
     * A logical id for a new resource of {@code type} that {@code taken} does not hold: the type's last part
     * ({@code Queue}), then {@code Queue2}, {@code Queue3} ...
     */
    public static String newId(String type, Set<String> taken) {
        String last = type.substring(type.lastIndexOf(':') + 1).replaceAll("[^A-Za-z0-9]", "");
        String base = last.isEmpty() ? "Resource" : last.substring(0, 1).toUpperCase(Locale.ROOT) + last.substring(1);
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            if (!taken.contains(base + n)) {
                return base + n;
            }
        }
    }
}
