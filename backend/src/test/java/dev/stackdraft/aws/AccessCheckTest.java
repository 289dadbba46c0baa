package dev.stackdraft.aws;

import static dev.stackdraft.aws.AwsFixtures.MOTO_ACCOUNT;
import static dev.stackdraft.aws.AwsFixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.aws.AccessReport.Outcome;
import dev.stackdraft.aws.AccessReport.Permission;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** `aws check`: each call Stackdraft needs, tried against moto (allowed) and a stub that refuses (denied). */
class AccessCheckTest {

    private final AwsClients clients = AwsFixtures.quickClients();
    private final AccessCheck access = new AccessCheck(clients);

    @AfterEach
    void close() {
        clients.close();
    }

    private static MotoServer moto() {
        org.junit.jupiter.api.Assumptions.assumeTrue(MotoServer.shared().isPresent(), () -> "skipped: " + MotoServer.whyNot());
        MotoServer moto = MotoServer.shared().orElseThrow();
        moto.reset();
        return moto;
    }

    @Test
    void own_credentials_may_do_everything_in_moto() {
        MotoServer moto = moto();
        publish(moto.endpoint(), "tools", "", List.of(), List.of());

        AccessReport report = access.check(AwsFixtures.target(moto.endpoint()).withAccount(MOTO_ACCOUNT));

        assertThat(report.permissions()).extracting(Permission::action, Permission::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("sts:GetCallerIdentity", Outcome.ALLOWED),
                org.assertj.core.groups.Tuple.tuple("lambda:ListLayers", Outcome.ALLOWED),
                org.assertj.core.groups.Tuple.tuple("lambda:ListLayerVersions", Outcome.ALLOWED),
                org.assertj.core.groups.Tuple.tuple("lambda:GetLayerVersion", Outcome.ALLOWED));
        assertThat(report.identityAccount()).isEqualTo(MOTO_ACCOUNT);
        assertThat(report.allAllowed()).isTrue();
    }

    @Test
    void a_role_is_assumed_with_its_external_id_and_the_calls_run_as_the_role() {
        MotoServer moto = moto();
        String roleArn = "arn:aws:iam::111122223333:role/stackdraft";
        AwsTarget target = new NewAwsAccount("prod", "111122223333", roleArn, "ext-7").target(AwsFixtures.REGION)
                .withEndpoint(moto.endpoint());

        AccessReport report = access.check(target);

        assertThat(report.permissions()).extracting(Permission::toString).containsExactly(
                "sts:AssumeRole: allowed", "sts:GetCallerIdentity: allowed", "lambda:ListLayers: allowed",
                "lambda:ListLayerVersions: skipped (no layer in the account to try it on)",
                "lambda:GetLayerVersion: skipped (no layer in the account to try it on)");
        assertThat(report.identityArn()).startsWith("arn:aws:sts::111122223333:assumed-role/stackdraft/");
    }

    @Test
    void credentials_of_another_account_are_said() {
        MotoServer moto = moto();

        AccessReport report = access.check(AwsFixtures.target(moto.endpoint()).withAccount("999988887777"));

        assertThat(report.permissions().getLast()).hasToString("account: failed (the credentials belong to account "
                + MOTO_ACCOUNT + ", not 999988887777: check the profile or the role)");
        assertThat(report.allAllowed()).isFalse();
    }

    @Test
    void denied_calls_are_reported_one_by_one() {
        try (LambdaStub stub = new LambdaStub()) {
            stub.otherwise(request -> new LambdaStub.Answer(403, "AccessDeniedException",
                            "{\"Message\":\"User: arn:aws:iam::123456789012:user/ci is not authorized to perform: "
                                    + "lambda:ListLayers\"}"));
            // STS speaks the query protocol: XML
            stub.then(200, "", "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                    + "<GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/ci</Arn><UserId>AIDA</UserId>"
                    + "<Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>");

            AccessReport report = access.check(AwsFixtures.target(stub.endpoint()));

            assertThat(report.permissions()).extracting(Permission::action, Permission::outcome).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("sts:GetCallerIdentity", Outcome.ALLOWED),
                    org.assertj.core.groups.Tuple.tuple("lambda:ListLayers", Outcome.DENIED),
                    org.assertj.core.groups.Tuple.tuple("lambda:ListLayerVersions", Outcome.SKIPPED),
                    org.assertj.core.groups.Tuple.tuple("lambda:GetLayerVersion", Outcome.SKIPPED));
            assertThat(report.permissions().get(1).detail()).isEqualTo("Access denied listing the Lambda layers in "
                    + "region eu-west-1 (AccessDeniedException: User: arn:aws:iam::123456789012:user/ci is not authorized "
                    + "to perform: lambda:ListLayers); allow lambda:ListLayers to these credentials.");
        }
    }
}
