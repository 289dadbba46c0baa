package dev.stackdraft.graph;

import java.util.Map;

/**
 * The resource type an ARN's service suggests ({@code arn:aws:sqs:...} → {@code AWS::SQS::Queue}, also when
 * built by {@code Fn::Sub} from pseudo parameters), for nodes outside the template; {@code external} where the
 * service says too little.
 */
final class ArnTypes {

    static final String UNKNOWN = "external";
    static final String LAYER = "AWS::Lambda::LayerVersion";

    private static final Map<String, String> BY_SERVICE = Map.ofEntries(
            Map.entry("sqs", "AWS::SQS::Queue"),
            Map.entry("sns", "AWS::SNS::Topic"),
            Map.entry("kinesis", "AWS::Kinesis::Stream"),
            Map.entry("dynamodb", "AWS::DynamoDB::Table"),
            Map.entry("s3", "AWS::S3::Bucket"),
            Map.entry("kafka", "AWS::MSK::Cluster"),
            Map.entry("mq", "AWS::AmazonMQ::Broker"),
            Map.entry("events", "AWS::Events::EventBus"),
            Map.entry("logs", "AWS::Logs::LogGroup"),
            Map.entry("cognito-idp", "AWS::Cognito::UserPool"),
            Map.entry("states", "AWS::StepFunctions::StateMachine"),
            Map.entry("elasticloadbalancing", "AWS::ElasticLoadBalancingV2::Listener"),
            Map.entry("secretsmanager", "AWS::SecretsManager::Secret"));

    private ArnTypes() {}

    static String of(String arn) {
        // an ARN built by Fn::Sub: its ${AWS::Partition}, ${AWS::Region} ... hold colons of their own
        String[] parts = arn.replaceAll("\\$\\{[^}]*}", "_").split(":", 7);
        if (parts.length < 3) {
            return UNKNOWN;
        }
        if (parts[2].equals("lambda")) {
            return arn.contains(":layer:") ? LAYER : arn.contains(":function:") ? "AWS::Lambda::Function" : UNKNOWN;
        }
        return BY_SERVICE.getOrDefault(parts[2], UNKNOWN);
    }
}
