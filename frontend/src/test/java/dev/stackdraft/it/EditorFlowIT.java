package dev.stackdraft.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.edit.AddResource;
import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.edit.Editor;
import dev.stackdraft.edit.RenameLogicalId;
import dev.stackdraft.editing.PropertyForms;
import dev.stackdraft.editing.links.LinkOption;
import dev.stackdraft.editing.links.LinkTable;
import dev.stackdraft.graph.Edge;
import dev.stackdraft.graph.ResourceGraph;
import dev.stackdraft.hosting.HostRepository;
import dev.stackdraft.hosting.LocalGitHost;
import dev.stackdraft.project.ProjectSummary;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import dev.stackdraft.template.UnifiedDiff;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole editing flow of the issue, as a user does it in Chromium, on both kinds of sample project: add an SQS
 * queue from the palette, drag from it to a function and pick "event source" among the links offered, change a
 * property in the generated form, rename a resource, undo one step, redo it, commit to a new branch. Then the new
 * branch in the git repository holds exactly those changes (the same commands applied by the engine to the original
 * give the same bytes; the removed lines are only the changed ones) and every comment.
 */
class EditorFlowIT extends BrowserIT {

    private final TemplateReader reader = new TemplateReader();
    private WebDriverWait wait;

    @BeforeEach
    void waits() {
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @Test
    void orders_service_queue_event_source_property_rename_undo_redo_commit() {
        ProjectSummary orders = sample("orders-service", "template.yaml");
        String before = read(orders, orders.branch());
        openCanvas(orders);

        addFromPalette("AWS::SQS::Queue", "OrdersQueue");
        String link = connectAsEventSource("OrdersQueue", "CreateOrderFunction");
        wait.until(d -> edgeIsDrawn("OrdersQueue", "CreateOrderFunction", Edge.EVENT));
        setProperty("CreateOrderFunction", "Description", "Validates, stores and queues a new order");
        rename("GetOrderFunction", "FetchOrderFunction");
        assertThat(pendingCount()).isEqualTo(4);
        Chromium.screenshot(browser, "editor-flow-orders-service");

        undoRedo("FetchOrderFunction", "GetOrderFunction", 4);
        commitToNewBranch("stackdraft/orders-queue");

        String after = read(orders, "stackdraft/orders-queue");
        String expected = expected(before, orders.templatePath(), List.of(
                        t -> new AddResource("OrdersQueue", "AWS::SQS::Queue", List.of()),
                        t -> option(t, "OrdersQueue", "CreateOrderFunction", link),
                        t -> PropertyForms.set(t, "CreateOrderFunction", "Description",
                                "Validates, stores and queues a new order"),
                        t -> new RenameLogicalId("GetOrderFunction", "FetchOrderFunction")));
        assertThat(after).as("the commit holds exactly the four edits").isEqualTo(expected);
        assertThat(removedLines(before, after)).as("lines the commit takes away").containsExactlyInAnyOrder(
                "      Description: Validates and stores a new order", "  GetOrderFunction:");
        assertCommentsKept(before, after);
        ResourceGraph graph = ResourceGraph.of(reader.read("template.yaml", after));
        assertThat(graph.edges()).anyMatch(e -> e.from().equals("OrdersQueue") && e.to().equals("CreateOrderFunction")
                && e.kind().equals(Edge.EVENT));
    }

    @Test
    void notes_serverless_queue_event_source_property_rename_undo_redo_commit() {
        ProjectSummary notes = sample("notes-serverless", "serverless.yml");
        String before = read(notes, notes.branch());
        openCanvas(notes);

        addFromPalette("AWS::SQS::Queue", "NotesQueue");
        String link = connectAsEventSource("NotesQueue", "createNote");
        wait.until(d -> edgeIsDrawn("NotesQueue", "createNote", Edge.EVENT));
        setProperty("createNote", "handler", "src/notes.createNote");
        rename("NotesTable", "NotesStore");
        assertThat(pendingCount()).isEqualTo(4);
        Chromium.screenshot(browser, "editor-flow-notes-serverless");

        undoRedo("NotesStore", "NotesTable", 4);
        commitToNewBranch("stackdraft/notes-queue");

        String after = read(notes, "stackdraft/notes-queue");
        String expected = expected(before, notes.templatePath(), List.of(
                t -> new AddResource("NotesQueue", "AWS::SQS::Queue", List.of()),
                t -> option(t, "NotesQueue", "createNote", link),
                t -> PropertyForms.set(t, "createNote", "handler", "src/notes.createNote"),
                t -> new RenameLogicalId("NotesTable", "NotesStore")));
        assertThat(after).as("the commit holds exactly the four edits").isEqualTo(expected);
        assertThat(removedLines(before, after)).as("every removed line is the handler or names the old table")
                .allMatch(line -> line.contains("NotesTable") || line.contains("handler: src/notes.create"));
        assertCommentsKept(before, after);
    }

    // ---- what the user does -------------------------------------------------------------------------------------

    private void addFromPalette(String type, String id) {
        WebElement typeField = browser.findElement(By.cssSelector("#palette-type input"));
        typeField.sendKeys(type);
        wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .anyMatch(item -> item.getText().equals(type)));
        typeField.sendKeys(Keys.ENTER);
        wait.until(d -> !d.findElement(By.cssSelector("#palette-id input")).getDomProperty("value").isBlank());
        browser.findElement(By.cssSelector("#palette-id input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), id);
        browser.findElement(By.id("palette-add")).click();
        wait.until(d -> cardIsDrawn(id));
    }

    /** Drags from the source card's handle to the target card's, picks "event source" in the dialog; its label. */
    private String connectAsEventSource(String from, String to) {
        browser.executeScript("document.querySelector('.sd-canvas').scrollIntoView({block: 'center'})");
        WebElement source = card(from).findElement(By.cssSelector(".react-flow__handle.source"));
        WebElement target = card(to).findElement(By.cssSelector(".react-flow__handle.target"));
        new Actions(browser).clickAndHold(source).moveByOffset(12, 12).moveToElement(target).pause(Duration.ofMillis(150))
                .release(target).perform();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("link-dialog")));
        WebElement option = browser.findElement(By.cssSelector("#link-options [data-link-kind='event-source']"));
        String label = option.findElement(By.cssSelector(".link-label")).getText();
        option.click();
        browser.findElement(By.id("link-confirm")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("link-dialog")));
        return label;
    }

    private void setProperty(String resource, String property, String value) {
        select(resource);
        WebElement field = wait.until(d -> d.findElements(By.cssSelector("#property-" + property + " input, #property-"
                + property + " textarea")).stream().findFirst().orElse(null));
        int pendingBefore = pendingCount();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
        wait.until(d -> pendingCount() == pendingBefore + 1);
    }

    private void rename(String from, String to) {
        select(from);
        WebElement field = browser.findElement(By.cssSelector("#selection-rename-field input"));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), to);
        browser.findElement(By.id("selection-rename")).click();
        wait.until(d -> cardIsDrawn(to) && !cardIsDrawn(from));
    }

    /** Undo (keyboard) takes the rename back, redo does it again. */
    private void undoRedo(String renamed, String original, int pending) {
        browser.findElement(By.id("edit-toolbar")).click();
        new Actions(browser).keyDown(Keys.CONTROL).sendKeys("z").keyUp(Keys.CONTROL).perform();
        wait.until(d -> cardIsDrawn(original) && !cardIsDrawn(renamed));
        assertThat(pendingCount()).isEqualTo(pending - 1);
        browser.findElement(By.id("edit-redo")).click();
        wait.until(d -> cardIsDrawn(renamed) && !cardIsDrawn(original));
        assertThat(pendingCount()).isEqualTo(pending);
    }

    private static WebElement card(String id) {
        return browser.findElement(By.cssSelector("[data-resource-id='" + id + "']"));
    }

    private static boolean edgeIsDrawn(String from, String to, String kind) {
        return !browser.findElements(By.cssSelector("[data-edge-from='" + from + "'][data-edge-to='" + to
                + "'][data-edge-kind='" + kind + "']")).isEmpty();
    }

    // ---- what the repository must hold -----------------------------------------------------------------------------

    private static String read(ProjectSummary project, String branch) {
        LocalGitHost git = new LocalGitHost(DATA.resolve("git"));
        HostRepository repository = git.repositories().stream()
                .filter(r -> r.fullName().equals(project.repository())).findFirst().orElseThrow();
        return new String(git.read(repository, branch, project.templatePath()), StandardCharsets.UTF_8);
    }

    /** The original with the same edits applied by the engine, each made from the template as it stands then. */
    private String expected(String before, String file, List<java.util.function.Function<Template, EditCommand>> steps) {
        Editor editor = new Editor();
        Template template = reader.read(file, before);
        for (var step : steps) {
            template = editor.apply(template, step.apply(template)).after();
        }
        return template.source().text();
    }

    private static EditCommand option(Template template, String from, String to, String label) {
        List<LinkOption> options = LinkTable.standard().options(template, from, to);
        return options.stream().filter(o -> o.label().equals(label)).findFirst().orElseThrow().command();
    }

    private static List<String> removedLines(String before, String after) {
        List<String> removed = new ArrayList<>();
        for (String line : UnifiedDiff.of("t", before, after).lines().toList()) {
            if (line.startsWith("-") && !line.startsWith("---")) {
                removed.add(line.substring(1));
            }
        }
        return removed;
    }

    /** Every comment line of the original is in the commit, in the same order. */
    private static void assertCommentsKept(String before, String after) {
        List<String> comments = before.lines().filter(l -> l.strip().startsWith("#")).toList();
        List<String> kept = after.lines().filter(l -> l.strip().startsWith("#")).toList();
        assertThat(kept).as("comments of the commit").containsSubsequence(comments);
        assertThat(comments).isNotEmpty();
    }
}
