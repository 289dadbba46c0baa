package dev.stackdraft.ui.dashboard;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import dev.stackdraft.importer.ImportProgress;
import dev.stackdraft.importer.ImportService;
import dev.stackdraft.importer.ImportStatus;
import dev.stackdraft.importer.RepositoryOutcome;
import dev.stackdraft.importer.ResultFilter;
import dev.stackdraft.ui.BackgroundWork;
import dev.stackdraft.ui.Notices;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The Import button and what came of the user's latest import, as a summary whatever the number of repositories:
 * a progress bar, counts per outcome, the problems (failed, unreadable) with their reasons and a "retry the failed
 * ones" action, and every repository folded behind a searchable, paged list. While a job runs it is asked for its
 * counts once a second and the page changes only when they did: one small push a second at most.
 */
class ImportPanel extends Composite<Div> {

    private static final Duration WATCH_EVERY = Duration.ofSeconds(1);
    /** While an import runs, the project grid is asked to reload at most this often. */
    private static final Duration PROJECTS_EVERY = Duration.ofSeconds(3);
    private static final List<RepositoryOutcome> SHOWN = List.of(RepositoryOutcome.IMPORTED,
            RepositoryOutcome.NO_TEMPLATE, RepositoryOutcome.UNREADABLE, RepositoryOutcome.FAILED,
            RepositoryOutcome.PENDING);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private final ImportService imports;
    private final BackgroundWork background;
    private final long userId;
    private final Runnable projectsChanged;

    private final Button start = new Button("Import");
    private final Span status = new Span();
    private final ProgressBar progress = new ProgressBar();
    private final Div summary = new Div();
    private final Map<RepositoryOutcome, Span> counters = new EnumMap<>(RepositoryOutcome.class);
    private final Div problems = new Div();
    private final H3 problemsTitle = new H3();
    private final Button retry = new Button("Retry the failed ones");
    private final ImportResultGrid problemGrid;
    private final Details everything = new Details();
    private final TextField search = new TextField();
    private final ImportResultGrid allGrid;

    private @Nullable Registration watch;
    private @Nullable ImportProgress shown;
    private Instant projectsRefreshed = Instant.EPOCH;

    ImportPanel(ImportService imports, BackgroundWork background, long userId, Runnable projectsChanged) {
        this.imports = imports;
        this.background = background;
        this.userId = userId;
        this.projectsChanged = projectsChanged;
        this.problemGrid = new ImportResultGrid(imports, userId, "import-problems");
        this.allGrid = new ImportResultGrid(imports, userId, "import-results");

        start.setId("import-button");
        start.addThemeVariants(ButtonVariant.PRIMARY);
        start.addClickListener(click -> act(() -> imports.start(userId), "Starting the import"));
        start.setDisableOnClick(true);
        status.setId("import-status");
        status.addClassName("import-status");
        progress.setId("import-progress");
        progress.addClassName("import-progress");
        progress.setVisible(false);

        summary.setId("import-summary");
        summary.addClassName("import-summary");
        summary.setVisible(false);
        for (RepositoryOutcome outcome : SHOWN) {
            Span counter = new Span();
            counter.addClassNames("pill", "counter", pillClass(outcome));
            counter.getElement().setAttribute("data-outcome", outcome.name());
            counters.put(outcome, counter);
            summary.add(counter);
        }

        retry.setId("import-retry");
        retry.setIcon(VaadinIcon.REFRESH.create());
        retry.setDisableOnClick(true);
        retry.addClickListener(click -> act(() -> imports.retryFailed(userId).orElseThrow(), "Retrying the failed ones"));
        problemsTitle.addClassName("panel-title");
        Div problemsHead = new Div(problemsTitle, retry);
        problemsHead.addClassName("import-head");
        problems.setId("import-problems-section");
        problems.add(problemsHead, problemGrid);
        problems.setVisible(false);
        problemGrid.filter(ResultFilter.PROBLEMS);

        search.setId("import-search");
        search.setPlaceholder("Search repositories and reasons");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> allGrid.filter(ResultFilter.ALL.withText(change.getValue())));
        everything.setId("import-all");
        everything.add(search, allGrid);
        everything.setVisible(false);

        Div head = new Div(start, status);
        head.addClassName("import-head");
        getContent().addClassNames("panel", "import-panel");
        getContent().add(head, progress, summary, problems, everything);
        status.setText("Import finds the templates in all your repositories at once.");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        background.run(ui, () -> imports.latest(userId), latest -> latest.ifPresent(p -> {
                    show(p);
                    if (p.running()) {
                        watch(ui);
                    }
                }), e -> Notices.failed("Loading the last import", e));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopWatching();
    }

    /** Starts or retries an import in the background, then shows it and watches it run. */
    private void act(Supplier<ImportProgress> action, String what) {
        UI ui = UI.getCurrent();
        background.run(ui, action, started -> {
            show(started);
            watch(ui);
        }, e -> {
            start.setEnabled(true);
            retry.setEnabled(true);
            Notices.failed(what, e);
        });
    }

    /** Asks for the job's counts in the background every second until it is over. */
    private void watch(UI ui) {
        stopWatching();
        watch = background.every(WATCH_EVERY, () -> {
            Optional<ImportProgress> latest = imports.latest(userId);
            latest.filter(p -> !p.equals(shown)).ifPresent(p -> BackgroundWork.access(ui, () -> show(p)));
        });
    }

    private void stopWatching() {
        if (watch != null) {
            watch.remove();
            watch = null;
        }
    }

    private void show(ImportProgress job) {
        @Nullable ImportProgress before = shown;
        shown = job;
        boolean running = job.running();
        start.setEnabled(!running);
        start.setText(running ? "Importing…" : "Import again");
        progress.setVisible(true);
        progress.setIndeterminate(running && job.total() == 0);
        progress.setMin(0);
        progress.setMax(Math.max(1, job.total()));
        progress.setValue(running ? job.done() : Math.max(1, job.total()));
        status.setText(describe(job));

        summary.setVisible(true);
        counters.forEach((outcome, counter) -> {
            int n = job.count(outcome);
            counter.setText(n + " " + label(outcome));
            counter.getElement().setAttribute("data-count", Integer.toString(n));
            counter.setVisible(n > 0 || outcome != RepositoryOutcome.PENDING);
        });

        int failed = job.count(RepositoryOutcome.FAILED);
        int problemCount = failed + job.count(RepositoryOutcome.UNREADABLE);
        problems.setVisible(problemCount > 0);
        problemsTitle.setText(problemCount == 1 ? "1 repository needs attention"
                : problemCount + " repositories need attention");
        retry.setVisible(failed > 0 && !running);
        retry.setEnabled(true);
        retry.setText(failed == 1 ? "Retry the failed one" : "Retry the " + failed + " failed ones");
        everything.setVisible(job.total() > 0);
        everything.setSummaryText(job.total() == 1 ? "The repository" : "All " + job.total() + " repositories");

        boolean changed = before == null || before.jobId() != job.jobId() || !before.counts().equals(job.counts());
        if (changed) {
            problemGrid.show(job.jobId());
            allGrid.show(job.jobId());
        }
        boolean finishedNow = before != null && before.running() && !running;
        if (finishedNow) {
            stopWatching();
            projectsChanged.run();
            if (job.status() == ImportStatus.FINISHED) {
                Notices.success("Import finished: " + withTemplates(job) + " of " + job.total()
                        + " repositories hold templates.");
            } else {
                Notices.error("The import stopped before it was done. The list says which repositories failed.");
            }
        } else if (running && changed && Instant.now().isAfter(projectsRefreshed.plus(PROJECTS_EVERY))) {
            projectsRefreshed = Instant.now();
            projectsChanged.run(); // projects appear as their repositories are scanned
        }
    }

    private static String describe(ImportProgress job) {
        return switch (job.status()) {
            case RUNNING -> job.total() == 0
                    ? "Listing your repositories…"
                    : "Importing… " + job.done() + " of " + job.total() + " repositories scanned";
            case FINISHED -> "Last import: " + job.done() + " of " + job.total() + " repositories scanned, "
                    + withTemplates(job) + " with templates · " + when(job);
            case FAILED -> "The last import stopped after " + job.done() + " of " + job.total()
                    + " repositories · " + when(job);
        };
    }

    /** Repositories that hold templates, readable or not. */
    private static int withTemplates(ImportProgress job) {
        return job.count(RepositoryOutcome.IMPORTED) + job.count(RepositoryOutcome.UNREADABLE);
    }

    private static String when(ImportProgress job) {
        return "finished " + TIME.format(job.finishedAt() != null ? job.finishedAt() : job.startedAt());
    }

    static String label(RepositoryOutcome outcome) {
        return switch (outcome) {
            case PENDING -> "waiting";
            case IMPORTED -> "imported";
            case NO_TEMPLATE -> "no template";
            case UNREADABLE -> "unreadable";
            case FAILED -> "failed";
        };
    }

    static String pillClass(RepositoryOutcome outcome) {
        return switch (outcome) {
            case PENDING, NO_TEMPLATE -> "neutral";
            case IMPORTED -> "ok";
            case UNREADABLE -> "warn";
            case FAILED -> "bad";
        };
    }
}
