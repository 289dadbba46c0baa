/**
 * AWS, for the layer dropdown and the account registry (issue 8): the Lambda layers of an account and region
 * ({@link dev.stackdraft.aws.LayerCatalog}, every page, cached briefly), layer version ARNs typed in
 * ({@link dev.stackdraft.aws.LayerVersionArn}) and whether a version fits a function
 * ({@link dev.stackdraft.aws.LayerFit}), the accounts a user linked ({@link dev.stackdraft.aws.AwsAccounts} in the
 * database, {@link dev.stackdraft.aws.AccountsFile} for the CLI) and what their credentials may do
 * ({@link dev.stackdraft.aws.AccessCheck}).
 *
 * <p>Every call goes through the AWS SDK for Java v2 with the SDK's own settings (default credential chain,
 * {@code AWS_PROFILE}, {@code AWS_REGION}, {@code AWS_ENDPOINT_URL}) or an assumed role
 * ({@link dev.stackdraft.aws.AwsTarget}); throttling is retried with back-off by the SDK's retry strategy; every
 * failure reaches callers as one {@link dev.stackdraft.aws.AwsException} sentence. Only {@code AwsAccounts} and
 * its wiring know Spring: the rest runs in the CLI jar, which has no Spring.
 */
@NullMarked
package dev.stackdraft.aws;

import org.jspecify.annotations.NullMarked;
