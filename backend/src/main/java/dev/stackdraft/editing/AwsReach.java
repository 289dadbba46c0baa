package dev.stackdraft.editing;

import dev.stackdraft.aws.AwsTarget;

/**
 * Whether Stackdraft can reach an environment's AWS account, for what needs AWS (the layers in the account): through
 * an account of the user's registry (a role to assume, or the server's own credentials), or not, with why.
 */
public sealed interface AwsReach {

    /** A sentence for the page: how the account is reached, or why it is not. */
    String describe();

    record Reachable(AwsTarget target, String accountName) implements AwsReach {
        @Override
        public String describe() {
            return "AWS account " + accountName + " (" + target.describe() + ")";
        }
    }

    record Unreachable(String why) implements AwsReach {
        @Override
        public String describe() {
            return why;
        }
    }
}
