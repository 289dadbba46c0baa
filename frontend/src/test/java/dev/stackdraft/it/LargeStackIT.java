package dev.stackdraft.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.bench.LargeTemplate;
import dev.stackdraft.config.BareRepos;
import dev.stackdraft.importer.ImportProgress;
import dev.stackdraft.importer.ImportStatus;
import dev.stackdraft.project.ProjectOutlines;
import dev.stackdraft.project.ProjectSummary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The project page of a stack as large as CloudFormation allows (500 resources, the engine's benchmark template)
 * in a headless Chromium: it opens, lists all 500 resources and scrolls to the last one without an error on the
 * page or in the server log.
 */
class LargeStackIT extends BrowserIT {

    private static final String REPOSITORY = "big-stacks/five-hundred";

    @Autowired
    ProjectOutlines outlines;

    @Test
    void the_project_page_of_a_500_resource_stack_scrolls_to_its_last_resource() {
        BareRepos.create(DATA.resolve("git"), REPOSITORY, Map.of("template.yaml", LargeTemplate.sam(500)));
        long admin = accounts.localUser("admin").orElseThrow().user().id();
        long job = imports.start(admin).jobId();
        ImportProgress imported = Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> imports.latest(admin).orElseThrow(), p -> p.jobId() == job && !p.running());
        assertThat(imported.status()).isEqualTo(ImportStatus.FINISHED);
        ProjectSummary stack = projects.visibleTo(admin, "five-hundred", null).getFirst();
        assertThat(stack.resourceCount()).isEqualTo(500);

        signInAsAdmin(browser);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        long opening = System.nanoTime();
        browser.get(app("/projects/" + stack.id()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("project-outline"), "Resources (500)"));
        wait.until(d -> !cells().isEmpty());
        long openedMillis = (System.nanoTime() - opening) / 1_000_000;
        assertThat(cells()).as("only the rows in view are drawn, not all 500").hasSizeLessThan(500 * 4);

        // the canvas draws all 500: laid out and drawn in the browser once the page's data has arrived
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector(".sd-canvas"), "data-state", "ready"));
        wait.until(d -> browser.executeScript("return performance.getEntriesByName('stackdraft-canvas-drawn').length")
                instanceof Long n && n > 0);
        assertThat(browser.findElement(By.cssSelector(".sd-canvas")).getDomAttribute("data-node-count"))
                .as("every node of the graph is on the canvas")
                .isEqualTo(String.valueOf(outlines.outline(admin, stack.id()).orElseThrow().graph().nodes().size()));
        long drawnMillis = Math.round(((Number) browser.executeScript("""
                return performance.getEntriesByName('stackdraft-canvas-drawn')[0].startTime
                     - performance.getEntriesByName('stackdraft-canvas-data')[0].startTime;""")).doubleValue());
        long layoutMillis = Math.round(((Number) browser.executeScript("""
                return performance.getEntriesByName('stackdraft-layout-end')[0].startTime
                     - performance.getEntriesByName('stackdraft-layout-start')[0].startTime;""")).doubleValue());
        assertThat(browser.findElements(By.cssSelector("[data-resource-id]"))).as("cards in view only (a large stack)")
                .isNotEmpty();
        browser.findElement(By.id("canvas-find")).sendKeys("Spare2", Keys.ENTER);
        wait.until(d -> !d.findElements(By.cssSelector("[data-resource-id='Spare2'].sd-selected")).isEmpty());
        Chromium.screenshot(browser, "project-500-canvas");

        // edits of the 500-resource stack, each redrawn from the rebuilt graph: a layer added in the property form, a rename
        WebElement find = browser.findElement(By.id("canvas-find"));
        find.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Handler7", Keys.ENTER);
        wait.until(ExpectedConditions.attributeToBe(By.id("selection-panel"), "data-selected", "Handler7"));
        WebElement layers = browser.findElement(By.cssSelector("#property-Layers textarea"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", layers);
        layers.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), Keys.ENTER, "- arn:aws:lambda:us-east-1:123456789012:layer:extra:1", Keys.TAB);
        wait.until(d -> pendingCount() == 1);
        long layerMillis = lastRedrawMillis();
        WebElement rename = browser.findElement(By.cssSelector("#selection-rename-field input"));
        rename.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Handler7Renamed");
        browser.findElement(By.id("selection-rename")).click();
        wait.until(d -> pendingCount() == 2);
        wait.until(ExpectedConditions.attributeToBe(By.id("selection-panel"), "data-selected", "Handler7Renamed"));
        long renameMillis = lastRedrawMillis();
        System.out.println("[benchmark] marks of the rename: " + browser.executeScript("""
                const at = (n) => Math.round(performance.getEntriesByName(n).at(-1).startTime);
                const d = at('stackdraft-canvas-data');
                return 'layout start +' + (at('stackdraft-layout-start') - d) + ', layout end +'
                    + (at('stackdraft-layout-end') - d) + ', committed +' + (at('stackdraft-canvas-committed') - d) + ', drawn +' + (at('stackdraft-canvas-drawn') - d);"""));
        // a resource added from the palette (the renamed function stays selected, its form is built again)
        WebElement paletteType = browser.findElement(By.cssSelector("#palette-type input"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", paletteType);
        paletteType.sendKeys("AWS::SQS::Queue");
        wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .anyMatch(item -> item.getText().equals("AWS::SQS::Queue")));
        paletteType.sendKeys(Keys.ENTER);
        wait.until(d -> !d.findElement(By.cssSelector("#palette-id input")).getDomProperty("value").isBlank());
        browser.findElement(By.id("palette-add")).click();
        wait.until(d -> pendingCount() == 3);
        long addMillis = lastRedrawMillis();
        assertNoErrorNotice(browser);

        WebElement resources = browser.findElement(By.id("project-resources"));
        browser.executeScript("arguments[0].scrollToIndex(499)", resources);
        wait.until(d -> cells().contains("Spare2"));
        Chromium.screenshot(browser, "project-500-resources-end");
        assertNoErrorNotice(browser);
        System.out.println("[benchmark] project page of a 500-resource stack: opened (template cloned, read, "
                + "validated, first rows drawn) in " + openedMillis + " ms; canvas laid out and drawn "
                + drawnMillis + " ms after its data arrived, of which the layout " + layoutMillis + " ms; redrawn after "
                + "adding a layer " + layerMillis + " ms, after a rename " + renameMillis + " ms, after adding a queue from the "
                + "palette " + addMillis + " ms");
    }

    /** From the last graph's arrival in the browser to its cards drawn. */
    private static long lastRedrawMillis() {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> (Boolean) browser.executeScript("""
                const data = performance.getEntriesByName('stackdraft-canvas-data');
                const drawn = performance.getEntriesByName('stackdraft-canvas-drawn');
                return drawn.length > 0 && drawn.at(-1).startTime > data.at(-1).startTime;"""));
        return Math.round(((Number) browser.executeScript("""
                return performance.getEntriesByName('stackdraft-canvas-drawn').at(-1).startTime
                     - performance.getEntriesByName('stackdraft-canvas-data').at(-1).startTime;""")).doubleValue());
    }

    private static List<String> cells() {
        return browser.findElements(By.cssSelector("#project-resources vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).toList();
    }
}
