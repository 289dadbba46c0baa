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

    /** A template that cannot be read: only why. */
    OutlinePanel(ProjectOutline outline) {
        this(outline, finding -> List.of(), fix -> {});
    }

    /**
     * @param fixes what can be done about a finding (empty: nothing obvious)
     * @param apply applies the fix the user chose
     */
    OutlinePanel(ProjectOutline outline, Function<OutlineFinding, List<QuickFix>> fixes, Consumer<QuickFix> apply) {
        Div root = getContent();
        root.setId("project-outline");
        root.addClassName("panel");
        if (outline.problem() != null) {
            Paragraph problem = new Paragraph(outline.problem());
            problem.setId("template-problem");
            root.add(new H2("The template cannot be read"), problem);
            return;
        }
        root.add(new H2("Resources (" + outline.resources().size() + ")"), resources(outline));
        if (outline.findings().isEmpty()) {
            root.add(new H2("Findings"), new Paragraph("No findings: the template is valid."));
        } else {
            root.add(new H2("Findings (" + outline.findings().size() + ")"), findings(outline, fixes, apply));
        }
    }

    private static Grid<OutlineResource> resources(ProjectOutline outline) {
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
        resources.setItems(outline.resources());
        return resources;
    }

    private static Grid<OutlineFinding> findings(ProjectOutline outline, Function<OutlineFinding, List<QuickFix>> fixes,
                                                 Consumer<QuickFix> apply) {
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
        findings.setItems(outline.findings());
        return findings;
    }
}
