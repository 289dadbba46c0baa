package dev.stackdraft.aws;

import dev.stackdraft.account.TokenCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The AWS accounts each user linked, in the database: name, account id, the role to assume and its external id
 * (sealed with {@link TokenCipher}, bound to owner, account and role, so that a sealed id copied onto another row
 * does not open). The external id leaves this class only inside an {@link AwsTarget}, for the SDK.
 */
@Transactional
public class AwsAccounts {

    private static final String COLUMNS = "name, account_id, role_arn, external_id_ciphertext";

    private final JdbcClient jdbc;
    private final TokenCipher cipher;
    private final AccessCheck access;
    private final Clock clock;

    public AwsAccounts(JdbcClient jdbc, TokenCipher cipher, AccessCheck access, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc);
        this.cipher = Objects.requireNonNull(cipher);
        this.access = Objects.requireNonNull(access);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The user's accounts, by name. */
    @Transactional(readOnly = true)
    public List<AwsAccount> list(long userId) {
        return jdbc.sql("select " + COLUMNS + " from aws_account where owner_id = ? order by name")
                .param(userId)
                .query((rs, row) -> summary(rs))
                .list();
    }

    /** One of the user's accounts. */
    @Transactional(readOnly = true)
    public Optional<AwsAccount> find(long userId, String name) {
        return jdbc.sql("select " + COLUMNS + " from aws_account where owner_id = ? and name = ?")
                .params(userId, name)
                .query((rs, row) -> summary(rs))
                .optional();
    }

    /**
     * Links an account.
     *
     * @throws AwsException when the user has an account of that name already
     */
    public AwsAccount add(long userId, NewAwsAccount account) {
        String sealed = account.externalId() == null ? null
                : cipher.encrypt(account.externalId(), context(userId, account.accountId(), account.roleArn()));
        try {
            jdbc.sql("insert into aws_account (owner_id, name, account_id, role_arn, external_id_ciphertext, created_at) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(userId, account.name(), account.accountId(), account.roleArn(), sealed,
                            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new AwsException("There is an AWS account named " + account.name() + " already: unlink it first, "
                    + "or choose another name.");
        }
        return account.summary();
    }

    /** Unlinks an account; false when the user has none of that name. */
    public boolean remove(long userId, String name) {
        return jdbc.sql("delete from aws_account where owner_id = ? and name = ?").params(userId, name).update() > 0;
    }

    /**
     * How to reach the account {@code name} in {@code region}, external id included.
     *
     * @throws AwsException when the user has no account of that name
     */
    @Transactional(readOnly = true)
    public AwsTarget target(long userId, String name, String region) {
        return jdbc.sql("select " + COLUMNS + " from aws_account where owner_id = ? and name = ?")
                .params(userId, name)
                .query((rs, row) -> {
                    String accountId = rs.getString("account_id");
                    @Nullable String roleArn = rs.getString("role_arn");
                    @Nullable String sealed = rs.getString("external_id_ciphertext");
                    String externalId = sealed == null ? null : cipher.decrypt(sealed, context(userId, accountId, roleArn));
                    return new NewAwsAccount(name, accountId, roleArn, externalId).target(region);
                })
                .optional()
                .orElseThrow(() -> new AwsException("There is no AWS account named " + name + ": link it first."));
    }

    /**
     * Tries what Stackdraft needs in the account (assume the role, who am I, list and read layers) and reports each
     * call as allowed, denied, failed or skipped. Holds no database connection while AWS answers.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public AccessReport check(long userId, String name, String region) {
        return access.check(target(userId, name, region));
    }

    /** What an external id is bound to: a sealed id moved to another user, account or role does not open. */
    static String context(long userId, String accountId, @Nullable String roleArn) {
        return "aws-account " + userId + " " + accountId + " " + roleArn;
    }

    private static AwsAccount summary(ResultSet rs) throws SQLException {
        return new AwsAccount(rs.getString("name"), rs.getString("account_id"), rs.getString("role_arn"),
                rs.getString("external_id_ciphertext") != null);
    }
}
