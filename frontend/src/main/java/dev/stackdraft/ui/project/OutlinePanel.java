package dev.stackdraft.ui.project;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import dev.stackdraft.project.ProjectOutline;
import dev.stackdraft.project.ProjectOutline.OutlineResource;

/**
 * The template as the engine reads it from the branch now: its resources (line, type, what each uses) and the
 * validation findings. Stands where the canvas will.
 */
class OutlinePanel extends Composite<Div> {

    OutlinePanel(ProjectOutline outline) {
        Div root = getContent();
        root.setId("project-outline");
        root.addClassName("panel");
        if (outline.problem() != null) {
            Paragraph problem = new Paragraph(outline.problem());
            problem.setId("template-problem");
            root.add(new H2("The template cannot be read"), problem);
            return;
        }
        Grid<OutlineResource> resources = new Grid<>();
        resources.setId("project-resources");
        resources.addColumn(OutlineResource::id).setHeader("Resource").setAutoWidth(true).setSortable(true);
        resources.addColumn(OutlineResource::type).setHeader("Type").setAutoWidth(true).setSortable(true);
        resources.addColumn(OutlineResource::line).setHeader("Line").setWidth("6em").setFlexGrow(0).setSortable(true);
        resources.addColumn(r -> String.join(", ", r.uses())).setHeader("Links to").setFlexGrow(3)
                .setTooltipGenerator(r -> String.join("\n", r.uses()));
        resources.setItems(outline.resources());
        resources.setAllRowsVisible(true);
        root.add(new H2("Resources (" + outline.resources().size() + ")"), resources);

        UnorderedList findings = new UnorderedList();
        findings.setId("project-findings");
        outline.findings().forEach(f -> findings.add(new ListItem("line " + f.line() + ": " + f.severity() + ": " + f.message())));
        root.add(new H2("Findings"), outline.findings().isEmpty() ? new Paragraph("No findings: the template is valid.") : findings);
    }
}
