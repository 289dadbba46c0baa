package dev.stackdraft.arn;

import java.util.Optional;

/**
 * An ARN split into its parts: {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE}, where the resource part may hold
 * colons and slashes of its own ({@code function:orders:live}, {@code table/Orders}).
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    /** The parts of {@code text}, or empty where it is not {@code arn:} followed by five colon-separated parts. */
    public static Optional<Arn> parse(String text) {
        if (!text.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 6);
        if (parts.length < 6) {
            return Optional.empty();
        }
        return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]));
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
