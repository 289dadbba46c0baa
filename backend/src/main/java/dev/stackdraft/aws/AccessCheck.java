package dev.stackdraft.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LayersListItem;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * What the credentials of a target may do, found by trying what Stackdraft needs, each call on its own:
 * {@code sts:AssumeRole} (when there is a role), {@code sts:GetCallerIdentity}, {@code lambda:ListLayers},
 * {@code lambda:ListLayerVersions} and {@code lambda:GetLayerVersion} (on the first layer, when there is one).
 * Trying beats {@code iam:SimulatePrincipalPolicy}: that needs IAM read rights of its own, ignores resource and
 * organisation policies, and moto does not implement it.
 */
public final class AccessCheck {

    private final AwsClients clients;

    public AccessCheck(AwsClients clients) {
        this.clients = clients;
    }

    /** Tries each call; never throws for a denied or failed call, which is reported instead. */
    public AccessReport check(AwsTarget target) {
        List<AccessReport.Permission> permissions = new ArrayList<>();
        RoleToAssume role = target.role();
        if (role != null) {
            AccessReport.Permission assume = attempt("sts:AssumeRole", "assuming the role " + role.roleArn(), target.withRole(null),
                    () -> clients.sts(target.withRole(null)).assumeRole(r -> {
                        r.roleArn(role.roleArn()).roleSessionName(AwsClients.SESSION_NAME + "-check");
                        if (role.externalId() != null) {
                            r.externalId(role.externalId());
                        }
                    }));
            permissions.add(assume);
            if (assume.outcome() != AccessReport.Outcome.ALLOWED) {
                for (String action : List.of("sts:GetCallerIdentity", "lambda:ListLayers", "lambda:ListLayerVersions",
                        "lambda:GetLayerVersion")) {
                    permissions.add(skipped(action, "the role could not be assumed"));
                }
                return new AccessReport(target, null, null, permissions);
            }
        }
        GetCallerIdentityResponse[] identity = new GetCallerIdentityResponse[1];
        permissions.add(attempt("sts:GetCallerIdentity", "asking who the credentials are", target,
                () -> identity[0] = clients.sts(target).getCallerIdentity()));
        @Nullable String identityAccount = identity[0] == null ? null : identity[0].account();
        LambdaClient lambda = clients.lambda(target);
        List<LayersListItem> first = new ArrayList<>();
        permissions.add(attempt("lambda:ListLayers", "listing the Lambda layers", target,
                () -> first.addAll(lambda.listLayers(r -> r.maxItems(1)).layers())));
        if (first.isEmpty()) {
            String why = "no layer in the account to try it on";
            permissions.add(skipped("lambda:ListLayerVersions", why));
            permissions.add(skipped("lambda:GetLayerVersion", why));
        } else {
            LayersListItem layer = first.getFirst();
            permissions.add(attempt("lambda:ListLayerVersions", "listing the versions of " + layer.layerName(), target,
                    () -> lambda.listLayerVersions(r -> r.layerName(layer.layerName()).maxItems(1))));
            long latest = layer.latestMatchingVersion() == null ? 1 : layer.latestMatchingVersion().version();
            permissions.add(attempt("lambda:GetLayerVersion", "reading " + layer.layerName() + ":" + latest, target,
                    () -> lambda.getLayerVersion(r -> r.layerName(layer.layerName()).versionNumber(latest))));
        }
        if (identityAccount != null && target.account() != null && !identityAccount.equals(target.account())) {
            permissions.add(new AccessReport.Permission("account", AccessReport.Outcome.FAILED, "the credentials belong to "
                    + "account " + identityAccount + ", not " + target.account() + ": check the profile or the role"));
        }
        return new AccessReport(target, identity[0] == null ? null : identity[0].arn(), identityAccount, permissions);
    }

    private static AccessReport.Permission attempt(String action, String what, AwsTarget target, Runnable call) {
        try {
            call.run();
            return new AccessReport.Permission(action, AccessReport.Outcome.ALLOWED, "");
        } catch (SdkException e) {
            return new AccessReport.Permission(action,
                    AwsErrors.denied(e) ? AccessReport.Outcome.DENIED : AccessReport.Outcome.FAILED,
                    Objects.requireNonNull(AwsErrors.of(what, action, target, e).getMessage()));
        }
    }

    private static AccessReport.Permission skipped(String action, String why) {
        return new AccessReport.Permission(action, AccessReport.Outcome.SKIPPED, why);
    }
}
