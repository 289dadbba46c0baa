package dev.stackdraft.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.project.ProjectSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The editor's panels in Chromium: the generated property form (intrinsics shown as what they are), the template
 * sections, deleting a resource together with what refers to it, Infrastructure Composer groups made, changed and
 * removed, and quick fixes on findings (a duplicate key, a missing SAM transform) shown on their cards.
 */
class EditorPanelsIT extends BrowserIT {

    private WebDriverWait wait;

    @BeforeEach
    void waits() {
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @Test
    void property_form_shows_intrinsics_as_such_and_sections_have_their_own_panel() {
        openCanvas(sample("orders-service", "template.yaml"));
        select("CommonLayer");
        WebElement layerName = browser.findElement(By.cssSelector("#property-panel [data-property='LayerName']"));
        assertThat(layerName.getDomAttribute("data-value-kind")).isEqualTo("intrinsic");
        assertThat(layerName.findElement(By.cssSelector(".intrinsic")).getText()).isEqualTo("!Sub");
        assertThat(layerName.findElement(By.cssSelector("textarea")).getDomProperty("value"))
                .isEqualTo("!Sub \"orders-common-${Stage}\"");
        assertThat(browser.findElement(By.cssSelector("#property-panel [data-property='CompatibleRuntimes']"))
                .getDomAttribute("data-value-kind")).isEqualTo("yaml");
        assertThat(browser.findElements(By.cssSelector("#property-panel .docs-link"))).isNotEmpty();

        // a typed intrinsic is written as one, not as a string
        WebElement description = browser.findElement(By.cssSelector("#property-Description input"));
        description.sendKeys(Keys.chord(Keys.CONTROL, "a"), "!Sub \"Helpers for ${Stage}\"", Keys.TAB);
        wait.until(d -> pendingCount() == 1);
        browser.findElement(By.id("edit-commit")).click();
        WebElement diff = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("commit-diff")));
        assertThat(diff.getText()).containsPattern("\\+      Description: !Sub \"?Helpers for \\$\\{Stage}\"?");
        browser.findElement(By.id("commit-cancel")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("commit-dialog")));

        // Outputs: a new entry from YAML
        WebElement outputs = browser.findElement(By.id("section-tab-Outputs"));
        int outputsBefore = Integer.parseInt(outputs.getDomAttribute("data-count"));
        outputs.click();
        browser.findElement(By.id("section-new")).click();
        browser.findElement(By.cssSelector("#section-name input")).sendKeys("LayerArn");
        browser.findElement(By.cssSelector("#section-yaml textarea")).sendKeys("Value: !Ref CommonLayer");
        browser.findElement(By.id("section-save")).click();
        wait.until(d -> pendingCount() == 2);
        assertThat(browser.findElement(By.id("section-tab-Outputs")).getDomAttribute("data-count"))
                .isEqualTo(Integer.toString(outputsBefore + 1));
        // a parameter something uses cannot be removed: the reason is said
        browser.findElement(By.id("section-tab-Parameters")).click();
        browser.findElements(By.cssSelector("#section-entries vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().equals("Stage")).findFirst().orElseThrow().click();
        wait.until(d -> "Stage".equals(d.findElement(By.cssSelector("#section-name input")).getDomProperty("value")));
        browser.findElement(By.id("section-remove")).click();
        WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("vaadin-notification-card[theme~='error']")));
        assertThat(refusal.getText()).contains("Stage", "still used");
        assertThat(pendingCount()).isEqualTo(2);
        Chromium.screenshot(browser, "editor-sections");
        undoAll();
    }

    @Test
    void a_resource_in_use_is_deleted_with_its_references_after_the_user_saw_them() {
        openCanvas(sample("orders-service", "template.yaml"));
        select("OrdersApi");
        browser.findElement(By.id("selection-delete")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("delete-dialog")));
        List<WebElement> places = browser.findElements(By.cssSelector("#delete-references li"));
        assertThat(places).hasSizeGreaterThanOrEqualTo(3); // the three functions' Api events
        Chromium.screenshot(browser, "editor-delete");
        browser.findElement(By.id("delete-with-references")).click();
        wait.until(d -> !cardIsDrawn("OrdersApi"));
        assertThat(browser.findElements(By.cssSelector("[data-edge-to='OrdersApi'], [data-edge-from='OrdersApi']")))
                .isEmpty();
        assertThat(pendingCount()).isEqualTo(1);
        browser.findElement(By.id("edit-undo")).click();
        wait.until(d -> cardIsDrawn("OrdersApi"));
        assertThat(pendingCount()).isZero();
        assertNoErrorNotice(browser);
    }

    @Test
    void cards_are_grouped_the_group_changed_and_removed_as_composer_writes_it() {
        openCanvas(sample("orders-service", "template.yaml"));
        select("GetOrderFunction");
        new Actions(browser).keyDown(Keys.CONTROL).click(label("ListOrdersFunction")).keyUp(Keys.CONTROL).perform();
        wait.until(ExpectedConditions.attributeContains(By.id("selection-panel"), "data-selected", "ListOrdersFunction"));
        browser.findElement(By.cssSelector("#group-label input")).sendKeys("Readers");
        browser.findElement(By.id("group-create")).click();
        WebElement frame = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-group-id='Readers']")));
        assertThat(frame.getDomAttribute("data-group-members")).isEqualTo("GetOrderFunction ListOrdersFunction");
        wait.until(ExpectedConditions.attributeToBe(By.id("selection-panel"), "data-selected", "group:Readers"));
        Chromium.screenshot(browser, "editor-group");
        browser.findElement(By.cssSelector("[data-resource-id='CreateOrderFunction'] .sd-label")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("selection-panel"), "data-selected", "CreateOrderFunction"));

        frame.findElement(By.cssSelector(".sd-group-label")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("selection-panel"), "data-selected", "group:Readers"));
        WebElement labelField = browser.findElement(By.cssSelector("#group-label input"));
        labelField.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Order readers");
        browser.findElement(By.id("group-save")).click();
        wait.until(d -> d.findElement(By.cssSelector("[data-group-id='Readers'] .sd-group-label")).getText()
                .equals("Order readers"));
        browser.findElement(By.id("group-remove")).click();
        wait.until(d -> d.findElements(By.cssSelector("[data-group-id]")).isEmpty());
        assertThat(pendingCount()).isEqualTo(3);
        browser.findElement(By.id("edit-commit")).click();
        WebElement diff = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("commit-diff")));
        assertThat(diff.getText()).as("group made and removed again: nothing to write").doesNotContain("AWS::Composer::Groups");
        browser.findElement(By.id("commit-cancel")).click();
        undoAll();
    }

    @Test
    void findings_show_on_their_cards_and_quick_fixes_unblock_editing() throws Exception {
        long admin = adminId();
        sample("orders-service", "template.yaml"); // signed in, samples imported
        createRepository("fixes/duplicate-keys", "template.yaml", """
                # A function written twice over: its Timeout twice, and no SAM transform.
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: app.handler
                      Runtime: python3.12
                      CodeUri: src/
                      Timeout: 10
                      MemorySize: 256
                      Timeout: 30
                """);
        long job = imports.start(admin).jobId();
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> imports.latest(admin).orElseThrow(), p -> p.jobId() == job && !p.running());
        ProjectSummary broken = projects.visibleTo(admin, "fixes/duplicate-keys", null).getFirst();
        openCanvas(broken);

        WebElement worker = browser.findElement(By.cssSelector("[data-resource-id='Worker']"));
        assertThat(worker.getDomAttribute("data-severity")).isEqualTo("error");
        assertThat(Integer.parseInt(worker.getDomAttribute("data-findings"))).isGreaterThanOrEqualTo(2);
        Chromium.screenshot(browser, "editor-findings");

        fix("duplicate-key");
        wait.until(d -> pendingCount() == 1);
        fix("missing-transform");
        wait.until(d -> pendingCount() == 2);
        wait.until(d -> d.findElement(By.cssSelector("[data-resource-id='Worker']")).getDomAttribute("data-findings") == null);
        // editing is possible again
        select("Worker");
        browser.findElement(By.cssSelector("#property-MemorySize input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "512",
                Keys.TAB);
        wait.until(d -> pendingCount() == 3);
        browser.findElement(By.id("edit-commit")).click();
        WebElement diff = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("commit-diff")));
        assertThat(diff.getText()).contains("-      Timeout: 10", "+Transform: AWS::Serverless-2016-10-31",
                "+      MemorySize: 512").doesNotContain("-      Timeout: 30");
        browser.findElement(By.id("commit-cancel")).click();
        assertNoErrorNotice(browser);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private void fix(String code) {
        WebElement button = wait.until(d -> d.findElements(By.cssSelector(".quick-fix[data-fix-for^='" + code + "@']"))
                .stream().findFirst().orElse(null));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    private void undoAll() {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("commit-dialog")));
        while (pendingCount() > 0) {
            int before = pendingCount();
            WebElement undo = browser.findElement(By.id("edit-undo"));
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", undo);
            undo.click();
            wait.until(d -> pendingCount() == before - 1);
        }
    }

    private static WebElement label(String id) {
        return browser.findElement(By.cssSelector("[data-resource-id='" + id + "'] .sd-label"));
    }

    /** A bare repository of the local provider holding one file on main, as a user would push it. */
    private static void createRepository(String fullName, String path, String text) throws IOException, GitAPIException {
        Path work = Files.createTempDirectory("repo");
        try (Git git = Git.init().setInitialBranch("main").setDirectory(work.toFile()).call()) {
            Files.writeString(work.resolve(path), text, StandardCharsets.UTF_8);
            git.add().addFilepattern(path).call();
            PersonIdent someone = new PersonIdent("Someone", "someone@example.com");
            git.commit().setMessage("A template with problems").setAuthor(someone).setCommitter(someone).call();
        }
        Path bare = DATA.resolve("git").resolve(fullName + ".git");
        Files.createDirectories(bare.getParent());
        try (Git ignored = Git.cloneRepository().setURI(work.toUri().toString()).setBare(true)
                .setDirectory(bare.toFile()).call()) {
            // cloned
        }
    }
}
