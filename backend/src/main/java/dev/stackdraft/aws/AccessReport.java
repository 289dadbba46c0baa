package dev.stackdraft.aws;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What credentials may do in an account, as {@link AccessCheck} found by trying each call.
 *
 * @param identityArn     who the calls ran as ({@code sts:GetCallerIdentity}); null when that failed
 * @param identityAccount the account of that identity; null when unknown
 * @param permissions     each call tried, in order
 */
public record AccessReport(AwsTarget target, @Nullable String identityArn, @Nullable String identityAccount,
                           List<Permission> permissions) {

    public enum Outcome { ALLOWED, DENIED, FAILED, SKIPPED }

    /**
     * One call and how it went.
     *
     * @param action the IAM action, e.g. {@code lambda:ListLayers}
     * @param detail a sentence: why it was denied, failed or skipped; empty when allowed
     */
    public record Permission(String action, Outcome outcome, String detail) {

        @Override
        public String toString() {
            return action + ": " + outcome.name().toLowerCase(Locale.ROOT) + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    public AccessReport {
        permissions = List.copyOf(permissions);
    }

    /** Whether every call that was tried is allowed (skipped ones aside). */
    public boolean allAllowed() {
        return permissions.stream().allMatch(p -> p.outcome() == Outcome.ALLOWED || p.outcome() == Outcome.SKIPPED);
    }
}
