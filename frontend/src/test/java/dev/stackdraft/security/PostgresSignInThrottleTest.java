package dev.stackdraft.security;

import dev.stackdraft.config.PostgresServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The sign-in throttle and its V8 migration on a real PostgreSQL, where several instances keep their counts (skipped
 * where PostgreSQL is not installed): row locks under parallel guesses, time zones, the clean-up.
 */
class PostgresSignInThrottleTest extends SignInThrottleTest {

    @BeforeAll
    static void needsPostgres() {
        Assumptions.assumeTrue(PostgresServer.shared().isPresent(), PostgresServer::whyNot);
    }

    @Override
    DataSource dataSource() {
        return PostgresServer.sharedDataSource();
    }
}
