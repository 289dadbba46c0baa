package dev.stackdraft.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.stackdraft.git.GitServerFixture;
import dev.stackdraft.project.ProjectOrder;
import dev.stackdraft.project.ProjectQuery;
import dev.stackdraft.project.ProjectService;
import dev.stackdraft.project.ProjectState;
import dev.stackdraft.project.ProjectSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A large organisation's first day, in a headless Chromium: a GitHub (Enterprise) user in three organisations with
 * 1,000 repositories of two stacks each signs in, imports everything with one click, and uses the dashboard of
 * 2,000 projects: first render, scrolling to the last project, a search for a project of the last page, the owner
 * and state filters, and opening the project. GitHub's REST API is the fake of {@link GitServerFixture} (its own
 * repositories, behind the WireMock host of {@link FakeHosts} that the app is configured with); git is its real
 * smart-HTTP server. Figures are printed as {@code [benchmark]} lines for docs/benchmarks.md, never asserted.
 */
class OrganisationScaleIT extends BrowserIT {

    private static final int REPOSITORIES = 1000;
    /** The search field's {@code ValueChangeMode.LAZY} timeout (ProjectGrid). */
    private static final long SEARCH_DEBOUNCE_MILLIS = 250;
    private static final List<String> OWNERS = List.of("acme-platform", "acme-payments", "acme-data");
    /** The repository the host blocks during the first import. */
    private static final String BLOCKED = "acme-data/service-0999";
    private static final String SAM = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              # the service's one function and its table
              Handler:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.13
                  Handler: app.handler
                  CodeUri: src/
                  Environment:
                    Variables:
                      TABLE: !Ref Table
              Table:
                Type: AWS::Serverless::SimpleTable
            """;
    private static final String NETWORK = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Vpc:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: 10.0.0.0/16
              Subnet:
                Type: AWS::EC2::Subnet
                Properties:
                  VpcId: !Ref Vpc
                  CidrBlock: 10.0.1.0/24
            """;
    private static final String NETWORK_WITH_FINDING = NETWORK.replace("VpcId: !Ref Vpc", "VpcId: !Ref MissingVpc");
    private static final String BROKEN = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Vpc: [unclosed\n";

    private static final String COUNT_IS = "document.getElementById('project-count')?.textContent === '%s'";
    private static final String CELL_IS = "[...document.querySelectorAll('#projects vaadin-grid-cell-content')]"
            + ".some(cell => cell.textContent === '%s')";

    private static final GitServerFixture GIT = new GitServerFixture();
    private static StubMapping githubApi;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProjectService projects;

    @BeforeAll
    static void organisation() {
        GIT.start();
        SequencedMap<String, Map<String, String>> repositories = new LinkedHashMap<>();
        for (int i = 0; i < REPOSITORIES; i++) {
            repositories.put(name(i), Map.of("template.yaml", SAM, "infra/network.yaml",
                    i % 25 == 0 ? BROKEN : i % 10 == 3 ? NETWORK_WITH_FINDING : NETWORK, "README.md", "# " + name(i)));
        }
        long creating = System.nanoTime();
        GIT.createRepositories(repositories);
        System.out.printf(Locale.ROOT, "[benchmark] %d repositories created on the git server in %d ms%n", REPOSITORIES,
                (System.nanoTime() - creating) / 1_000_000);
        // the app's GitHub is FakeHosts' WireMock: its repository API is answered by the git server's fake of it
        githubApi = HOSTS.wire.stubFor(any(urlPathMatching("/gh/api/v3/(user/repos|repos/.*)")).atPriority(1)
                .willReturn(aResponse().proxiedFrom("http://127.0.0.1:" + GIT.apiBase().getPort())
                        .withProxyUrlPrefixToRemove("/gh")
                        // as a reverse proxy says where it is, so that the pages' Link headers point back at it
                        .withAdditionalRequestHeader("X-Forwarded-Host", HOSTS.wire.baseUrl().replaceFirst("^http://", ""))
                        .withAdditionalRequestHeader("X-Forwarded-Prefix", "/gh")));
        HOSTS.githubUser(4_200_001, "acme-admin", "Acme Admin", "admin@acme.example");
    }

    @AfterAll
    static void stop() {
        HOSTS.wire.removeStub(githubApi);
        HOSTS.githubUser(583231, "octocat", "The Octocat", null);
        GIT.close();
    }

    /** {@code acme-platform/service-0000} …: 400 repositories in each of the first two organisations, 200 in the third. */
    private static String name(int i) {
        return OWNERS.get(Math.min(i / 400, 2)) + String.format(Locale.ROOT, "/service-%04d", i);
    }

    @Test
    void a_thousand_repositories_import_and_the_dashboard_of_two_thousand_projects_works_to_its_last_row() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(app("/login"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in-github"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("dashboard-title"), "Projects"));
        long user = jdbc.sql("select user_id from linked_account where host = 'GITHUB' and login = 'acme-admin'")
                .query(Long.class).single();

        // one click imports the 1,000 repositories (one of them blocked by the host); the project count grows as they
        // are scanned; the summary counts them, the problems come first
        GIT.block(BLOCKED);
        browser.executeScript("""
                window.stackdraftCounts = [];
                const count = document.getElementById('project-count');
                new MutationObserver(() => window.stackdraftCounts.push(count.textContent))
                    .observe(count, {childList: true, characterData: true, subtree: true});""");
        long importing = System.nanoTime();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("import-button"))).click();
        awaitImportEnd();
        long importMillis = (System.nanoTime() - importing) / 1_000_000;
        assertThat(count("IMPORTED")).isEqualTo(959);
        assertThat(count("UNREADABLE")).isEqualTo(40);
        assertThat(count("FAILED")).isEqualTo(1);
        assertThat(count("NO_TEMPLATE")).isZero();
        assertThat(browser.findElement(By.id("import-problems-section")).getText())
                .contains("41 repositories need attention", "Retry the failed one")
                .containsSubsequence(BLOCKED, "failed", "the host refused", "Repository access blocked",
                        "acme-platform/service-0000", "unreadable", "cannot be read");
        @SuppressWarnings("unchecked")
        List<String> seen = (List<String>) browser.executeScript("return window.stackdraftCounts;");
        assertThat(seen).as("the grid's count while the import ran").anySatisfy(text -> assertThat(text)
                .matches("[1-9][0-9,]* projects").isNotEqualTo("1,998 projects"));
        Chromium.screenshot(browser, "organisation-imported");

        // the host lets the repository through again: the retry scans only it, in the same job
        GIT.unblock(BLOCKED);
        browser.findElement(By.id("import-retry")).click();
        wait.until(d -> count("FAILED") == 0 && count("IMPORTED") == 960);
        awaitImportEnd();
        assertThat(browser.findElements(By.id("import-retry"))).allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());
        assertThat(GIT.apiRequests("/repos/[^/]+/[^/]+/branches/.*")).as("one head commit asked per repository and scan")
                .isEqualTo(REPOSITORIES + 1);
        assertThat(GIT.apiRequests("/repos/[^/]+/[^/]+/git/trees/.*")).as("each tree listed once").isEqualTo(REPOSITORIES);
        wait.until(ExpectedConditions.textToBe(By.id("project-count"), "2,000 projects"));

        // the dashboard's first render after sign-in: the count and the first rows (three loads, the last two warm)
        List<Long> firstRenders = new ArrayList<>();
        for (int load = 0; load < 3; load++) {
            browser.get(app("/"));
            firstRenders.add(inBrowserMillis("0", COUNT_IS.formatted("2,000 projects") + " && "
                    + CELL_IS.formatted("acme-data/service-0800")));
        }

        // scrolling to the last project fetches pages as it goes, without an error
        ProjectSummary last = projects.page(user, ProjectQuery.ALL, 1999, 1).getFirst();
        browser.executeScript("window.stackdraftT0 = performance.now();"
                + " document.getElementById('projects').scrollToIndex(1999);");
        long scrollMillis = inBrowserMillis("window.stackdraftT0", CELL_IS.formatted(last.repository()));
        assertThat(last.repository()).isEqualTo("acme-platform/service-0399");
        Chromium.screenshot(browser, "organisation-last-row");
        assertNoErrorNotice(browser);

        // a project of the last page, found by search; the state filter narrows it to the unreadable stack
        WebElement search = browser.findElement(By.cssSelector("#project-search input"));
        browser.executeScript("document.querySelector('#project-search input')"
                + ".addEventListener('input', () => window.stackdraftLastKey = performance.now());");
        List<Long> searches = new ArrayList<>();
        for (String term : List.of("service-0391", "service-0383", "service-0375")) {
            search.sendKeys(Keys.chord(Keys.CONTROL, "a"), term);
            searches.add(inBrowserMillis("window.stackdraftLastKey", COUNT_IS.formatted("2 projects") + " && "
                    + CELL_IS.formatted("acme-platform/" + term)) - SEARCH_DEBOUNCE_MILLIS);
        }
        choose("project-state", "unreadable");
        wait.until(ExpectedConditions.textToBe(By.id("project-count"), "1 project"));
        assertThat(cells()).contains("acme-platform/service-0375", "infra/network.yaml", "unreadable");

        // the state filter alone, then the owner filter on top of it
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        wait.until(ExpectedConditions.textToBe(By.id("project-count"), "40 projects"));
        choose("project-owner", "acme-data (400)");
        wait.until(ExpectedConditions.textToBe(By.id("project-count"), "8 projects"));
        assertThat(projects.count(user, new ProjectQuery("", ProjectState.UNREADABLE, "acme-data",
                ProjectOrder.REPOSITORY, false))).isEqualTo(8);
        Chromium.screenshot(browser, "organisation-filtered");

        // open the unreadable project: its page says where the template cannot be read
        choose("project-owner", "All owners");
        search.sendKeys("service-0375");
        wait.until(ExpectedConditions.textToBe(By.id("project-count"), "1 project"));
        browser.findElements(By.cssSelector("#projects vaadin-grid-cell-content")).stream()
                .filter(cell -> cell.getText().equals("infra/network.yaml")).findFirst().orElseThrow().click();
        wait.until(ExpectedConditions.urlMatches(".*/projects/\\d+$"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("template-problem")));
        assertThat(browser.findElement(By.id("template-problem")).getText()).containsPattern("infra/network\\.yaml:\\d+:\\d+");
        assertThat(browser.findElement(By.id("project-facts")).getText()).contains("acme-platform/service-0375");
        Chromium.screenshot(browser, "organisation-project");
        assertNoErrorNotice(browser);

        long serverSearch = medianMillis(() -> {
            projects.count(user, ProjectQuery.matching("service-0375", null));
            projects.page(user, ProjectQuery.matching("service-0375", null), 0, 50);
        });
        long serverFirstPage = medianMillis(() -> {
            projects.count(user, ProjectQuery.ALL);
            projects.page(user, ProjectQuery.ALL, 0, 50);
        });
        System.out.printf(Locale.ROOT, """
                [benchmark] organisation scale in headless Chromium (%d repositories, 2,000 projects, H2, parallelism 4):
                [benchmark] | import of %d repositories over HTTP, click to "Last import" | %d ms |
                [benchmark] | dashboard first render, navigation to count and first rows (3 loads) | %s ms |
                [benchmark] | scroll to the last project (row 2,000 drawn) | %d ms |
                [benchmark] | search answered, last key to the two rows, less the 250 ms typing debounce (3 searches) | %s ms |
                [benchmark] | in the server, count + first page of 50: all / a search (median of 21, warm) | %d / %d ms |
                """, REPOSITORIES, REPOSITORIES, importMillis, firstRenders, scrollMillis, searches, serverFirstPage,
                serverSearch);
    }

    private static long medianMillis(Runnable work) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            long start = System.nanoTime();
            work.run();
            times.add((System.nanoTime() - start) / 1_000_000);
        }
        return times.stream().sorted().toList().get(times.size() / 2);
    }

    /**
     * Waits in the page until {@code condition} holds, checking every animation frame, and gives the milliseconds
     * from {@code start} (a {@code performance.now()} value; {@code 0} is the start of the navigation). Timed in the
     * browser: a WebDriver round trip per check would be slower than what is measured.
     */
    private static long inBrowserMillis(String start, String condition) {
        Object millis = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const start = %s;
                const check = () => (%s) ? done(performance.now() - start) : requestAnimationFrame(check);
                check();""".formatted(start, condition));
        return Math.round(((Number) millis).doubleValue());
    }

    private static void awaitImportEnd() {
        new WebDriverWait(browser, Duration.ofMinutes(5)).until(ExpectedConditions.textMatches(By.id("import-status"),
                Pattern.compile("^(Last import|The last import stopped).*")));
        assertThat(browser.findElement(By.id("import-status")).getText())
                .as(() -> "the import ended; needing attention: " + browser.findElement(By.id("import-problems-section")).getText())
                .startsWith("Last import: 1000 of 1000 repositories scanned");
    }

    private static int count(String outcome) {
        return Integer.parseInt(browser.findElement(By.cssSelector("#import-summary [data-outcome='" + outcome + "']"))
                .getDomAttribute("data-count"));
    }

    private static List<String> cells() {
        return browser.findElements(By.cssSelector("#projects vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).toList();
    }

    /** Opens the select and clicks the item with this label. */
    private static void choose(String selectId, String label) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.findElement(By.id(selectId)).click();
        WebElement item = wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(e -> e.isDisplayed() && e.getText().strip().equals(label)).findFirst().orElse(null));
        item.click();
    }
}
