package dev.stackdraft.aws;

import java.net.URI;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where and as whom an AWS call goes.
 *
 * @param region    the region, e.g. {@code eu-west-1}
 * @param role      the role to assume; none: the SDK's default credential chain (environment, {@code AWS_PROFILE},
 *                  instance or container role)
 * @param endpoint  an endpoint to use instead of AWS's (a test's moto, LocalStack); none: the SDK's own settings,
 *                  which honour {@code AWS_ENDPOINT_URL}
 * @param account   the 12-digit account id the caller expects, for messages and checks; none when not known
 */
public record AwsTarget(String region, @Nullable RoleToAssume role, @Nullable URI endpoint, @Nullable String account) {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    public AwsTarget {
        if (!REGION.matcher(region).matches()) {
            throw new AwsException("'" + region + "' is not an AWS region (like eu-west-1 or us-gov-west-1).");
        }
    }

    /** The server's (or the shell's) own credentials and endpoint settings, in {@code region}. */
    public static AwsTarget ownCredentials(String region) {
        return new AwsTarget(region, null, null, null);
    }

    public AwsTarget withEndpoint(@Nullable URI endpoint) {
        return new AwsTarget(region, role, endpoint, account);
    }

    public AwsTarget withRole(@Nullable RoleToAssume role) {
        return new AwsTarget(region, role, endpoint, account);
    }

    public AwsTarget withAccount(@Nullable String account) {
        return new AwsTarget(region, role, endpoint, account);
    }

    /** {@code account 123456789012, region eu-west-1} (or {@code region eu-west-1} when the account is unknown). */
    public String describe() {
        return (account == null ? "" : "account " + account + ", ") + "region " + region
                + (role == null ? "" : " (as " + role.roleArn() + ")");
    }
}
