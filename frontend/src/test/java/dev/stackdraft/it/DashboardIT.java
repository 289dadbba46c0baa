package dev.stackdraft.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.importer.ImportProgress;
import dev.stackdraft.project.ProjectSummary;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The embedded default as a person uses it, in a headless Chromium: sign in as the local administrator, import
 * the sample repositories with one click, watch the progress reach the end, find the projects in the grid, keep
 * the results over a reload, open a project, sign out.
 */
class DashboardIT extends BrowserIT {



    @Test
    void the_admin_signs_in_imports_the_samples_opens_a_project_and_signs_out() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

        // no open instance: the dashboard's address leads to the sign-in page, which offers both configured hosts
        browser.get(app("/"));
        wait.until(ExpectedConditions.urlContains("/login"));
        WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#login-form input[name='username']")));
        assertThat(browser.findElement(By.id("sign-in-github")).getText()).isEqualTo("Sign in with GitHub");
        assertThat(browser.findElement(By.id("sign-in-gitlab")).getText()).isEqualTo("Sign in with GitLab");
        Chromium.screenshot(browser, "login");

        username.sendKeys("admin");
        browser.findElement(By.cssSelector("#login-form input[name='password']")).sendKeys(ADMIN_PASSWORD, Keys.ENTER);

        wait.until(ExpectedConditions.textToBe(By.id("dashboard-title"), "Projects"));
        assertThat(browser.findElement(By.id("user-name")).getText()).isEqualTo("Administrator");

        // one click imports everything; the progress reaches the end (another test may have imported before: this is
        // a new job, which the page shows once it has ended)
        long before = imports.latest(adminId()).map(ImportProgress::jobId).orElse(-1L);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("import-button"))).click();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> imports.latest(adminId()).orElseThrow(),
                p -> p.jobId() != before && !p.running());
        wait.until(ExpectedConditions.textMatches(By.id("import-status"), java.util.regex.Pattern.compile("^Last import: .*")));
        String status = browser.findElement(By.id("import-status")).getText();
        // the samples, and whatever repositories other tests added to the local provider
        assertThat(status).matches("Last import: (\\d+) of \\1 repositories scanned, \\d+ with templates · finished .*");
        assertThat(browser.findElement(By.id("import-progress")).getAttribute("value"))
                .isEqualTo(browser.findElement(By.id("import-progress")).getAttribute("max"));
        assertResults();

        // the sample projects are in the grid, with their resource counts
        long adminId = accounts.localUser("admin").orElseThrow().user().id();
        List<ProjectSummary> imported = projects.visibleTo(adminId, "", null);
        assertThat(imported).extracting(ProjectSummary::templatePath).contains("template.yaml", "serverless.yml");
        ProjectSummary orders = project(imported, "orders-service", "template.yaml");
        ProjectSummary notes = project(imported, "notes-serverless", "serverless.yml");
        assertThat(orders.resourceCount()).isPositive();
        assertThat(notes.resourceCount()).isPositive();
        wait.until(d -> gridText().contains("template.yaml") && gridText().contains("serverless.yml"));
        String grid = gridText();
        assertThat(grid).contains(orders.repository(), notes.repository(),
                Integer.toString(orders.resourceCount()), Integer.toString(notes.resourceCount()),
                orders.lastCommit().substring(0, 7));
        new Actions(browser).moveToElement(browser.findElement(By.id("dashboard-title"))).perform(); // no tooltip
        wait.until(d -> d.findElements(By.cssSelector("vaadin-tooltip-overlay[opened]")).isEmpty());
        Chromium.screenshot(browser, "dashboard");

        // the search narrows the grid
        browser.findElement(By.cssSelector("#project-search input")).sendKeys("notes");
        wait.until(d -> !gridText().contains("template.yaml"));
        assertThat(gridText()).contains("serverless.yml");

        // a reload keeps the result list
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textMatches(By.id("import-status"), java.util.regex.Pattern.compile("^Last import: .*")));
        assertResults();

        // a project opens on its own page
        browser.findElement(By.cssSelector("#project-search input")).sendKeys("orders-service");
        wait.until(d -> gridText().contains("template.yaml") && !gridText().contains("serverless.yml"));
        browser.findElements(By.cssSelector("#projects vaadin-grid-cell-content")).stream()
                .filter(cell -> cell.getText().equals("template.yaml"))
                .findFirst().orElseThrow().click();
        wait.until(ExpectedConditions.urlContains("/projects/" + orders.id()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("project-facts")));
        assertThat(browser.findElement(By.id("project-facts")).getText())
                .contains(orders.repository(), "template.yaml", "AWS SAM", orders.lastCommit());
        // the template as the engine reads it from the branch: its resources, what they use, no findings
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("project-resources")));
        wait.until(d -> d.findElement(By.id("project-outline")).getText().contains("CreateOrderFunction"));
        assertThat(browser.findElement(By.id("project-outline")).getText())
                .contains("Resources (" + orders.resourceCount() + ")", "AWS::Serverless::Function",
                        "No findings: the template is valid.");
        Chromium.screenshot(browser, "project");

        // signing out ends the session: back at the sign-in page, and the dashboard needs signing in again
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.textToBe(By.id("login-message"), "You signed out."));
        browser.get(app("/"));
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#login-form input[name='username']")));
    }

    @Test
    void a_wrong_password_is_refused_with_a_sentence() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.manage().deleteAllCookies(); // signed out, whatever the test before left
        browser.get(app("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#login-form input[name='username']")))
                .sendKeys("admin");
        browser.findElement(By.cssSelector("#login-form input[name='password']")).sendKeys("wrong", Keys.ENTER);

        wait.until(ExpectedConditions.urlContains("/login?error"));
        wait.until(d -> String.valueOf(d.findElement(By.id("login-form")).getText()).contains("Incorrect username or password")
                || "true".equals(d.findElement(By.id("login-form")).getDomProperty("error")));
        assertThat(browser.getCurrentUrl()).doesNotEndWith("/");
    }

    /** The summary counts the samples; the folded list, opened, has docs-only as "no template". */
    private void assertResults() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> Integer.parseInt(counter("IMPORTED").getDomAttribute("data-count")) >= 2);
        assertThat(counter("IMPORTED").getText()).matches("\\d+ imported");
        assertThat(Integer.parseInt(counter("NO_TEMPLATE").getDomAttribute("data-count"))).isGreaterThanOrEqualTo(1);
        assertThat(counter("FAILED").getDomAttribute("data-count")).isEqualTo("0");
        assertThat(browser.findElements(By.id("import-problems-section"))).as("nothing needs attention")
                .allSatisfy(section -> assertThat(section.isDisplayed()).isFalse());
        WebElement all = browser.findElement(By.id("import-all"));
        if (!"true".equals(all.getDomProperty("opened"))) {
            all.findElement(By.cssSelector("vaadin-details-summary")).click();
        }
        wait.until(d -> cellsOf("import-results").stream().anyMatch(text -> text.contains("docs-only")));
        List<String> cells = cellsOf("import-results");
        int docs = cells.indexOf(cells.stream().filter(t -> t.endsWith("docs-only")).findFirst().orElseThrow());
        assertThat(cells.get(docs + 1)).isEqualTo("no template");
        assertThat(String.join("\n", cells)).contains("orders-service", "notes-serverless", "imported");
    }

    private static WebElement counter(String outcome) {
        return browser.findElement(By.cssSelector("#import-summary [data-outcome='" + outcome + "']"));
    }

    private static List<String> cellsOf(String gridId) {
        return browser.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).toList();
    }

    private static ProjectSummary project(List<ProjectSummary> all, String repository, String template) {
        return all.stream()
                .filter(p -> p.repository().endsWith(repository) && p.templatePath().equals(template))
                .findFirst().orElseThrow(() -> new AssertionError(repository + " " + template + " not in " + all));
    }

    private static String gridText() {
        return String.join("\n", browser.findElements(By.cssSelector("#projects vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).toList());
    }
}
