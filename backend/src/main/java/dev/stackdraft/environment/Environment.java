package dev.stackdraft.environment;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One environment of a project ({@code dev}, {@code prod} ...) as {@code sam deploy --config-env NAME} sees it in
 * {@code samconfig.toml}: the keys of {@code [NAME.deploy.parameters]}, each falling back to
 * {@code [NAME.global.parameters]} when the deploy table does not have it (the SAM CLI's precedence: a command's key
 * replaces the global one whole, so a deploy {@code parameter_overrides} hides every global one).
 *
 * <p>Read: {@code stack_name}, {@code region}, {@code parameter_overrides} (a string {@code K=V K2="v w"}, a list of
 * such strings, or a table; split as the SAM CLI splits it; {@code file://} references are not followed),
 * {@code tags} (a string or a list), {@code capabilities} (a string of space-separated names or a list).
 *
 * <p>The AWS account id has no key in SAM: it is kept in a table no {@code sam} command reads,
 * {@code [NAME.stackdraft.parameters] account_id = "123456789012"}, so that the environment-to-account link is in
 * Git with the rest (SAM's own schema allows such a table). What must stay out of Git (the role's external id) is
 * not here; it belongs to the account registry in the database.
 *
 * @param stackName          the CloudFormation stack, or null when the file names none
 * @param region             the AWS region, or null (then SAM uses the profile's or the environment's region)
 * @param accountId          the 12-digit AWS account id Stackdraft ties the environment to, or null
 * @param parameterOverrides template parameter values for this environment, in the file's order
 * @param tags               stack tags, in the file's order
 * @param capabilities       the CloudFormation capabilities the deploy acknowledges
 */
public record Environment(String name, @Nullable String stackName, @Nullable String region, @Nullable String accountId,
                          Map<String, String> parameterOverrides, Map<String, String> tags, List<String> capabilities) {

    public Environment {
        parameterOverrides = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameterOverrides));
        tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
        capabilities = List.copyOf(capabilities);
    }
}
