package dev.stackdraft.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.appsync.BindResolver;
import dev.stackdraft.appsync.DataSource;
import dev.stackdraft.appsync.GraphQlApis;
import dev.stackdraft.appsync.StarterCode;
import dev.stackdraft.appsync.UnbindResolver;
import dev.stackdraft.edit.AddReferencedResource;
import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.edit.Editor;
import dev.stackdraft.editing.links.LinkOption;
import dev.stackdraft.editing.links.LinkTable;
import dev.stackdraft.graph.Edge;
import dev.stackdraft.hosting.HostRepository;
import dev.stackdraft.hosting.LocalGitHost;
import dev.stackdraft.project.ProjectSummary;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 9 in Chromium on the orders-service sample: add a referenced topic (an existing one, by ARN) and subscribe a
 * function to it by dragging; unbind and bind {@code Query.getOrder} of the sample's GraphQL API to its table with
 * the starter code; switch the table to "Use Existing" in {@code prod} (drawn as existing) and back; commit; then the
 * branch holds exactly what the engine's commands give (the switch back leaving no trace) and the new environment.
 */
class ExistingResourcesIT extends BrowserIT {

    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:central-alerts";
    private static final String TABLE = "arn:aws:dynamodb:us-east-1:123456789012:table/orders-central";

    private WebDriverWait wait;

    @BeforeEach
    void waits() {
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @Test
    void a_referenced_topic_subscribed_to_and_a_field_bound_to_the_table_are_committed() {
        ProjectSummary orders = sample("orders-service", "template.yaml");
        String before = read(orders, orders.branch(), orders.templatePath());
        openCanvas(orders);

        browser.findElement(By.cssSelector("#referenced-name input")).sendKeys("AlertsTopic");
        browser.findElement(By.cssSelector("#referenced-arn input")).sendKeys(TOPIC);
        click(browser.findElement(By.id("referenced-add")));
        wait.until(d -> !d.findElements(By.cssSelector("[data-node-id='AlertsTopic'][data-node-kind='external']")).isEmpty());
        String link = connect("AlertsTopic", "CreateOrderFunction", LinkOption.EVENT_SOURCE);
        wait.until(d -> edgeIsDrawn("AlertsTopic", "CreateOrderFunction", Edge.EVENT));

        select("OrdersGraphQLApi");
        wait.until(d -> "OrdersTable".equals(field("Query.getOrder").getDomAttribute("data-resolver")));
        openField("Query.getOrder");
        click(wait.until(ExpectedConditions.elementToBeClickable(By.id("resolver-unbind"))));
        wait.until(d -> "none".equals(field("Query.getOrder").getDomAttribute("data-resolver")));
        openField("Query.getOrder");
        wait.until(d -> d.findElement(By.cssSelector("#resolver-code textarea")).getDomProperty("value").contains("export function request"));
        click(browser.findElement(By.id("resolver-bind")));
        wait.until(d -> "OrdersTable".equals(field("Query.getOrder").getDomAttribute("data-resolver")));
        Chromium.screenshot(browser, "resolvers");
        assertThat(pendingCount()).isEqualTo(4);

        createEnvironment("prod");
        int parameters = parameterCount();
        select("OrdersTable");
        WebElement arn = wait.until(d -> d.findElement(By.cssSelector("#existing-arn input")));
        arn.sendKeys(TABLE);
        click(browser.findElement(By.id("existing-use")));
        wait.until(d -> TABLE.equals(node("OrdersTable").getDomAttribute("data-existing")));
        assertThat(parameterCount()).as("OrdersTableExistingArn").isEqualTo(parameters + 1);
        Chromium.screenshot(browser, "use-existing");
        click(wait.until(d -> d.findElement(By.id("existing-off"))));
        wait.until(d -> node("OrdersTable").getDomAttribute("data-existing") == null);
        assertThat(parameterCount()).isEqualTo(parameters);
        assertThat(pendingCount()).isEqualTo(7);

        commitToNewBranch("stackdraft/referenced");

        String after = read(orders, "stackdraft/referenced", orders.templatePath());
        List<Function<Template, EditCommand>> commands = List.of(
                t -> new AddReferencedResource("AlertsTopic", TOPIC),
                t -> LinkTable.standard().options(t, "AlertsTopic", "CreateOrderFunction").stream()
                        .filter(o -> o.label().equals(link)).findFirst().orElseThrow().command(),
                t -> new UnbindResolver("OrdersGraphQLApi", "Query", "getOrder"),
                t -> new BindResolver("OrdersGraphQLApi", "Query", "getOrder", "OrdersTable", starter(t)));
        assertThat(after).as("the commit holds exactly the four edits").isEqualTo(expected(before, commands));
        assertThat(after).contains("Topic: !Ref AlertsTopic", "Default: " + TOPIC).doesNotContain("ExistingArn");
        String samconfig = read(orders, "stackdraft/referenced", "samconfig.toml");
        assertThat(samconfig).contains("[prod.deploy.parameters]").doesNotContain("OrdersTableExistingArn");
    }

    @Test
    void a_function_becomes_a_data_source_and_a_new_graphql_api_lists_its_fields() {
        ProjectSummary orders = sample("orders-service", "template.yaml");
        openCanvas(orders);

        select("OrdersGraphQLApi");
        chooseInSelect("resolver-new-source", "CreateOrderFunction · function");
        click(browser.findElement(By.id("resolver-add-source")));
        wait.until(d -> pendingCount() == 1);
        openField("Query.getOrder");
        click(wait.until(ExpectedConditions.elementToBeClickable(By.id("resolver-data-source"))));
        wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .anyMatch(e -> e.isDisplayed() && e.getText().startsWith("CreateOrderFunctionSource · lambda")));
        browser.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);

        // a resolver's code in a file beside the template: the file is written with the starter code
        openField("Query.getOrder");
        WebElement code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#resolver-code textarea")));
        code.sendKeys(Keys.chord(Keys.CONTROL, "a"), "resolvers/getOrder.js");
        int before = pendingCount();
        click(browser.findElement(By.id("resolver-bind")));
        wait.until(d -> pendingCount() == before + 1);
        click(browser.findElement(By.id("edit-commit")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("commit-diff")));
        assertThat(browser.findElement(By.id("commit-diff")).getText())
                .contains("resolvers/getOrder.js", "export function request");
        click(browser.findElement(By.id("commit-cancel")));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("commit-dialog")));

        // a pipeline: a new function on the table, then the field runs it
        openField("Query.getOrder");
        WebElement step = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pipeline-new-name input")));
        step.sendKeys("LoadOrder");
        chooseInSelect("pipeline-new-source", "OrdersTable");
        click(browser.findElement(By.id("pipeline-new")));
        wait.until(d -> pendingCount() == 3);
        openField("Query.getOrder");
        chooseInSelect("pipeline-add-function", "LoadOrder");
        click(browser.findElement(By.id("pipeline-add")));
        wait.until(d -> "pipeline LoadOrder".equals(field("Query.getOrder").getDomAttribute("data-resolver")));

        WebElement type = browser.findElement(By.cssSelector("#palette-type input"));
        type.sendKeys("AWS::Serverless::GraphQLApi");
        wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .anyMatch(item -> item.getText().equals("AWS::Serverless::GraphQLApi")));
        type.sendKeys(Keys.ENTER);
        WebElement id = browser.findElement(By.cssSelector("#palette-id input"));
        id.sendKeys(Keys.chord(Keys.CONTROL, "a"), "CatalogApi");
        click(browser.findElement(By.id("palette-add")));
        wait.until(d -> !d.findElements(By.cssSelector("[data-resource-id='CatalogApi']")).isEmpty());
        select("CatalogApi");
        wait.until(d -> "none".equals(field("Query.getItem").getDomAttribute("data-resolver")));
        assertThat(field("Mutation.putItem").getDomAttribute("data-resolver")).isEqualTo("none");
        assertNoErrorNotice(browser);

        assertNoErrorNotice(browser);
    }

    // ---- what the user does -------------------------------------------------------------------------------------

    private String connect(String from, String to, String kind) {
        browser.executeScript("document.querySelector('.sd-canvas').scrollIntoView({block: 'center'})");
        WebElement source = node(from).findElement(By.cssSelector(".react-flow__handle.source"));
        WebElement target = node(to).findElement(By.cssSelector(".react-flow__handle.target"));
        new Actions(browser).clickAndHold(source).moveByOffset(12, 12).moveToElement(target).pause(Duration.ofMillis(150))
                .release(target).perform();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("link-dialog")));
        WebElement option = browser.findElement(By.cssSelector("#link-options [data-link-kind='" + kind + "']"));
        String label = option.findElement(By.cssSelector(".link-label")).getText();
        option.click();
        browser.findElement(By.id("link-confirm")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("link-dialog")));
        return label;
    }

    private void createEnvironment(String name) {
        click(browser.findElement(By.id("environment-new")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("environment-dialog")));
        browser.findElement(By.cssSelector("#environment-name input")).sendKeys(name);
        browser.findElement(By.cssSelector("#environment-region input")).sendKeys("us-east-1");
        click(browser.findElement(By.id("environment-save")));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("environment-dialog")));
        wait.until(d -> name.equals(d.findElement(By.id("environment-bar")).getDomAttribute("data-environment")));
    }

    private static int parameterCount() {
        return Integer.parseInt(browser.findElement(By.id("section-tab-Parameters")).getDomAttribute("data-count"));
    }

    private static WebElement node(String id) {
        return browser.findElement(By.cssSelector("[data-node-id='" + id + "']"));
    }

    /**
     * Clicks a field and waits for its editor to be drawn anew: a click on the field already open redraws the editor
     * on the server, and an element found before that round trip goes stale under the keyboard.
     */
    private void openField(String coordinate) {
        List<WebElement> before = browser.findElements(By.id("resolver-data-source"));
        click(field(coordinate));
        if (!before.isEmpty()) {
            wait.until(ExpectedConditions.stalenessOf(before.get(0)));
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("resolver-data-source")));
    }

    private static WebElement field(String coordinate) {
        return browser.findElement(By.cssSelector("#resolver-fields [data-field='" + coordinate + "']"));
    }

    private static boolean edgeIsDrawn(String from, String to, String kind) {
        return !browser.findElements(By.cssSelector("[data-edge-from='" + from + "'][data-edge-to='" + to
                + "'][data-edge-kind='" + kind + "']")).isEmpty();
    }

    // ---- what the repository must hold -----------------------------------------------------------------------------

    private static String starter(Template template) {
        DataSource table = GraphQlApis.find(template, "OrdersGraphQLApi").orElseThrow().dataSource("OrdersTable")
                .orElseThrow();
        return StarterCode.javascript(table.kind(), "Query", "getOrder", StarterCode.tableKey(template, table));
    }

    private static String expected(String before, List<Function<Template, EditCommand>> commands) {
        Editor editor = new Editor();
        TemplateReader reader = new TemplateReader();
        Template template = reader.read("template.yaml", before);
        List<EditCommand> applied = new ArrayList<>();
        for (Function<Template, EditCommand> next : commands) {
            EditCommand command = next.apply(template);
            applied.add(command);
            template = editor.apply(template, command).after();
        }
        return template.source().text();
    }

    private static String read(ProjectSummary project, String branch, String path) {
        LocalGitHost git = new LocalGitHost(DATA.resolve("git"));
        HostRepository repository = git.repositories().stream()
                .filter(r -> r.fullName().equals(project.repository())).findFirst().orElseThrow();
        return new String(git.read(repository, branch, path), StandardCharsets.UTF_8);
    }
}
