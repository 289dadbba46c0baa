package dev.stackdraft.it;

import static dev.stackdraft.it.StackdraftProcess.env;
import static dev.stackdraft.it.StackdraftProcess.freshDataDir;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.config.PostgresServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Readiness includes the database, liveness does not: the packaged app on a PostgreSQL of its own, which is stopped
 * while the app runs. Then the load balancer must stop sending users (readiness 503, DOWN) while the orchestrator
 * must not restart the instance (liveness 200, UP). Both answer without signing in.
 */
class HealthProbesIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void readiness_follows_the_database_and_liveness_does_not() throws Exception {
        PostgresServer postgres = StartupFailuresIT.ownPostgres("probe-password");
        try (StackdraftProcess app = StackdraftProcess.start(freshDataDir("probes"), env(
                "SPRING_DATASOURCE_URL", postgres.jdbcUrl(),
                "SPRING_DATASOURCE_USERNAME", PostgresServer.USER,
                "SPRING_DATASOURCE_PASSWORD", "probe-password",
                // as docs/operations.md advises: the pool gives up on a vanished database sooner than its 30 s
                "SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT", "3000"))) {
            app.awaitStarted(Duration.ofMinutes(3));

            assertThat(get(app, "/actuator/health/readiness")).isEqualTo("200 {\"status\":\"UP\"}");
            assertThat(get(app, "/actuator/health/liveness")).isEqualTo("200 {\"status\":\"UP\"}");

            postgres.stop();

            assertThat(get(app, "/actuator/health/readiness")).isEqualTo("503 {\"status\":\"DOWN\"}");
            assertThat(get(app, "/actuator/health/liveness")).isEqualTo("200 {\"status\":\"UP\"}");
        } finally {
            postgres.stop();
        }
    }

    /** The status code and the body, as an anonymous client (a probe) sees them. */
    private String get(StackdraftProcess app, String path) throws IOException, InterruptedException {
        // the database check waits for a connection up to the pool's timeout before it says DOWN
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port + path))
                .timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
