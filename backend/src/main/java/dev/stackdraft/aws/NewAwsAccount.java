package dev.stackdraft.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An AWS account to link, checked as it is made: a name of letters, digits, {@code . _ -}; a 12-digit account id;
 * a role ARN in that account (or none: the own credentials); an external id only with a role, in the characters
 * STS accepts. {@link #toString()} never shows the external id.
 *
 * @throws AwsException (from the constructor) with one sentence per problem
 */
public record NewAwsAccount(String name, String accountId, @Nullable String roleArn, @Nullable String externalId) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern ROLE = Pattern.compile("arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):role/[\\w+=,.@/-]{1,512}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");

    public NewAwsAccount {
        roleArn = blankToNull(roleArn);
        externalId = blankToNull(externalId);
        List<String> problems = new ArrayList<>();
        if (!NAME.matcher(name).matches()) {
            problems.add("The name '" + name + "' may have only letters, digits, '.', '_' and '-' (1 to 100, starting "
                    + "with a letter or digit).");
        }
        if (!ACCOUNT.matcher(accountId).matches()) {
            problems.add("The account id '" + accountId + "' is not 12 digits.");
        }
        if (roleArn != null) {
            var role = ROLE.matcher(roleArn);
            if (!role.matches()) {
                problems.add("The role ARN '" + roleArn + "' is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME).");
            } else if (ACCOUNT.matcher(accountId).matches() && !role.group(2).equals(accountId)) {
                problems.add("The role " + roleArn + " is in account " + role.group(2) + ", not in " + accountId
                        + ": link the account the role belongs to.");
            }
        }
        if (externalId != null && roleArn == null) {
            problems.add("An external id is only used to assume a role: give --role-arn too, or leave it out.");
        } else if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
            problems.add("The external id must be 2 to 1224 letters, digits or + = , . @ : / - _ characters.");
        }
        if (!problems.isEmpty()) {
            throw new AwsException(String.join(" ", problems));
        }
    }

    /** How Stackdraft reaches it in {@code region}. */
    public AwsTarget target(String region) {
        return AwsTarget.ownCredentials(region).withAccount(accountId)
                .withRole(roleArn == null ? null : new RoleToAssume(roleArn, externalId));
    }

    /** As lists show it. */
    public AwsAccount summary() {
        return new AwsAccount(name, accountId, roleArn, externalId != null);
    }

    @Override
    public String toString() {
        return "NewAwsAccount[" + name + ", " + accountId + (roleArn == null ? "" : ", " + roleArn)
                + (externalId == null ? "" : ", external id ****") + "]";
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
