package dev.stackdraft.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.graph.Edge;
import dev.stackdraft.graph.Node;
import dev.stackdraft.project.ProjectOutline;
import dev.stackdraft.project.ProjectOutlines;
import dev.stackdraft.project.ProjectSummary;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The canvas of the sample projects in a headless Chromium: one card per resource and one edge per link of the
 * resource graph, with the attributes other tooling reads; find a resource by name; a moved card is where it was
 * left after a reload.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the card is moved last: the screenshots before show the layout
class CanvasIT extends BrowserIT {

    @Autowired
    ProjectOutlines outlines;

    private long admin;
    private WebDriverWait wait;

    @BeforeEach
    void signedIn() {
        admin = adminId();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @Test
    @Order(1)
    void orders_service_is_drawn_with_a_card_per_resource_and_the_edges_of_its_graph() {
        assertDrawnAsItsGraph(sample("orders-service", "template.yaml"), "canvas-orders-service");
    }

    @Test
    @Order(2)
    void notes_serverless_is_drawn_the_same_way() {
        assertDrawnAsItsGraph(sample("notes-serverless", "serverless.yml"), "canvas-notes-serverless");
    }

    @Test
    @Order(3)
    void a_resource_is_found_by_name_and_a_moved_card_stays_where_it_was_left() {
        ProjectSummary orders = sample("orders-service", "template.yaml");
        openCanvas(orders);

        WebElement find = browser.findElement(By.id("canvas-find"));
        find.sendKeys("createorder", Keys.ENTER);
        wait.until(d -> d.findElement(By.cssSelector("[data-resource-id='CreateOrderFunction']"))
                .getDomAttribute("class").contains("sd-selected"));

        String before = transformOf("CreateOrderFunction");
        WebElement card = browser.findElement(By.cssSelector("[data-resource-id='CreateOrderFunction']"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", card);
        new Actions(browser).clickAndHold(card).moveByOffset(40, 20).moveByOffset(80, 60).release().perform();
        wait.until(d -> !transformOf("CreateOrderFunction").equals(before));
        String moved = transformOf("CreateOrderFunction");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outlines.outline(admin, orders.id()).orElseThrow()
                .positions().containsKey("CreateOrderFunction"));

        browser.navigate().refresh();
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector(".sd-canvas"), "data-state", "ready"));
        wait.until(d -> transformOf("CreateOrderFunction").equals(moved));
        Chromium.screenshot(browser, "canvas-moved-card");
        assertNoErrorNotice(browser);
    }

    private void assertDrawnAsItsGraph(ProjectSummary project, String screenshot) {
        openCanvas(project);
        ProjectOutline outline = outlines.outline(admin, project.id()).orElseThrow();
        List<Node> resources = outline.graph().nodes().stream().filter(n -> n.kind().equals(Node.RESOURCE)).toList();
        assertThat(resources).hasSize(project.resourceCount());

        List<WebElement> cards = browser.findElements(By.cssSelector("[data-resource-id]"));
        assertThat(cards).extracting(card -> card.getDomAttribute("data-resource-id") + " " + card.getDomAttribute("data-resource-type"))
                .as("one card per resource, with its type").containsExactlyInAnyOrderElementsOf(
                        resources.stream().map(n -> n.id() + " " + n.type()).toList());
        Set<String> drawn = browser.findElements(By.cssSelector("[data-edge-from]")).stream()
                .map(e -> e.getDomAttribute("data-edge-from") + " -" + e.getDomAttribute("data-edge-kind") + "-> "
                        + e.getDomAttribute("data-edge-to"))
                .collect(Collectors.toSet());
        Set<String> expected = outline.graph().edges().stream().filter(e -> !e.from().equals(e.to()))
                .map(CanvasIT::arrow).collect(Collectors.toSet());
        assertThat(drawn).as("the edges of the resource graph, typed as the CLI prints them").isEqualTo(expected);
        assertThat(browser.findElements(By.cssSelector(".react-flow__minimap"))).isNotEmpty();
        browser.findElement(By.id("canvas-export-svg")).click();
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector(".sd-export"), "data-exported", "data:image/svg+xml;charset=utf-8,"));
        browser.findElement(By.id("canvas-export-png")).click();
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector(".sd-export"), "data-exported", "data:image/png;base64,"));
        Chromium.screenshot(browser, screenshot);
        Chromium.screenshot(browser.findElement(By.id("canvas")), screenshot + "-alone");
        assertNoErrorNotice(browser);
    }

    private String transformOf(String nodeId) {
        return String.valueOf(browser.executeScript(
                "return document.querySelector(\".react-flow__node[data-id='\" + arguments[0] + \"']\").style.transform;",
                nodeId));
    }

    private static String arrow(Edge edge) {
        return edge.from() + " -" + edge.kind() + "-> " + edge.to();
    }
}
