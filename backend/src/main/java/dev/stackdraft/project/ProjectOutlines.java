package dev.stackdraft.project;

import dev.stackdraft.graph.Node;
import dev.stackdraft.graph.ResourceGraph;
import dev.stackdraft.template.Finding;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.TemplateReader;
import dev.stackdraft.validation.TemplateValidator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The project page's data: a project's template as the engine sees it on the branch now (graph, resources, what
 * they use, findings) and where users left the canvas's cards.
 */
@Service
public class ProjectOutlines {

    private final ProjectService projects;
    private final ProjectWriteBack writeBack;
    private final CardPositions positions;
    private final TemplateReader reader = new TemplateReader();
    private final TemplateValidator validator = new TemplateValidator();

    ProjectOutlines(ProjectService projects, ProjectWriteBack writeBack, CardPositions positions) {
        this.projects = projects;
        this.writeBack = writeBack;
        this.positions = positions;
    }

    /**
     * The outline of a project the user can see; empty when they cannot. Host or git trouble throws
     * {@link ProjectUnavailableException} with a sentence for the user.
     */
    public Optional<ProjectOutline> outline(long userId, long projectId) {
        return writeBack.branchTemplate(userId, projectId)
                .map(found -> outline(found.project().templatePath(), found.text(), positions.of(projectId)));
    }

    /**
     * Keeps where the user left a card of the project's canvas; nothing when they cannot see the project.
     *
     * @return whether it was kept
     */
    public boolean moveCard(long userId, long projectId, String nodeId, CardPosition position) {
        if (projects.find(userId, projectId).isEmpty()) {
            return false;
        }
        positions.save(projectId, nodeId, position);
        return true;
    }

    /** Where users left the project's cards; empty when the user cannot see the project. */
    public Map<String, CardPosition> positions(long userId, long projectId) {
        return projects.find(userId, projectId).map(p -> positions.of(projectId)).orElse(Map.of());
    }

    ProjectOutline outline(String templatePath, String text, Map<String, CardPosition> moved) {
        Template template;
        try {
            template = reader.read(templatePath, text);
        } catch (TemplateException e) {
            return ProjectOutline.unreadable(e.getMessage());
        }
        return of(template, moved);
    }

    /** The outline of a template as it stands (read from the branch, or edited since), with the cards' places. */
    public ProjectOutline of(Template template, Map<String, CardPosition> moved) {
        ResourceGraph graph = ResourceGraph.of(template);
        List<ProjectOutline.OutlineResource> resources = graph.nodes().stream()
                .filter(node -> node.kind().equals(Node.RESOURCE))
                .map(node -> new ProjectOutline.OutlineResource(node.id(), node.type(), node.line(), uses(graph, node.id())))
                .toList();
        ResourceLines lines = ResourceLines.of(template);
        List<ProjectOutline.OutlineFinding> findings = validator.validate(template).stream()
                .map(finding -> finding(finding, lines))
                .toList();
        return new ProjectOutline(graph, resources, findings, moved, null);
    }

    private static List<String> uses(ResourceGraph graph, String id) {
        return graph.edges().stream().filter(edge -> edge.from().equals(id))
                .map(edge -> edge.kind() + " → " + edge.to())
                .distinct()
                .toList();
    }

    private static ProjectOutline.OutlineFinding finding(Finding finding, ResourceLines lines) {
        int line = finding.location().line();
        return new ProjectOutline.OutlineFinding(finding.severity().name().toLowerCase(Locale.ROOT), finding.code(),
                line, finding.location().column(), finding.message(), lines.resourceAt(line).orElse(null));
    }
}
