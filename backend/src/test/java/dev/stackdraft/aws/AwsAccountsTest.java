package dev.stackdraft.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.account.TokenCipher;
import dev.stackdraft.account.TokenCipherException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The account registry on H2 with the real migrations (PostgresAwsAccountsTest runs the same on PostgreSQL). */
class AwsAccountsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T03:00:00Z"), ZoneOffset.UTC);

    final JdbcClient jdbc;
    final AwsAccounts accounts;
    final long alice;
    final long bob;

    AwsAccountsTest() {
        DataSource dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        accounts = new AwsAccounts(jdbc, TokenCipher.withKey(new byte[32]), new AccessCheck(AwsFixtures.quickClients()),
                CLOCK);
        alice = user("alice-" + UUID.randomUUID());
        bob = user("bob-" + UUID.randomUUID());
    }

    /** The database the tests run on: a fresh in-memory H2 here. */
    DataSource dataSource() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    private long user(String name) {
        jdbc.sql("insert into app_user (username, display_name, created_at) values (?, ?, current_timestamp)")
                .params(name, name).update();
        return jdbc.sql("select id from app_user where username = ?").param(name).query(Long.class).single();
    }

    @Test
    void accounts_are_linked_listed_and_unlinked_per_user() {
        accounts.add(alice, new NewAwsAccount("prod", "111122223333", "arn:aws:iam::111122223333:role/stackdraft", "ext-42"));
        accounts.add(alice, new NewAwsAccount("dev", "444455556666", null, null));
        accounts.add(bob, new NewAwsAccount("prod", "777788889999", null, null));

        assertThat(accounts.list(alice)).containsExactly(
                new AwsAccount("dev", "444455556666", null, false),
                new AwsAccount("prod", "111122223333", "arn:aws:iam::111122223333:role/stackdraft", true));
        assertThat(accounts.list(bob)).extracting(AwsAccount::accountId).containsExactly("777788889999");

        assertThat(accounts.remove(alice, "dev")).isTrue();
        assertThat(accounts.remove(alice, "dev")).isFalse();
        assertThat(accounts.list(alice)).extracting(AwsAccount::name).containsExactly("prod");
    }

    @Test
    void the_external_id_is_sealed_in_the_database_and_opened_only_for_the_sdk() {
        accounts.add(alice, new NewAwsAccount("prod", "111122223333", "arn:aws:iam::111122223333:role/stackdraft", "ext-42"));

        String stored = jdbc.sql("select external_id_ciphertext from aws_account where owner_id = ?").param(alice)
                .query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain("ext-42");
        AwsTarget target = accounts.target(alice, "prod", "eu-central-1");
        assertThat(target.role()).isEqualTo(new RoleToAssume("arn:aws:iam::111122223333:role/stackdraft", "ext-42"));
        assertThat(target.account()).isEqualTo("111122223333");
        assertThat(target.toString()).doesNotContain("ext-42");

        // a sealed id copied onto another user's row does not open
        accounts.add(bob, new NewAwsAccount("prod", "111122223333", "arn:aws:iam::111122223333:role/stackdraft", "other"));
        jdbc.sql("update aws_account set external_id_ciphertext = ? where owner_id = ?").params(stored, bob).update();
        assertThatThrownBy(() -> accounts.target(bob, "prod", "eu-central-1")).isInstanceOf(TokenCipherException.class);
    }

    @Test
    void a_second_account_of_the_same_name_and_an_unknown_name_are_refused_with_a_sentence() {
        accounts.add(alice, new NewAwsAccount("prod", "111122223333", null, null));

        assertThatThrownBy(() -> accounts.add(alice, new NewAwsAccount("prod", "444455556666", null, null)))
                .isInstanceOf(AwsException.class)
                .hasMessage("There is an AWS account named prod already: unlink it first, or choose another name.");
        assertThatThrownBy(() -> accounts.target(alice, "staging", "eu-west-1"))
                .isInstanceOf(AwsException.class).hasMessage("There is no AWS account named staging: link it first.");
    }

    @Test
    void what_is_linked_is_checked_before_it_is_stored() {
        assertThatThrownBy(() -> new NewAwsAccount("my prod", "1234", "arn:aws:iam::999999999999:role/x", null))
                .isInstanceOf(AwsException.class)
                .hasMessage("The name 'my prod' may have only letters, digits, '.', '_' and '-' (1 to 100, starting with "
                        + "a letter or digit). The account id '1234' is not 12 digits.");
        assertThatThrownBy(() -> new NewAwsAccount("prod", "111122223333", "arn:aws:iam::999999999999:role/x", null))
                .hasMessage("The role arn:aws:iam::999999999999:role/x is in account 999999999999, not in 111122223333: "
                        + "link the account the role belongs to.");
        assertThatThrownBy(() -> new NewAwsAccount("prod", "111122223333", null, "ext"))
                .hasMessage("An external id is only used to assume a role: give --role-arn too, or leave it out.");
        assertThatThrownBy(() -> new NewAwsAccount("prod", "111122223333", "arn:aws:iam::111122223333:user/x", null))
                .hasMessage("The role ARN 'arn:aws:iam::111122223333:user/x' is not an IAM role ARN "
                        + "(arn:aws:iam::ACCOUNT:role/NAME).");
    }

    @Test
    void a_check_assumes_the_stored_role_with_the_stored_external_id() {
        org.junit.jupiter.api.Assumptions.assumeTrue(MotoServer.shared().isPresent(), () -> "skipped: " + MotoServer.whyNot());
        MotoServer moto = MotoServer.shared().orElseThrow();
        moto.reset();
        accounts.add(alice, new NewAwsAccount("prod", "111122223333", "arn:aws:iam::111122223333:role/stackdraft", "ext-42"));
        AccessCheck access = new AccessCheck(AwsFixtures.quickClients());

        AccessReport report = access.check(accounts.target(alice, "prod", "eu-west-1").withEndpoint(moto.endpoint()));

        assertThat(report.identityArn()).startsWith("arn:aws:sts::111122223333:assumed-role/stackdraft/");
        assertThat(report.allAllowed()).isTrue();
    }
}
