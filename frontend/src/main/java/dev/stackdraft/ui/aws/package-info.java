/**
 * The AWS account registry in the browser (issue 8): the accounts a user linked (name, account id, how Stackdraft
 * reaches them), linking one, unlinking one, and checking in the background what its credentials may do in a region.
 * Thin: every action is one call to {@link dev.stackdraft.aws.AwsAccounts}; what goes wrong reaches the user as the
 * {@link dev.stackdraft.aws.AwsException}'s sentence.
 */
@NullMarked
package dev.stackdraft.ui.aws;

import org.jspecify.annotations.NullMarked;
