package dev.stackdraft.ui.project;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import dev.stackdraft.editing.QuickFix;
import dev.stackdraft.project.ProjectOutline;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import dev.stackdraft.project.ProjectOutline.OutlineFinding;
import dev.stackdraft.project.ProjectOutline.OutlineResource;

/**
 * The template as the engine reads it from the branch now: its resources (line, type, what each uses) and the
 * validation findings with the resource each is in and, where a fix is obvious, a button that applies it. Both lists
 * are grids of a fixed height that render only the rows in view, so a 500-resource stack with its findings shows as
 * quickly as a small one.
 */
class OutlinePanel extends Composite<Div> {

    private final H2 resourcesTitle = new H2();
    private final Grid<OutlineResource> resources = resources();
    private final H2 findingsTitle = new H2();
    private final Paragraph noFindings = new Paragraph("No findings: the template is valid.");
    private final Grid<OutlineFinding> findings;

    /** A template that cannot be read: only why. */
    static OutlinePanel unreadable(String problem) {
        OutlinePanel panel = new OutlinePanel(finding -> List.of(), fix -> {});
        Paragraph why = new Paragraph(problem);
        why.setId("template-problem");
        panel.getContent().removeAll();
        panel.getContent().add(new H2("The template cannot be read"), why);
        return panel;
    }

    /**
     * An outline whose lists {@link #show} fills; the grids stay and only their items change after an edit, so a
     * 500-resource stack is not built again in the browser for every change.
     *
     * @param fixes what can be done about a finding (empty: nothing obvious)
     * @param apply applies the fix the user chose
     */
    OutlinePanel(Function<OutlineFinding, List<QuickFix>> fixes, Consumer<QuickFix> apply) {
        Div root = getContent();
        root.setId("project-outline");
        root.addClassName("panel");
        findings = findings(fixes, apply);
        root.add(resourcesTitle, resources, findingsTitle, noFindings, findings);
    }

    void show(ProjectOutline outline) {
        resourcesTitle.setText("Resources (" + outline.resources().size() + ")");
        resources.setItems(outline.resources());
        boolean valid = outline.findings().isEmpty();
        findingsTitle.setText(valid ? "Findings" : "Findings (" + outline.findings().size() + ")");
        noFindings.setVisible(valid);
        findings.setVisible(!valid);
        findings.setItems(outline.findings());
    }

    private static Grid<OutlineResource> resources() {
        Grid<OutlineResource> resources = new Grid<>();
        resources.setId("project-resources");
        resources.addClassName("paged-grid");
        resources.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.LUMO_COMPACT);
        resources.addColumn(OutlineResource::id).setHeader("Resource").setAutoWidth(true).setSortable(true)
                .setKey("id");
        resources.addColumn(OutlineResource::type).setHeader("Type").setAutoWidth(true).setSortable(true)
                .setKey("type");
        resources.addColumn(OutlineResource::line).setHeader("Line").setWidth("6em").setFlexGrow(0).setSortable(true)
                .setKey("line");
        resources.addColumn(r -> String.join(", ", r.uses())).setHeader("Links to").setFlexGrow(3).setKey("uses")
                .setTooltipGenerator(r -> String.join("\n", r.uses()));
        return resources;
    }

    private static Grid<OutlineFinding> findings(Function<OutlineFinding, List<QuickFix>> fixes, Consumer<QuickFix> apply) {
        Grid<OutlineFinding> findings = new Grid<>();
        findings.setId("project-findings");
        findings.addClassNames("paged-grid", "findings-grid");
        findings.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.WRAP_CELL_CONTENT);
        findings.addColumn(OutlineFinding::line).setHeader("Line").setWidth("6em").setFlexGrow(0).setSortable(true);
        findings.addComponentColumn(f -> {
            Span severity = new Span(f.severity());
            severity.addClassNames("pill", switch (f.severity()) {
                case "error" -> "bad";
                case "warning" -> "warn";
                default -> "neutral";
            });
            return severity;
        }).setHeader("Severity").setWidth("8em").setFlexGrow(0);
        findings.addColumn(f -> f.resource() == null ? "" : f.resource()).setHeader("Resource").setAutoWidth(true);
        findings.addColumn(OutlineFinding::message).setHeader("Finding").setFlexGrow(1);
        findings.addComponentColumn(f -> {
            Div offered = new Div();
            for (QuickFix fix : fixes.apply(f)) {
                Button button = new Button(fix.label(), click -> apply.accept(fix));
                button.addThemeVariants(ButtonVariant.SMALL);
                button.addClassName("quick-fix");
                button.getElement().setAttribute("data-fix-for", f.code() + "@" + f.line());
                offered.add(button);
            }
            return offered;
        }).setHeader("Fix").setAutoWidth(true);
        return findings;
    }
}
