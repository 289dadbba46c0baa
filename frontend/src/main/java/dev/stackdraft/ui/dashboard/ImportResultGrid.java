package dev.stackdraft.ui.dashboard;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.provider.Query;
import dev.stackdraft.importer.ImportService;
import dev.stackdraft.importer.RepositoryResult;
import dev.stackdraft.importer.ResultFilter;
import java.util.stream.Stream;

/**
 * Repositories of one import, a page at a time from the database (problems first): name, outcome and the reason.
 * Shows nothing until it is given a job.
 */
class ImportResultGrid extends Composite<Grid<RepositoryResult>> {

    private final ImportService imports;
    private final long userId;
    private long jobId = -1;
    private ResultFilter filter = ResultFilter.ALL;

    ImportResultGrid(ImportService imports, long userId, String id) {
        this.imports = imports;
        this.userId = userId;
        Grid<RepositoryResult> grid = getContent();
        grid.setId(id);
        grid.addClassNames("paged-grid", "result-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.WRAP_CELL_CONTENT);
        grid.setEmptyStateText("No repository matches.");
        grid.addColumn(RepositoryResult::repository).setHeader("Repository").setFlexGrow(2).setKey("repository");
        grid.addComponentColumn(ImportResultGrid::outcome).setHeader("Outcome").setFlexGrow(0).setWidth("10em")
                .setKey("outcome");
        grid.addColumn(ImportResultGrid::detail).setHeader("Reason").setFlexGrow(4).setKey("reason");
        grid.setItems(this::fetch, this::count);
    }

    /** Lists the repositories of this job (again, when its counts moved). */
    void show(long newJobId) {
        jobId = newJobId;
        getContent().getDataProvider().refreshAll();
    }

    void filter(ResultFilter newFilter) {
        filter = newFilter;
        getContent().getDataProvider().refreshAll();
    }

    private Stream<RepositoryResult> fetch(Query<RepositoryResult, Void> page) {
        return jobId < 0 ? Stream.empty()
                : imports.results(userId, jobId, filter, page.getOffset(), page.getLimit()).stream();
    }

    private int count(Query<RepositoryResult, Void> page) {
        return jobId < 0 ? 0 : imports.countResults(userId, jobId, filter);
    }

    private static Span outcome(RepositoryResult result) {
        Span pill = new Span(ImportPanel.label(result.outcome()));
        pill.addClassNames("pill", ImportPanel.pillClass(result.outcome()));
        pill.getElement().setAttribute("data-outcome", result.outcome().name());
        return pill;
    }

    private static String detail(RepositoryResult result) {
        String templates = result.templates() == 0 ? ""
                : result.templates() == 1 ? "1 template" : result.templates() + " templates";
        if (result.reason().isBlank()) {
            return templates;
        }
        return templates.isEmpty() ? result.reason() : templates + " · " + result.reason();
    }
}
