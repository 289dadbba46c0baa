package dev.stackdraft.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.project.CardPosition;
import dev.stackdraft.project.ProjectOutline;
import dev.stackdraft.project.ProjectOutline.OutlineFinding;
import dev.stackdraft.graph.ResourceGraph;
import dev.stackdraft.template.TemplateReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the canvas is sent, without a browser: cards with their findings and places, edges, groups, renames. */
class ResourceCanvasModelTest {

    private static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Queue:
                Type: AWS::SQS::Queue
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: app.handler
                  Runtime: python3.12
                  Events:
                    Jobs:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Queue.Arn
            """;

    @Test
    void a_card_carries_its_findings_worst_first_its_place_and_the_graph_its_edges() {
        ResourceGraph graph = ResourceGraph.of(new TemplateReader().read("template.yaml", TEMPLATE));
        ProjectOutline outline = new ProjectOutline(graph, List.of(), List.of(
                new OutlineFinding("warning", "w", 8, 7, "a warning", "Worker"),
                new OutlineFinding("error", "e", 9, 7, "an error", "Worker"),
                new OutlineFinding("info", "i", 1, 1, "about the file", null)),
                Map.of("Queue", new CardPosition(10, 20)), null);

        ResourceCanvas.CanvasGraph model = ResourceCanvas.model(outline,
                List.of(new ResourceCanvas.CanvasGroup("Jobs", "Jobs", List.of("Queue", "Worker"))),
                Map.of("OldWorker", "Worker"));

        ResourceCanvas.CanvasNode worker = model.nodes().stream().filter(n -> n.id().equals("Worker")).findFirst().orElseThrow();
        assertThat(worker.findings()).isEqualTo(2);
        assertThat(worker.severity()).isEqualTo("error");
        assertThat(worker.finding()).isEqualTo("line 9: an error");
        assertThat(worker.x()).isNull();
        ResourceCanvas.CanvasNode queue = model.nodes().stream().filter(n -> n.id().equals("Queue")).findFirst().orElseThrow();
        assertThat(queue.findings()).isZero();
        assertThat(queue.severity()).isNull();
        assertThat(queue.x()).isEqualTo(10);
        assertThat(model.edges()).anyMatch(e -> e.from().equals("Queue") && e.to().equals("Worker") && e.kind().equals("event"));
        assertThat(model.edges()).extracting(ResourceCanvas.CanvasEdge::id).doesNotHaveDuplicates();
        assertThat(model.groups()).singleElement().satisfies(g -> assertThat(g.members()).containsExactly("Queue", "Worker"));
        assertThat(model.renamed()).containsEntry("OldWorker", "Worker");
    }
}
