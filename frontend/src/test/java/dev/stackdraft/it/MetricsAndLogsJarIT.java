package dev.stackdraft.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.TestDataDir;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged jar as an operator runs it with metrics and JSON logs on: {@code MANAGEMENT_SERVER_PORT} and
 * {@code MANAGEMENT_SERVER_ADDRESS} give the actuator a port of its own, {@code STACKDRAFT_LOG_FORMAT=ecs} turns the
 * console into JSON lines. Prometheus scrapes the management port without signing in; on the app's port the same
 * endpoint needs a signed-in user. Every line the process writes is JSON, and none holds the secrets it was given.
 */
class MetricsAndLogsJarIT {

    private static final String ADMIN_PASSWORD = "jar-it-admin-" + System.nanoTime();
    private static final String CLIENT_SECRET = "jar-it-github-client-secret-" + System.nanoTime();
    private static final String KEY = Base64.getEncoder().encodeToString(SecureRandom.getSeed(32));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static StackdraftProcess app;
    private static int port;
    private static int managementPort;

    @BeforeAll
    static void start() throws InterruptedException {
        port = StackdraftProcess.freePort();
        managementPort = StackdraftProcess.freePort();
        app = StackdraftProcess.start(TestDataDir.fresh("metrics-and-logs"), port, StackdraftProcess.env(
                "STACKDRAFT_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "STACKDRAFT_ENCRYPTION_KEY", KEY,
                "STACKDRAFT_GITHUB_CLIENT_ID", "stackdraft-jar-it",
                "STACKDRAFT_GITHUB_CLIENT_SECRET", CLIENT_SECRET,
                "STACKDRAFT_LOG_FORMAT", "ecs",
                "MANAGEMENT_SERVER_PORT", Integer.toString(managementPort),
                "MANAGEMENT_SERVER_ADDRESS", "127.0.0.1")).awaitStarted(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void prometheus_scrapes_the_management_port_without_signing_in() throws Exception {
        HttpResponse<String> scrape = get(managementPort, "/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(scrape.body())
                .contains("stackdraft_commits_total{application=\"stackdraft\",outcome=\"pushed\"} 0.0")
                .contains("stackdraft_commits_total{application=\"stackdraft\",outcome=\"conflict\"} 0.0")
                .contains("stackdraft_imports_repositories{application=\"stackdraft\",state=\"pending\"} 0.0")
                .contains("stackdraft_imports_running{application=\"stackdraft\"} 0.0")
                .contains("stackdraft_imports_duration_seconds_count{application=\"stackdraft\",status=\"finished\"} 0")
                .contains("stackdraft_sessions_open_sessions{application=\"stackdraft\"}")
                .contains("jvm_memory_used_bytes");
        assertThat(get(managementPort, "/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/").statusCode()).as("the management port serves no page").isNotEqualTo(200);
    }

    @Test
    void on_the_apps_port_the_metrics_need_a_signed_in_user() throws Exception {
        HttpResponse<String> anonymous = get(port, "/actuator/prometheus");

        assertThat(anonymous.statusCode()).isIn(302, 401, 403, 404);
        assertThat(anonymous.body()).doesNotContain("stackdraft_");
        if (anonymous.statusCode() == 302) {
            assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        }
    }

    @Test
    void every_line_is_json_and_none_holds_a_secret() throws Exception {
        get(managementPort, "/actuator/prometheus");
        JsonMapper json = JsonMapper.builder().build();

        assertThat(app.standardOutput()).isNotEmpty().allSatisfy(line -> {
            JsonNode entry = json.readTree(line);
            assertThat(entry.path("@timestamp").isString()).as(line).isTrue();
            assertThat(entry.path("log").path("level").isString()).as(line).isTrue();
            assertThat(entry.path("message").isString()).as(line).isTrue();
        });
        assertThat(app.output().lines().toList()).as("output lines holding a secret").noneMatch(line -> line.contains(ADMIN_PASSWORD)
                || line.contains(CLIENT_SECRET) || line.contains(KEY));
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
