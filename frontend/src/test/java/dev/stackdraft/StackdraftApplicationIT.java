package dev.stackdraft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.account.AccountService;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded default, started as the jar starts it: no host configured, H2 and the key in the data folder. An IT
 * (after the frontend bundle is built): before it, Vaadin would be in development mode and build the canvas's
 * TypeScript first.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StackdraftApplicationIT {

    private static final Path DATA = TestDataDir.fresh("application-test");
    private static final String ADMIN_PASSWORD = "test-admin-password";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("stackdraft.data-dir", DATA::toString);
        registry.add("stackdraft.admin-password", () -> ADMIN_PASSWORD);
    }

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Test
    void health_is_up_without_signing_in() throws Exception {
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void no_page_is_open_without_signing_in() throws Exception {
        for (String path : new String[] {"/", "/projects/1", "/actuator/info", "/actuator/env"}) {
            HttpResponse<String> response = get(path);

            assertThat(response.statusCode()).as(path).isIn(302, 401, 403, 404);
            if (response.statusCode() == 302) {
                assertThat(response.headers().firstValue("Location")).as(path).hasValueSatisfying(
                        location -> assertThat(location).endsWith("/login"));
            }
        }
    }

    @Test
    void the_login_page_is_the_vaadin_bootstrap_page() throws Exception {
        HttpResponse<String> response = get("/login");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("<div id=\"outlet\">");
    }

    @Test
    void without_client_ids_there_is_no_host_sign_in() throws Exception {
        HttpResponse<String> response = get("/oauth2/authorization/github");

        // not an OAuth2 endpoint here: just a page that needs signing in
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void the_admin_signs_in_with_the_password_and_a_wrong_one_is_refused() throws Exception {
        HttpResponse<String> wrong = postLogin("admin", "not-the-password");
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");

        HttpResponse<String> right = postLogin("admin", ADMIN_PASSWORD);
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(right.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        HttpResponse<String> dashboard = get("/");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("<div id=\"outlet\">");
    }

    @Test
    void the_first_start_made_the_admin_the_database_and_an_owner_only_key_in_the_data_folder() throws Exception {
        assertThat(accounts.localUser("admin")).isPresent();
        assertThat(accounts.passwordMatches("admin", ADMIN_PASSWORD)).isTrue();
        assertThat(DATA.resolve("db")).isDirectory();
        Path key = DATA.resolve("secret.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the sign-in form as the page does: with the CSRF token the sign-in page carries. */
    private HttpResponse<String> postLogin(String username, String password) throws IOException, InterruptedException {
        Matcher token = CSRF.matcher(get("/login").body());
        assertThat(token.find()).as("the sign-in page's CSRF token").isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
