package dev.stackdraft.it;

import dev.stackdraft.account.AccountService;
import dev.stackdraft.importer.ImportService;
import dev.stackdraft.project.ProjectService;
import dev.stackdraft.project.ProjectSummary;
import java.time.Duration;
import java.util.Locale;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** An IT that drives the app in a headless Chromium of its own, started before the class's tests and quit after. */
abstract class BrowserIT extends AppIT {

    static ChromeDriver browser;

    @Autowired
    AccountService accounts;
    @Autowired
    ImportService imports;
    @Autowired
    ProjectService projects;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    long adminId() {
        return accounts.localUser("admin").orElseThrow().user().id();
    }

    /** A sample project of the administrator (the samples imported first if they are not yet), signed in. */
    ProjectSummary sample(String repository, String template) {
        long admin = adminId();
        if (projects.visibleTo(admin, "stackdraft-samples", null).size() < 2) {
            long job = imports.start(admin).jobId();
            Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> imports.latest(admin).orElseThrow(), p -> p.jobId() == job && !p.running());
        }
        if (browser.findElements(By.id("sign-out")).isEmpty()) {
            signInAsAdmin(browser);
        }
        return projects.visibleTo(admin, repository, null).stream().filter(p -> p.templatePath().equals(template))
                .findFirst().orElseThrow();
    }

    /** Opens the project's page and waits until its canvas is drawn. */
    void openCanvas(ProjectSummary project) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(app("/projects/" + project.id()));
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector(".sd-canvas"), "data-state", "ready"));
        wait.until(d -> !d.findElements(By.cssSelector("[data-resource-id]")).isEmpty());
    }

    /** Clicks the resource's card (its label) and waits until its panel shows it. */
    static void select(String id) {
        WebElement label = browser.findElement(By.cssSelector("[data-resource-id='" + id + "'] .sd-label"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", label);
        label.click();
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.attributeToBe(By.id("selection-panel"), "data-selected", id));
    }

    static boolean cardIsDrawn(String id) {
        return !browser.findElements(By.cssSelector("[data-resource-id='" + id + "']")).isEmpty();
    }

    /** How many edits the toolbar says are pending. */
    static int pendingCount() {
        return Integer.parseInt(browser.findElement(By.id("edit-pending")).getDomAttribute("data-count"));
    }

    /** Clicks an element after scrolling it to the middle of the window (above it: the page's fixed header). */
    static void click(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** Opens a {@code vaadin-select} and picks the item with this label. */
    static void chooseInSelect(String selectId, String label) {
        WebDriverWait wait = waiting();
        click(wait.until(ExpectedConditions.elementToBeClickable(By.id(selectId))));
        WebElement item = wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(e -> e.isDisplayed() && e.getText().strip().equals(label)).findFirst().orElse(null));
        item.click();
    }

    /**
     * Commits the pending changes to a new branch through the commit dialog, as the user does, and waits until
     * nothing is pending any more.
     *
     * @return the diff the dialog showed
     */
    static String commitToNewBranch(String branch) {
        WebDriverWait wait = waiting();
        click(browser.findElement(By.id("edit-commit")));
        String diff = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("commit-diff"))).getText();
        click(browser.findElements(By.cssSelector("#commit-target vaadin-radio-button")).stream()
                .filter(b -> b.getText().toLowerCase(Locale.ROOT).contains("new branch")).findFirst().orElseThrow());
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#commit-branch input")));
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), branch);
        click(browser.findElement(By.id("commit-confirm")));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("commit-dialog")));
        wait.until(d -> d.findElements(By.id("edit-pending")).size() == 1 && pendingCount() == 0);
        assertNoErrorNotice(browser);
        return diff;
    }

    /** A minute's patience, across the redraws that replace elements while a test looks at them. */
    static WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}
