package dev.stackdraft.ui.dashboard;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import dev.stackdraft.project.OwnerCount;
import dev.stackdraft.project.ProjectOrder;
import dev.stackdraft.project.ProjectQuery;
import dev.stackdraft.project.ProjectService;
import dev.stackdraft.project.ProjectState;
import dev.stackdraft.project.ProjectSummary;
import dev.stackdraft.ui.BackgroundWork;
import dev.stackdraft.ui.Notices;
import dev.stackdraft.ui.project.ProjectView;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The user's projects, a page at a time: the grid asks the database for the rows it shows (searched, filtered by
 * state and owner, sorted), so it holds ten projects or ten thousand alike, and the count above it says how many
 * match. A click opens the project.
 */
class ProjectGrid extends Composite<Div> {

    /** How often access older than the TTL is confirmed with the hosts while the dashboard is open. */
    private static final Duration CONFIRM_ACCESS_EVERY = Duration.ofMinutes(1);

    private final ProjectService projects;
    private final BackgroundWork background;
    private final long userId;

    private final TextField search = new TextField();
    private final Select<ProjectState> state = new Select<>();
    private final Select<OwnerCount> owner = new Select<>();
    private final Span count = new Span();
    private final Grid<ProjectSummary> grid = new Grid<>();
    private @Nullable Registration confirming;

    ProjectGrid(ProjectService projects, BackgroundWork background, long userId) {
        this.projects = projects;
        this.background = background;
        this.userId = userId;

        search.setId("project-search");
        search.setPlaceholder("Search repositories and templates");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(250);
        search.addValueChangeListener(change -> refresh());
        state.setId("project-state");
        state.setItems(ProjectState.values());
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption("All states");
        state.setItemLabelGenerator(s -> s == null ? "All states" : label(s));
        state.setPlaceholder("All states");
        state.addValueChangeListener(change -> refresh());
        owner.setId("project-owner");
        owner.setEmptySelectionAllowed(true);
        owner.setEmptySelectionCaption("All owners");
        owner.setItemLabelGenerator(o -> o == null ? "All owners" : o.owner() + " (" + o.projects() + ")");
        owner.setPlaceholder("All owners");
        owner.setVisible(false); // shown when the user's repositories have more than one owner
        owner.addValueChangeListener(change -> refresh());
        count.setId("project-count");
        count.addClassName("import-status");
        Div filters = new Div(search, state, owner, count);
        filters.addClassName("filters");

        grid.setId("projects");
        grid.addClassName("paged-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setEmptyStateText("No projects yet. Click Import to find the templates in your repositories.");
        grid.addColumn(ProjectSummary::repository).setHeader("Repository").setFlexGrow(4).setKey("repository")
                .setSortProperty(ProjectOrder.REPOSITORY.name());
        grid.addColumn(ProjectSummary::templatePath).setHeader("Template").setFlexGrow(3).setKey("template")
                .setSortProperty(ProjectOrder.TEMPLATE.name());
        grid.addColumn(ProjectSummary::branch).setHeader("Branch").setFlexGrow(1).setKey("branch");
        grid.addComponentColumn(p -> {
            Span commit = new Span(shortCommit(p.lastCommit()));
            commit.addClassName("commit");
            return commit;
        }).setHeader("Commit").setFlexGrow(1).setKey("commit").setTooltipGenerator(ProjectSummary::lastCommit);
        grid.addColumn(ProjectSummary::resourceCount).setHeader("Resources").setTextAlign(ColumnTextAlign.END)
                .setFlexGrow(1).setKey("resources").setSortProperty(ProjectOrder.RESOURCES.name());
        grid.addComponentColumn(p -> {
            Span pill = new Span(label(p.state()));
            pill.addClassNames("pill", switch (p.state()) {
                case VALID -> "ok";
                case HAS_FINDINGS -> "warn";
                case UNREADABLE -> "bad";
            });
            pill.getElement().setAttribute("data-state", p.state().name());
            return pill;
        }).setHeader("State").setFlexGrow(1).setKey("state").setSortProperty(ProjectOrder.STATE.name())
                .setTooltipGenerator(p -> p.stateMessage().isBlank() ? "No errors or warnings" : p.stateMessage());
        grid.setItems(this::fetch, this::count).addItemCountChangeListener(change -> count.setText(
                change.getItemCount() == 1 ? "1 project" : String.format("%,d projects", change.getItemCount())));
        grid.addItemClickListener(click -> grid.getUI().ifPresent(
                ui -> ui.navigate(ProjectView.class, ProjectView.parameters(click.getItem().id()))));

        getContent().addClassNames("panel", "project-panel");
        getContent().add(filters, grid);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        loadOwners(ui);
        confirming = background.every(CONFIRM_ACCESS_EVERY, () -> {
            if (projects.confirmAccess(userId)) {
                BackgroundWork.access(ui, this::projectsChanged);
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (confirming != null) {
            confirming.remove();
            confirming = null;
        }
    }

    /** Projects were added, changed or removed (an import ran, access changed): the grid and the owners anew. */
    void projectsChanged() {
        refresh();
        getUI().ifPresent(this::loadOwners);
    }

    /** Asks the database again for the rows in view and the count, with the filters as they are now. */
    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private Stream<ProjectSummary> fetch(Query<ProjectSummary, Void> page) {
        return projects.page(userId, query(page.getSortOrders()), page.getOffset(), page.getLimit()).stream();
    }

    private int count(Query<ProjectSummary, Void> page) {
        return projects.count(userId, query(page.getSortOrders()));
    }

    private ProjectQuery query(List<QuerySortOrder> sortOrders) {
        ProjectQuery query = ProjectQuery.matching(search.getValue(), state.getValue())
                .withOwner(owner.getValue() == null ? null : owner.getValue().owner());
        if (sortOrders.isEmpty()) {
            return query;
        }
        QuerySortOrder first = sortOrders.getFirst();
        return query.sortedBy(ProjectOrder.valueOf(first.getSorted()), first.getDirection() == SortDirection.DESCENDING);
    }

    private void loadOwners(UI ui) {
        background.run(ui, () -> projects.owners(userId), owners -> {
            @Nullable String chosen = owner.getValue() == null ? null : owner.getValue().owner();
            owner.setItems(owners);
            owner.setVisible(owners.size() > 1 || chosen != null);
            owners.stream().filter(o -> o.owner().equals(chosen)).findFirst().ifPresent(owner::setValue);
        }, e -> Notices.failed("Loading the owners of your repositories", e));
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
