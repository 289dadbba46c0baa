package dev.stackdraft.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.stackdraft.config.PlatformTest;
import dev.stackdraft.graph.Edge;
import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.LocalGitHost;
import dev.stackdraft.hosting.SampleProjects;
import dev.stackdraft.importer.ImportService;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The project page's outline: the sample template read from its branch, as the engine sees it. */
class ProjectOutlinesTest extends PlatformTest {

    @Autowired
    ProjectOutlines outlines;
    @Autowired
    ProjectService projects;
    @Autowired
    ImportService imports;

    long user;
    ProjectSummary orders;

    @BeforeEach
    void setUp() {
        user = newUser("outline");
        Path root = tempDir("outline-samples");
        SampleProjects.seedIfEmpty(root, clock.instant());
        hosts.give(user, new ConnectedHost(HostKind.LOCAL, URI.create("local:/" + root.getFileName()),
                new LocalGitHost(root, ProjectWriteBackTest.PAT)));
        ProjectWriteBackTest.importAll(imports, user);
        orders = projects.visibleTo(user, "orders-service", null).getFirst();
    }

    @Test
    void the_outline_lists_every_resource_with_its_line_and_what_it_uses() {
        ProjectOutline outline = outlines.outline(user, orders.id()).orElseThrow();

        assertThat(outline.problem()).isNull();
        assertThat(outline.resources()).hasSize(orders.resourceCount());
        ProjectOutline.OutlineResource create = outline.resources().stream()
                .filter(r -> r.id().equals("CreateOrderFunction")).findFirst().orElseThrow();
        assertThat(create.type()).isEqualTo("AWS::Serverless::Function");
        assertThat(create.line()).isEqualTo(68);
        assertThat(create.uses()).contains("layer → CommonLayer");
        assertThat(outline.findings()).noneMatch(f -> f.severity().equals("error"));
        assertThat(outline.graph().nodes()).as("the canvas's graph, as the CLI's graph prints it")
                .filteredOn(n -> n.kind().equals("resource")).hasSize(orders.resourceCount());
        assertThat(outline.graph().edges()).contains(new Edge("CreateOrderFunction", "CommonLayer", Edge.LAYER));
        assertThat(outline.positions()).isEmpty();
    }

    @Test
    void a_moved_card_stays_where_it_was_left_for_everyone_who_sees_the_project() {
        assertThat(outlines.moveCard(user, orders.id(), "CreateOrderFunction", new CardPosition(120.5, -40))).isTrue();
        assertThat(outlines.moveCard(user, orders.id(), "CreateOrderFunction", new CardPosition(300, 80))).isTrue();
        assertThat(outlines.moveCard(user, orders.id(), "CommonLayer", new CardPosition(0, 0))).isTrue();

        assertThat(outlines.outline(user, orders.id()).orElseThrow().positions())
                .containsOnly(entry("CreateOrderFunction", new CardPosition(300, 80)), entry("CommonLayer", new CardPosition(0, 0)));
        long stranger = newUser("stranger");
        assertThat(outlines.moveCard(stranger, orders.id(), "CommonLayer", new CardPosition(9, 9)))
                .as("not someone who cannot see the project").isFalse();
        assertThat(outlines.outline(user, orders.id()).orElseThrow().positions()).containsEntry("CommonLayer", new CardPosition(0, 0));
        assertThatThrownBy(() -> new CardPosition(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void another_user_gets_no_outline() {
        long stranger = newUser("stranger");
        assertThat(outlines.outline(stranger, orders.id())).isEmpty();
    }

    @Test
    void an_unreadable_template_is_said_with_its_place_not_thrown() {
        ProjectOutline outline = outlines.outline("template.yaml", "Resources:\n  A:\n    Type: [x\n", Map.of());

        assertThat(outline.resources()).isEmpty();
        assertThat(outline.problem()).startsWith("template.yaml:3:11: ");
    }
}
