package dev.stackdraft.aws;

import org.jspecify.annotations.Nullable;

/**
 * A linked AWS account as lists show it: never its external id, only whether it has one.
 *
 * @param name           what the user calls it ({@code prod}, {@code sandbox}); unique per user
 * @param accountId      the 12-digit account id
 * @param roleArn        the role Stackdraft assumes in it; null: the server's (or shell's) own credentials
 * @param hasExternalId  whether the role is assumed with an external id
 */
public record AwsAccount(String name, String accountId, @Nullable String roleArn, boolean hasExternalId) {}
