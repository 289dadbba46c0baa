package dev.stackdraft.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.hosting.HostRepository;
import dev.stackdraft.hosting.LocalGitHost;
import dev.stackdraft.project.ProjectSummary;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Editing in the browser and committing, as a user does it: select a card, rename the resource (the canvas redraws
 * from the rebuilt graph), undo with the keyboard, redo, see the diff in the commit dialog, commit to a new branch;
 * then the repository's new branch holds exactly that change, every comment kept.
 */
class EditingIT extends BrowserIT {

    private static final String BRANCH = "stackdraft/place-order";

    @Test
    void a_rename_is_undone_redone_and_committed_to_a_new_branch_with_nothing_else_changed() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        ProjectSummary orders = sample("orders-service", "template.yaml");
        openCanvas(orders);

        WebElement card = browser.findElement(By.cssSelector("[data-resource-id='CreateOrderFunction']"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", card);
        card.click();
        wait.until(ExpectedConditions.attributeToBe(By.id("selection-panel"), "data-selected", "CreateOrderFunction"));

        WebElement field = browser.findElement(By.cssSelector("#selection-rename-field input"));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), "PlaceOrderFunction");
        browser.findElement(By.id("selection-rename")).click();
        wait.until(d -> cardIsDrawn("PlaceOrderFunction") && !cardIsDrawn("CreateOrderFunction"));
        assertThat(pendingCount()).isEqualTo(1);
        assertThat(browser.findElement(By.id("edit-pending")).getText()).contains("CreateOrderFunction", "PlaceOrderFunction");
        long redrawMillis = Math.round(((Number) browser.executeScript("""
                const data = performance.getEntriesByName('stackdraft-canvas-data').at(-1).startTime;
                const drawn = performance.getEntriesByName('stackdraft-canvas-drawn').at(-1).startTime;
                return drawn - data;""")).doubleValue());
        assertThat(browser.findElements(By.cssSelector("[data-edge-from='PlaceOrderFunction'][data-edge-to='CommonLayer']")))
                .as("its links follow the new name").isNotEmpty();

        // undo with the keyboard, redo with the button
        browser.findElement(By.id("edit-toolbar")).click();
        new Actions(browser).keyDown(Keys.CONTROL).sendKeys("z").keyUp(Keys.CONTROL).perform();
        wait.until(d -> cardIsDrawn("CreateOrderFunction") && !cardIsDrawn("PlaceOrderFunction"));
        assertThat(pendingCount()).isZero();
        browser.findElement(By.id("edit-redo")).click();
        wait.until(d -> cardIsDrawn("PlaceOrderFunction"));
        assertThat(pendingCount()).isEqualTo(1);

        // the commit dialog shows what will be written, then commits to a new branch
        browser.findElement(By.id("edit-commit")).click();
        WebElement diff = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("commit-diff")));
        assertThat(diff.getText()).contains("-  CreateOrderFunction:", "+  PlaceOrderFunction:");
        Chromium.screenshot(browser, "commit-dialog");
        browser.findElements(By.cssSelector("#commit-target vaadin-radio-button")).stream()
                .filter(b -> b.getText().toLowerCase(Locale.ROOT).contains("new branch")).findFirst().orElseThrow().click();
        WebElement branch = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#commit-branch input")));
        branch.sendKeys(Keys.chord(Keys.CONTROL, "a"), BRANCH);
        browser.findElement(By.id("commit-confirm")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("commit-dialog")));
        wait.until(d -> d.findElements(By.id("edit-pending")).size() == 1 && pendingCount() == 0
                && cardIsDrawn("CreateOrderFunction")); // a fresh session on the project's branch, which did not change
        assertNoErrorNotice(browser);

        LocalGitHost git = new LocalGitHost(DATA.resolve("git"));
        HostRepository repository = git.repositories().stream()
                .filter(r -> r.fullName().equals(orders.repository())).findFirst().orElseThrow();
        String before = new String(git.read(repository, orders.branch(), "template.yaml"), StandardCharsets.UTF_8);
        String after = new String(git.read(repository, BRANCH, "template.yaml"), StandardCharsets.UTF_8);
        assertThat(after).contains("PlaceOrderFunction:").doesNotContain("CreateOrderFunction");
        assertThat(after.replace("PlaceOrderFunction", "CreateOrderFunction"))
                .as("exactly the rename, every comment and every other byte kept").isEqualTo(before);
        assertThat(git.branchHead(repository, orders.branch())).as("the project's own branch is untouched")
                .contains(orders.lastCommit());

        System.out.println("[benchmark] orders-service canvas: a rename redrawn " + redrawMillis
                + " ms after the new graph arrived");
    }

    @Test
    void a_queue_is_added_from_the_palette_found_among_all_types_and_undone() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        ProjectSummary notes = sample("notes-serverless", "serverless.yml");
        openCanvas(notes);

        WebElement type = browser.findElement(By.cssSelector("#palette-type input"));
        type.sendKeys("AWS::SQS::Queue");
        wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .anyMatch(item -> item.getText().equals("AWS::SQS::Queue")));
        type.sendKeys(Keys.ENTER);
        wait.until(d -> "Queue".equals(d.findElement(By.cssSelector("#palette-id input")).getDomProperty("value")));
        browser.findElement(By.cssSelector("#palette-id input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "NotesQueue");
        browser.findElement(By.id("palette-add")).click();

        wait.until(d -> cardIsDrawn("NotesQueue"));
        assertThat(browser.findElement(By.cssSelector("[data-resource-id='NotesQueue']")).getDomAttribute("data-resource-type"))
                .isEqualTo("AWS::SQS::Queue");
        assertThat(pendingCount()).isEqualTo(1);
        assertThat(browser.executeScript("""
                const boxes = [...document.querySelectorAll('.react-flow__node')].map(n => n.getBoundingClientRect());
                return boxes.some((a, i) => boxes.some((b, j) => i < j && a.left < b.right && b.left < a.right
                        && a.top < b.bottom && b.top < a.bottom));""")).as("the new card covers no other").isEqualTo(false);
        browser.executeScript("document.getElementById('edit-toolbar').scrollIntoView({block: 'center'})");
        Chromium.screenshot(browser, "editor-palette");
        browser.findElement(By.id("edit-commit")).click();
        WebElement diff = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("commit-diff")));
        assertThat(diff.getText()).contains("+    NotesQueue:", "+      Type: AWS::SQS::Queue");
        browser.findElement(By.id("commit-cancel")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("commit-dialog")));

        browser.findElement(By.id("edit-undo")).click();
        wait.until(d -> !cardIsDrawn("NotesQueue"));
        assertThat(pendingCount()).isZero();
        assertNoErrorNotice(browser);
    }
}
