package dev.stackdraft.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.config.PostgresServer;
import dev.stackdraft.git.GitServerFixture;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two instances of the packaged app ({@code java -jar target/stackdraft.jar}, each its own process, port and data
 * folder) on one real PostgreSQL (Debian's), with the same encryption key and a short import lease. A GitHub user
 * who reaches a few hundred repositories (the fake GitHub API of {@link GitServerFixture} behind the WireMock host of
 * {@link FakeHosts}, its tree answers slowed down) signs in on the first in Chromium and clicks Import; the second is
 * started meanwhile; the first is killed in the middle of the import. The import must end complete, run on by the
 * second instance, each repository's tree fetched once but for the few that were being scanned at the kill, and
 * never two fetches of one repository's tree at the same time. The user then signs in on the second instance and
 * sees the finished import.
 */
class SeveralInstancesIT {

    private static final int REPOSITORIES = 300;
    private static final int PARALLELISM = 4;
    private static final String TREES = "/repos/[^/]+/[^/]+/git/trees/.*";
    private static final String OWNER = "acme-ops";
    private static final String SAM = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Handler:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.13
                  Handler: app.handler
                  CodeUri: src/
            """;

    private static final GitServerFixture GIT = new GitServerFixture();
    private static FakeHosts hosts;
    private static JdbcClient db;
    private static String databaseUrl;
    private static ChromeDriver browser;

    @BeforeAll
    static void organisationAndDatabase() {
        Assumptions.assumeTrue(PostgresServer.shared().isPresent(), PostgresServer::whyNot);
        String server = PostgresServer.shared().orElseThrow().jdbcUrl();
        JdbcClient.create(new DriverManagerDataSource(server, PostgresServer.USER, ""))
                .sql("create database several_instances").update();
        databaseUrl = server.replaceFirst("/postgres$", "/several_instances");
        db = JdbcClient.create(new DriverManagerDataSource(databaseUrl, PostgresServer.USER, ""));

        GIT.start();
        SequencedMap<String, Map<String, String>> repositories = new LinkedHashMap<>();
        for (int i = 0; i < REPOSITORIES; i++) {
            repositories.put(name(i), Map.of("template.yaml", SAM, "README.md", "# service " + i));
        }
        GIT.createRepositories(repositories);
        hosts = FakeHosts.start();
        // the app's GitHub is FakeHosts' WireMock: its repository API is answered by the git server's fake of it
        hosts.wire.stubFor(any(urlPathMatching("/gh/api/v3/(user/repos|repos/.*)")).atPriority(1)
                .willReturn(aResponse().proxiedFrom("http://127.0.0.1:" + GIT.apiBase().getPort())
                        .withProxyUrlPrefixToRemove("/gh")
                        .withAdditionalRequestHeader("X-Forwarded-Host", hosts.wire.baseUrl().replaceFirst("^http://", ""))
                        .withAdditionalRequestHeader("X-Forwarded-Prefix", "/gh")));
        hosts.githubUser(4_200_002, "ops-lead", "Ops Lead", "ops@acme.example");
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (hosts != null) {
            hosts.wire.stop();
            hosts.oauth.shutdown();
        }
        GIT.close();
    }

    private static String name(int i) {
        return OWNER + String.format(Locale.ROOT, "/service-%04d", i);
    }

    @Test
    void an_import_whose_instance_is_killed_is_finished_by_the_other_instance_fetching_each_tree_once() {
        String key = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
        // slow enough that the second instance is up long before the import would end
        GIT.slowDown(TREES, Duration.ofMillis(500));
        List<StackdraftProcess> started = new ArrayList<>();
        try {
            StackdraftProcess first = instance("first", key, started).awaitUp(Duration.ofMinutes(3), () -> { });
            signIn(first);
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(ExpectedConditions.elementToBeClickable(By.id("import-button"))).click();
            long job = await("the import starts", Duration.ofSeconds(30),
                    () -> db.sql("select max(id) from import_job where status = 'RUNNING'").query(Long.class)
                            .optional().orElse(null));
            StackdraftProcess second = instance("second", key, started); // started while the first imports
            // a start takes 10 s on an idle machine, a minute on a busy one: the import must not end before
            second.awaitUp(Duration.ofMinutes(3), () -> {
                if (done(job) > REPOSITORIES / 2) {
                    GIT.slowDown(TREES, Duration.ofSeconds(3));
                }
            });
            await("some repositories are scanned", Duration.ofSeconds(60), () -> done(job) >= 20 ? true : null);
            assertThat(status(job)).as("still importing when the second instance is up").isEqualTo("RUNNING");
            assertThat(leaseOwner(job)).as("the first instance runs it").isNotNull();
            assertThat(second.output()).as("the second instance leaves a held job alone")
                    .doesNotContain("import job " + job + " runs on this instance");

            first.kill();
            int doneAtKill = done(job);
            GIT.slowDown(TREES, Duration.ofMillis(40));
            await("the import ends", Duration.ofMinutes(3), () -> "RUNNING".equals(status(job)) ? null : true);

            assertThat(status(job)).isEqualTo("FINISHED");
            assertThat(doneAtKill).as("killed in the middle").isBetween(20, REPOSITORIES - 1);
            assertThat(db.sql("select total, done from import_job where id = ?").param(job)
                    .query((rs, row) -> List.of(rs.getInt(1), rs.getInt(2))).single())
                    .containsExactly(REPOSITORIES, REPOSITORIES);
            assertThat(db.sql("select outcome, count(*) from import_item where job_id = ? group by outcome")
                    .param(job).query((rs, row) -> rs.getString(1) + "=" + rs.getInt(2)).list())
                    .containsExactly("IMPORTED=" + REPOSITORIES);
            assertThat(db.sql("select count(*) from project").query(Integer.class).single()).isEqualTo(REPOSITORIES);
            assertThat(leaseOwner(job)).isNull();

            List<Long> fetches = IntStream.range(0, REPOSITORIES)
                    .mapToObj(i -> GIT.apiRequests("/repos/" + name(i) + "/git/trees/.*")).toList();
            assertThat(fetches).as("tree fetches per repository").allSatisfy(n -> assertThat(n).isBetween(1L, 2L));
            assertThat(fetches.stream().filter(n -> n == 2)).as("fetched again: only those in flight at the kill")
                    .hasSizeLessThanOrEqualTo(PARALLELISM);
            assertThat(GIT.apiRequestsAtOnce(TREES)).as("fetches of one tree at the same time").isEqualTo(1);

            String log = second.output();
            assertThat(log).as("the second instance took the job over, and its lines carry the job's id")
                    .containsPattern("\\[import " + job + "].*import job " + job + " runs on this instance")
                    .containsPattern("\\[import " + job + "].*import job " + job + " ended FINISHED: "
                            + REPOSITORIES + " repositories");
            assertThat(second.output().lines().toList()).as("ERROR lines and stack traces of the second instance")
                    .noneMatch(line -> line.contains(" ERROR ") || line.startsWith("\tat "));

            // the user, sent to the second instance now, sees the import as finished
            browser.manage().deleteAllCookies();
            signIn(second);
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.textMatches(
                    By.id("import-status"), Pattern.compile("^Last import.*")));
            assertThat(browser.findElement(By.id("import-status")).getText())
                    .startsWith("Last import: " + REPOSITORIES + " of " + REPOSITORIES + " repositories scanned");
            Chromium.screenshot(browser, "several-instances-finished");
            System.out.printf(Locale.ROOT, "[several instances] killed at %d of %d scanned; trees fetched twice: %d%n",
                    doneAtKill, REPOSITORIES, fetches.stream().filter(n -> n == 2).count());
        } finally {
            started.forEach(StackdraftProcess::close);
        }
    }

    private static StackdraftProcess instance(String name, String key, List<StackdraftProcess> started) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", databaseUrl);
        settings.put("spring.datasource.username", PostgresServer.USER);
        settings.put("spring.datasource.password", "");
        settings.put("stackdraft.admin-password", "several-instances-admin");
        settings.put("stackdraft.github.client-id", "stackdraft-on-github");
        settings.put("stackdraft.github.client-secret", "github-client-secret");
        settings.put("stackdraft.github.base-url", hosts.githubBase());
        settings.put("stackdraft.import.parallelism", Integer.toString(PARALLELISM));
        settings.put("stackdraft.import.lease", "3s");
        settings.put("stackdraft.import.lease-poll", "1s");
        StackdraftProcess app = StackdraftProcess.start(StackdraftProcess.freshDataDir(name), StackdraftProcess.freePort(),
                Map.of("STACKDRAFT_ENCRYPTION_KEY", key), settings.entrySet().stream()
                        .map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toArray(String[]::new));
        started.add(app);
        return app;
    }

    /** Signs in with GitHub, as the user does, and waits for the dashboard. */
    private static void signIn(StackdraftProcess app) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(app.url("/login").toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in-github"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("dashboard-title"), "Projects"));
    }

    private static String status(long job) {
        return db.sql("select status from import_job where id = ?").param(job).query(String.class).single();
    }

    private static int done(long job) {
        return db.sql("select count(*) from import_item where job_id = ? and outcome <> 'PENDING'").param(job)
                .query(Integer.class).single();
    }

    private static String leaseOwner(long job) {
        return db.sql("select lease_owner from import_job where id = ?").param(job).query(String.class).optional()
                .orElse(null);
    }

    /** Polls until {@code value} gives something other than null. */
    private static <T> T await(String what, Duration atMost, Supplier<T> value) {
        long end = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < end) {
            T got = value.get();
            if (got != null) {
                return got;
            }
            StackdraftProcess.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("waited " + atMost + " in vain until " + what);
    }
}
