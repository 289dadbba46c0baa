package dev.stackdraft.aws;

import dev.stackdraft.config.PostgresServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/** The account registry and the V5 migration on a real PostgreSQL (skipped where PostgreSQL is not installed). */
class PostgresAwsAccountsTest extends AwsAccountsTest {

    @BeforeAll
    static void needsPostgres() {
        Assumptions.assumeTrue(PostgresServer.shared().isPresent(), PostgresServer::whyNot);
    }

    @Override
    DataSource dataSource() {
        return PostgresServer.sharedDataSource();
    }
}
