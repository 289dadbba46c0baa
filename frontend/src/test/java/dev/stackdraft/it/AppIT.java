package dev.stackdraft.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.StackdraftApplication;
import dev.stackdraft.TestDataDir;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app as an operator runs it, started once for all the ITs (one Spring context, reused): a fresh data folder
 * (H2, key file, local repositories seeded with the samples), the administrator's password preset, and GitHub and
 * GitLab sign-in configured against {@link FakeHosts}. After every test the server log must hold no {@code ERROR}
 * line and no stack trace ({@link ServerLog}): a test that provokes one on purpose says so with
 * {@link ServerLog#expect}.
 */
@SpringBootTest(classes = StackdraftApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class AppIT {

    static final Path DATA = TestDataDir.fresh("it");
    static final String ADMIN_PASSWORD = "it-admin-password";
    static final FakeHosts HOSTS = FakeHosts.start();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("stackdraft.data-dir", DATA::toString);
        registry.add("stackdraft.admin-password", () -> ADMIN_PASSWORD);
        registry.add("stackdraft.github.client-id", () -> "stackdraft-on-github");
        registry.add("stackdraft.github.client-secret", () -> "github-client-secret");
        registry.add("stackdraft.github.base-url", HOSTS::githubBase);
        registry.add("stackdraft.gitlab.client-id", () -> "stackdraft-on-gitlab");
        registry.add("stackdraft.gitlab.client-secret", () -> "gitlab-client-secret");
        registry.add("stackdraft.gitlab.base-url", HOSTS::gitlabBase);
    }

    @LocalServerPort
    int port;

    @AfterEach
    void theServerLoggedNoErrorAndNoStackTrace() {
        assertThat(ServerLog.takeProblems()).as("ERROR lines and stack traces in the server log during this test")
                .isEmpty();
    }

    String app(String path) {
        return "http://localhost:" + port + path;
    }
}
