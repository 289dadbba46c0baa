package dev.stackdraft.template;

/**
 * A resource type as written ({@code AWS::Serverless::Function}, {@code Custom::Thing}), or one of the two
 * pseudo types a {@code serverless.yml} declares in its own sections ({@link #SERVERLESS_FUNCTION},
 * {@link #SERVERLESS_LAYER}).
 */
public record ResourceType(String value) {

    public static final ResourceType SERVERLESS_FUNCTION = new ResourceType("Serverless::Function");
    public static final ResourceType SERVERLESS_LAYER = new ResourceType("Serverless::Layer");
    public static final ResourceType SAM_FUNCTION = new ResourceType("AWS::Serverless::Function");
    public static final ResourceType LAMBDA_FUNCTION = new ResourceType("AWS::Lambda::Function");
    public static final ResourceType SAM_LAYER = new ResourceType("AWS::Serverless::LayerVersion");
    public static final ResourceType LAMBDA_LAYER = new ResourceType("AWS::Lambda::LayerVersion");
    public static final ResourceType SAM_STATE_MACHINE = new ResourceType("AWS::Serverless::StateMachine");
    public static final ResourceType SAM_CONNECTOR = new ResourceType("AWS::Serverless::Connector");
    public static final ResourceType SAM_GRAPHQL_API = new ResourceType("AWS::Serverless::GraphQLApi");

    public boolean isSam() {
        return value.startsWith("AWS::Serverless::");
    }

    public boolean isFunction() {
        return equals(SAM_FUNCTION) || equals(LAMBDA_FUNCTION) || equals(SERVERLESS_FUNCTION);
    }

    public boolean isLayer() {
        return equals(SAM_LAYER) || equals(LAMBDA_LAYER) || equals(SERVERLESS_LAYER);
    }

    public boolean isCustom() {
        return value.startsWith("Custom::") || value.equals("AWS::CloudFormation::CustomResource");
    }

    @Override
    public String toString() {
        return value;
    }
}
