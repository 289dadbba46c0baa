package dev.stackdraft.ui.dashboard;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.stackdraft.project.ProjectService;
import dev.stackdraft.project.ProjectState;
import dev.stackdraft.project.ProjectSummary;
import dev.stackdraft.ui.BackgroundWork;
import dev.stackdraft.ui.Notices;
import dev.stackdraft.ui.project.ProjectView;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The user's projects with a search field and a state filter; a click opens the project. */
class ProjectGrid extends Composite<Div> {

    private final ProjectService projects;
    private final BackgroundWork background;
    private final long userId;

    private final TextField search = new TextField();
    private final Select<ProjectState> state = new Select<>();
    private final Span count = new Span();
    private final Grid<ProjectSummary> grid = new Grid<>();
    private boolean loading;
    private boolean again;

    ProjectGrid(ProjectService projects, BackgroundWork background, long userId) {
        this.projects = projects;
        this.background = background;
        this.userId = userId;

        search.setId("project-search");
        search.setPlaceholder("Search repositories and templates");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> refresh());
        state.setId("project-state");
        state.setItems(ProjectState.values());
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption("All states");
        state.setItemLabelGenerator(s -> s == null ? "All states" : label(s));
        state.setPlaceholder("All states");
        state.addValueChangeListener(change -> refresh());
        count.addClassName("import-status");
        Div filters = new Div(search, state, count);
        filters.addClassName("filters");

        grid.setId("projects");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No projects yet. Click Import to find the templates in your repositories.");
        grid.addColumn(ProjectSummary::repository).setHeader("Repository").setFlexGrow(4).setSortable(true)
                .setKey("repository");
        grid.addColumn(ProjectSummary::templatePath).setHeader("Template").setFlexGrow(3).setSortable(true)
                .setKey("template");
        grid.addColumn(ProjectSummary::branch).setHeader("Branch").setFlexGrow(1).setKey("branch");
        grid.addComponentColumn(p -> {
            Span commit = new Span(shortCommit(p.lastCommit()));
            commit.addClassName("commit");
            return commit;
        }).setHeader("Commit").setFlexGrow(1).setKey("commit").setTooltipGenerator(ProjectSummary::lastCommit);
        grid.addColumn(ProjectSummary::resourceCount).setHeader("Resources").setTextAlign(ColumnTextAlign.END)
                .setFlexGrow(1).setSortable(true).setKey("resources");
        grid.addComponentColumn(p -> {
            Span pill = new Span(label(p.state()));
            pill.addClassNames("pill", switch (p.state()) {
                case VALID -> "ok";
                case HAS_FINDINGS -> "warn";
                case UNREADABLE -> "bad";
            });
            return pill;
        }).setHeader("State").setFlexGrow(1).setKey("state")
                .setTooltipGenerator(p -> p.stateMessage().isBlank() ? "No errors or warnings" : p.stateMessage());
        grid.addItemClickListener(click -> grid.getUI().ifPresent(
                ui -> ui.navigate(ProjectView.class, ProjectView.parameters(click.getItem().id()))));

        getContent().addClassNames("panel", "project-panel");
        getContent().add(filters, grid);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        refresh();
    }

    /** Loads the projects again, in the background (the host may be asked whether access still holds). */
    void refresh() {
        if (loading) {
            again = true; // one more load once this one is back, with the filters as they are then
            return;
        }
        loading = true;
        String query = search.getValue().strip();
        @Nullable ProjectState filter = state.getValue();
        UI ui = UI.getCurrent();
        background.run(ui, () -> projects.visibleTo(userId, query, filter), this::show, e -> {
            loading = false;
            Notices.failed("Loading your projects", e);
        });
    }

    private void show(List<ProjectSummary> items) {
        loading = false;
        grid.setItems(items);
        count.setText(items.size() == 1 ? "1 project" : items.size() + " projects");
        if (again) {
            again = false;
            refresh();
        }
    }

    static String label(ProjectState state) {
        return switch (state) {
            case VALID -> "valid";
            case HAS_FINDINGS -> "has findings";
            case UNREADABLE -> "unreadable";
        };
    }

    static String shortCommit(String commit) {
        return commit.length() > 7 ? commit.substring(0, 7) : commit;
    }
}
