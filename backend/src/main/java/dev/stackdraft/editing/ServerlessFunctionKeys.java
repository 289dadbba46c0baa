package dev.stackdraft.editing;

import dev.stackdraft.catalog.PropertySchema;
import dev.stackdraft.catalog.ResourceCatalog;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The keys of a {@code functions:} entry of a serverless.yml, as the Serverless Framework (v3) documents them: a small
 * table, since no schema of the framework is bundled. Runtimes are the Lambda ones the catalog knows. Keys a file sets
 * beyond these still show, as YAML.
 */
final class ServerlessFunctionKeys {

    private static final String REFERENCE = "https://www.serverless.com/framework/docs/providers/aws/guide/serverless.yml#functions";
    private static final String FUNCTIONS = "https://www.serverless.com/framework/docs/providers/aws/guide/functions";
    private static final String EVENTS = "https://www.serverless.com/framework/docs/providers/aws/guide/events";
    private static final String LAYERS = "https://www.serverless.com/framework/docs/providers/aws/guide/layers";
    private static final String IAM = "https://www.serverless.com/framework/docs/providers/aws/guide/iam";

    private static final List<PropertySchema> KEYS = keys();

    private ServerlessFunctionKeys() {}

    /** The documented keys, by name. */
    static List<PropertySchema> schemas() {
        return KEYS;
    }

    private static List<PropertySchema> keys() {
        List<PropertySchema> keys = new ArrayList<>(List.of(
                key("architecture", "string", List.of("x86_64", "arm64"), null,
                        "The instruction set architecture of the function; overrides provider.architecture.", FUNCTIONS),
                key("condition", "string", List.of(), null,
                        "A CloudFormation condition the function is created under.", REFERENCE),
                key("dependsOn", "array", List.of(), "string",
                        "CloudFormation resources the function is created after.", REFERENCE),
                key("description", "string", List.of(), null, "A description of the function.", REFERENCE),
                key("destinations", "object", List.of(), null,
                        "Where asynchronous invocations send their result: onSuccess and onFailure targets.", FUNCTIONS),
                key("disableLogs", "boolean", List.of(), null,
                        "Whether to leave out the function's CloudWatch log group.", REFERENCE),
                key("environment", "object", List.of(), null,
                        "Environment variables of the function, merged over provider.environment.", FUNCTIONS),
                key("ephemeralStorageSize", "integer", List.of(), null,
                        "The size of the function's /tmp storage in MB (512 to 10240).", REFERENCE),
                key("events", "array", List.of(), "object",
                        "The events that trigger the function: http, httpApi, sqs, s3, schedule, stream and more.", EVENTS),
                key("fileSystemConfig", "object", List.of(), null,
                        "An EFS access point (arn) and the local mount path (localMountPath) for the function.", FUNCTIONS),
                key("handler", "string", List.of(), null,
                        "The file and exported function that Lambda calls, e.g. src/handler.main (not for image functions).",
                        FUNCTIONS),
                key("image", "string|object", List.of(), null,
                        "A container image for the function instead of a handler: a URI or a name under provider.ecr.images.",
                        FUNCTIONS),
                key("kmsKeyArn", "string", List.of(), null,
                        "The KMS key that encrypts the function's environment variables.", REFERENCE),
                key("layers", "array", List.of(), "string",
                        "Lambda layer versions the function uses, as ARNs or !Ref of layers in this file.", LAYERS),
                key("logRetentionInDays", "integer", List.of(), null,
                        "How many days the function's logs are kept; overrides provider.logRetentionInDays.", REFERENCE),
                key("maximumEventAge", "integer", List.of(), null,
                        "How long, in seconds, an asynchronous invocation may wait before it is dropped (60 to 21600).",
                        FUNCTIONS),
                key("maximumRetryAttempts", "integer", List.of(), null,
                        "How often a failed asynchronous invocation is retried (0 to 2).", FUNCTIONS),
                key("memorySize", "integer", List.of(), null,
                        "The memory of the function in MB; overrides provider.memorySize (default 1024).", FUNCTIONS),
                key("name", "string", List.of(), null,
                        "The function's name in Lambda; by default <service>-<stage>-<function>.", FUNCTIONS),
                key("onError", "string", List.of(), null,
                        "An SNS topic ARN where failed asynchronous invocations go (a dead-letter target).", FUNCTIONS),
                key("package", "object", List.of(), null,
                        "How the function is packaged on its own: patterns, artifact, individually.", REFERENCE),
                key("provisionedConcurrency", "integer", List.of(), null,
                        "How many instances of the function are kept initialized.", FUNCTIONS),
                key("reservedConcurrency", "integer", List.of(), null,
                        "The most concurrent executions the function may have.", FUNCTIONS),
                key("role", "string|object", List.of(), null,
                        "An IAM role for the function instead of the one the framework makes: a name, an ARN or a Fn::GetAtt.",
                        IAM),
                key("runtime", "string", lambdaRuntimes(), null,
                        "The runtime of the function; overrides provider.runtime.", FUNCTIONS),
                key("runtimeManagement", "string|object", List.of(), null,
                        "When the function's runtime is updated: auto, onFunctionUpdate, or a manual runtime version ARN.",
                        REFERENCE),
                key("snapStart", "boolean", List.of(), null,
                        "Whether Lambda SnapStart snapshots the initialized function (Java runtimes).", REFERENCE),
                key("tags", "object", List.of(), null, "Tags of the function, merged over provider.tags.", FUNCTIONS),
                key("timeout", "integer", List.of(), null,
                        "How long, in seconds, the function may run; overrides provider.timeout (default 6).", FUNCTIONS),
                key("tracing", "string", List.of("Active", "PassThrough"), null,
                        "AWS X-Ray tracing of the function; overrides provider.tracing.lambda.", REFERENCE),
                key("url", "boolean|object", List.of(), null,
                        "A Lambda function URL: true, or its settings (authorizer, cors, invokeMode).", FUNCTIONS),
                key("vpc", "object", List.of(), null,
                        "The security groups and subnets of the function; overrides provider.vpc.", FUNCTIONS)));
        return List.copyOf(keys);
    }

    private static List<String> lambdaRuntimes() {
        return ResourceCatalog.bundled().propertySchemas("AWS::Lambda::Function").stream()
                .filter(s -> s.name().equals("Runtime")).findFirst().map(PropertySchema::enumValues).orElse(List.of());
    }

    private static PropertySchema key(String name, String type, List<String> values, @Nullable String itemType,
                                      String description, String docs) {
        return new PropertySchema(name, type, values, itemType, false, description, docs);
    }
}
