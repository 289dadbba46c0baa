package dev.stackdraft.template;

import java.util.Optional;

/**
 * The logical ids the Serverless Framework derives from the names in a {@code serverless.yml}:
 * {@code <Name>LambdaFunction} for a function, {@code <Name>LambdaLayer} for a layer, with the first letter
 * upper-cased, {@code -} spelt {@code Dash} and {@code _} spelt {@code Underscore}.
 */
public final class ServerlessNames {

    private ServerlessNames() {}

    public static String normalize(String name) {
        String cleaned = name.replace("-", "Dash").replace("_", "Underscore");
        return cleaned.isEmpty() ? cleaned : Character.toUpperCase(cleaned.charAt(0)) + cleaned.substring(1);
    }

    public static String layerId(String layerName) {
        return normalize(layerName) + "LambdaLayer";
    }

    public static String functionId(String functionName) {
        return normalize(functionName) + "LambdaFunction";
    }

    /** The generated logical id of a serverless.yml function or layer; empty for other resources. */
    public static Optional<String> logicalId(Resource resource) {
        if (resource.type().equals(ResourceType.SERVERLESS_FUNCTION)) {
            return Optional.of(functionId(resource.id().value()));
        }
        if (resource.type().equals(ResourceType.SERVERLESS_LAYER)) {
            return Optional.of(layerId(resource.id().value()));
        }
        return Optional.empty();
    }
}
