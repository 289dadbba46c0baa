package dev.stackdraft.aws;

import org.jspecify.annotations.Nullable;

/**
 * An IAM role that Stackdraft assumes (STS AssumeRole) to reach an account, with the external id the role's trust
 * policy asks for. {@link #toString()} never shows the external id.
 */
public record RoleToAssume(String roleArn, @Nullable String externalId) {

    @Override
    public String toString() {
        return "RoleToAssume[" + roleArn + (externalId == null ? "" : ", external id ****") + "]";
    }
}
