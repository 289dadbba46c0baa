package dev.stackdraft.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.StackdraftApplication;
import dev.stackdraft.TestDataDir;
import dev.stackdraft.aws.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app as an operator runs it, started once for all the ITs (one Spring context, reused): a fresh data folder
 * (H2, key file, local repositories seeded with the samples), the administrator's password preset, and GitHub and
 * GitLab sign-in configured against {@link FakeHosts}. After every test the server log must hold no {@code ERROR}
 * line and no stack trace ({@link ServerLog}): a test that provokes one on purpose says so with
 * {@link ServerLog#expect}. And no line of the whole run may hold a secret the tests know: the administrator's
 * password, the OAuth client secrets, every token the fake hosts issued or were sent, the encryption key, the AWS
 * secret key.
 */
@SpringBootTest(classes = StackdraftApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class AppIT {

    static final Path DATA = TestDataDir.fresh("it");
    static final String ADMIN_PASSWORD = "it-admin-password";
    static final String GITHUB_CLIENT_SECRET = "github-client-secret";
    static final String GITLAB_CLIENT_SECRET = "gitlab-client-secret";
    /** Any key does for moto; a distinctive one, so that the log check finds it wherever it is printed. */
    static final String AWS_SECRET_KEY = "it-aws-secret-" + UUID.randomUUID();
    static final FakeHosts HOSTS = FakeHosts.start();
    /**
     * moto_server, when installed (else empty: {@link MotoServer#whyNot()}). The app reaches it as any AWS tool would
     * reach a local endpoint, through the SDK's own settings, set here before the Spring context starts: the SDK's
     * default credential chain and endpoint resolution read these system properties.
     */
    static final Optional<MotoServer> MOTO = MotoServer.shared();

    static {
        MOTO.ifPresent(moto -> {
            System.setProperty("aws.endpointUrl", moto.endpoint().toString());
            System.setProperty("aws.accessKeyId", "testing");
            System.setProperty("aws.secretAccessKey", AWS_SECRET_KEY);
            System.setProperty("aws.region", "us-east-1");
        });
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("stackdraft.data-dir", DATA::toString);
        registry.add("stackdraft.admin-password", () -> ADMIN_PASSWORD);
        registry.add("stackdraft.github.client-id", () -> "stackdraft-on-github");
        registry.add("stackdraft.github.client-secret", () -> GITHUB_CLIENT_SECRET);
        registry.add("stackdraft.github.base-url", HOSTS::githubBase);
        registry.add("stackdraft.gitlab.client-id", () -> "stackdraft-on-gitlab");
        registry.add("stackdraft.gitlab.client-secret", () -> GITLAB_CLIENT_SECRET);
        registry.add("stackdraft.gitlab.base-url", HOSTS::gitlabBase);
        // short sign-in locks, so that SignInHardeningIT can wait them out (every IT signs in as admin from 127.0.0.1)
        registry.add("stackdraft.sign-in.lock", () -> "2s");
        registry.add("stackdraft.sign-in.max-lock", () -> "4s");
        registry.add("stackdraft.sign-in.failure-delay", () -> "200ms");
        registry.add("stackdraft.sign-in.max-failure-delay", () -> "500ms");
    }

    @LocalServerPort
    int port;

    @AfterEach
    void theServerLoggedNoErrorAndNoStackTrace() {
        assertThat(ServerLog.takeProblems()).as("ERROR lines and stack traces in the server log during this test")
                .isEmpty();
    }

    @AfterEach
    void noLogLineHeldASecret() throws IOException {
        assertThat(ServerLog.linesHolding(knownSecrets())).as("server log lines holding a secret (masked here)")
                .isEmpty();
    }

    /** What must never be logged: the settings' secrets, the key, and every token the fake hosts saw or issued. */
    static List<String> knownSecrets() throws IOException {
        List<String> secrets = new ArrayList<>(List.of(ADMIN_PASSWORD, GITHUB_CLIENT_SECRET, GITLAB_CLIENT_SECRET,
                AWS_SECRET_KEY));
        Path key = DATA.resolve("secret.key");
        if (Files.exists(key)) {
            secrets.add(Files.readString(key).strip());
        }
        JsonMapper json = JsonMapper.builder().build();
        for (var served : HOSTS.wire.getAllServeEvents()) {
            String authorization = served.getRequest().getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                secrets.add(authorization.substring(7).strip());
            }
            String body = served.getResponse().getBodyAsString();
            if (body != null && body.contains("_token")) {
                try {
                    JsonNode answer = json.readTree(body);
                    for (String field : List.of("access_token", "refresh_token", "id_token")) {
                        if (answer.path(field).isString()) {
                            secrets.add(answer.path(field).asString());
                        }
                    }
                } catch (RuntimeException notJson) {
                    // not a token answer
                }
            }
        }
        return secrets;
    }

    /** Signs in on the sign-in page as the local administrator and waits for the dashboard. */
    void signInAsAdmin(ChromeDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(app("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#login-form input[name='username']")))
                .sendKeys("admin");
        browser.findElement(By.cssSelector("#login-form input[name='password']")).sendKeys(ADMIN_PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("dashboard-title"), "Projects"));
    }

    /** No "… failed" notification is on the page. */
    static void assertNoErrorNotice(ChromeDriver browser) {
        assertThat(browser.findElements(By.cssSelector("vaadin-notification-card[theme~='error']")))
                .as("error notifications on the page").isEmpty();
    }

    String app(String path) {
        return "http://localhost:" + port + path;
    }
}
