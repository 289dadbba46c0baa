package dev.stackdraft.graph;

import dev.stackdraft.arn.Arns;

/**
 * The resource type an ARN suggests ({@code arn:aws:sqs:...} → {@code AWS::SQS::Queue}, also when built by
 * {@code Fn::Sub} from pseudo parameters), for nodes outside the template; {@code external} where the ARN says too
 * little. The table of ARN forms is {@link Arns}', shared with the checks of ARNs users type.
 */
final class ArnTypes {

    static final String UNKNOWN = "external";
    static final String LAYER = "AWS::Lambda::LayerVersion";

    private ArnTypes() {}

    static String of(String arn) {
        return Arns.typeOf(arn).orElse(UNKNOWN);
    }
}
