package db.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.config.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V3 on a database that holds what V2 left (repositories, an import): owners are filled in, the fifth outcome is
 * accepted and nothing else is, on H2 and on a real PostgreSQL.
 */
class OrganisationScaleMigrationTest {

    @Test
    void v3_fills_in_owners_and_accepts_unreadable_on_h2() throws SQLException {
        String url = "jdbc:h2:mem:v3-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        migrateFromV2(url, "sa", "");
    }

    @Test
    void v3_fills_in_owners_and_accepts_unreadable_on_postgresql() throws SQLException {
        Assumptions.assumeTrue(PostgresServer.shared().isPresent(), PostgresServer::whyNot);
        PostgresServer server = PostgresServer.shared().orElseThrow();
        String schema = "v3_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), PostgresServer.USER, "")) {
            c.createStatement().execute("create schema " + schema);
        }
        migrateFromV2(server.jdbcUrl() + (server.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema,
                PostgresServer.USER, "");
    }

    /**
     * One connection for Flyway and the test, as the app's pool gives: H2 ties a check constraint's value set to the
     * session that created it, so a migration on a connection closed afterwards would leave it unusable in a
     * {@code mem:} database.
     */
    private static void migrateFromV2(String url, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
            flyway(dataSource).target("2").load().migrate();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql("insert into app_user (id, username, display_name, created_at) values (1, 'pat', 'Pat', current_timestamp)")
                    .update();
            insertRepository(jdbc, 1, "acme/orders");
            insertRepository(jdbc, 2, "platform/infra/network");
            jdbc.sql("""
                    insert into import_job (id, user_id, status, total, done, started_at)
                    values (1, 1, 'FINISHED', 1, 1, current_timestamp)""").update();
            jdbc.sql("""
                    insert into import_item (job_id, repository_id, repository, host_repo_id, outcome, templates, reason)
                    values (1, 1, 'acme/orders', '1', 'IMPORTED', 1, '')""").update();

            flyway(dataSource).load().migrate();

            assertThat(jdbc.sql("select owner from git_repository order by id").query(String.class).list())
                    .containsExactly("acme", "platform/infra");
            jdbc.sql("update import_item set outcome = 'UNREADABLE' where job_id = 1").update();
            assertThat(jdbc.sql("select outcome from import_item").query(String.class).single()).isEqualTo("UNREADABLE");
            assertThatThrownBy(() -> jdbc.sql("update import_item set outcome = 'MAYBE' where job_id = 1").update())
                    .as("the outcome is still checked").isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> jdbc.sql("update import_item set outcome = null where job_id = 1").update())
                    .as("and still required").isInstanceOf(RuntimeException.class);
        }
    }

    private static void insertRepository(JdbcClient jdbc, long id, String fullName) {
        jdbc.sql("""
                insert into git_repository (id, host, api_base, host_id, full_name, default_branch, clone_url, private_repo,
                                            last_seen)
                values (?, 'GITHUB', 'https://api.github.com', ?, ?, 'main', 'https://github.com/x.git', false,
                        current_timestamp)""")
                .params(id, Long.toString(id), fullName).update();
    }

    private static FluentConfiguration flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
    }
}
