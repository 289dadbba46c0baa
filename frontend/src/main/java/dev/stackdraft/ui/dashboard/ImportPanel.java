package dev.stackdraft.ui.dashboard;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import dev.stackdraft.importer.ImportProgress;
import dev.stackdraft.importer.ImportService;
import dev.stackdraft.importer.ImportStatus;
import dev.stackdraft.importer.RepositoryOutcome;
import dev.stackdraft.importer.RepositoryResult;
import dev.stackdraft.ui.BackgroundWork;
import dev.stackdraft.ui.Notices;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The Import button and what came of the user's latest import: a progress bar (done / total) and one line per
 * repository (imported, no template, failed with the reason), watched live while the job runs and shown again
 * after a reload.
 */
class ImportPanel extends Composite<Div> {

    private static final Duration WATCH_EVERY = Duration.ofMillis(500);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private final ImportService imports;
    private final BackgroundWork background;
    private final long userId;
    private final Runnable projectsChanged;

    private final Button start = new Button("Import");
    private final Span status = new Span();
    private final ProgressBar progress = new ProgressBar();
    private final UnorderedList results = new UnorderedList();

    private @Nullable Registration watch;
    private @Nullable ImportStatus lastStatus;
    private int lastDone = -1;

    ImportPanel(ImportService imports, BackgroundWork background, long userId, Runnable projectsChanged) {
        this.imports = imports;
        this.background = background;
        this.userId = userId;
        this.projectsChanged = projectsChanged;

        start.setId("import-button");
        start.addThemeVariants(ButtonVariant.PRIMARY);
        start.addClickListener(click -> startImport());
        start.setDisableOnClick(true);
        status.setId("import-status");
        status.addClassName("import-status");
        progress.setId("import-progress");
        progress.addClassName("import-progress");
        progress.setVisible(false);
        results.setId("import-results");
        results.addClassName("import-results");

        Div head = new Div(start, status);
        head.addClassName("import-head");
        getContent().addClassNames("panel", "import-panel");
        getContent().add(head, progress, results);
        status.setText("Import finds the templates in all your repositories at once.");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        background.run(ui, () -> imports.latest(userId), latest -> latest.ifPresent(p -> {
            show(p);
            if (p.status() == ImportStatus.RUNNING) {
                watch(ui);
            }
        }), e -> Notices.failed("Loading the last import", e));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopWatching();
    }

    private void startImport() {
        UI ui = UI.getCurrent();
        background.run(ui, () -> imports.start(userId), started -> {
            show(started);
            watch(ui);
        }, e -> {
            start.setEnabled(true);
            Notices.failed("Starting the import", e);
        });
    }

    /** Asks for the job's progress in the background every half second until it is over. */
    private void watch(UI ui) {
        stopWatching();
        watch = background.every(WATCH_EVERY, () -> {
            Optional<ImportProgress> latest = imports.latest(userId);
            BackgroundWork.access(ui, () -> latest.ifPresent(this::show));
        });
    }

    private void stopWatching() {
        if (watch != null) {
            watch.remove();
            watch = null;
        }
    }

    private void show(ImportProgress job) {
        boolean running = job.status() == ImportStatus.RUNNING;
        start.setEnabled(!running);
        start.setText(running ? "Importing…" : "Import again");
        progress.setVisible(true);
        progress.setIndeterminate(running && job.total() == 0);
        progress.setMin(0);
        progress.setMax(Math.max(1, job.total()));
        progress.setValue(job.status() == ImportStatus.RUNNING ? job.done() : Math.max(1, job.total()));
        status.setText(describe(job));

        if (job.done() != lastDone || job.status() != lastStatus) {
            results.removeAll();
            job.results().forEach(result -> results.add(line(result)));
        }
        if (lastStatus == ImportStatus.RUNNING && !running) {
            stopWatching();
            projectsChanged.run();
            if (job.status() == ImportStatus.FINISHED) {
                Notices.success("Import finished: " + count(job, RepositoryOutcome.IMPORTED) + " of " + job.total()
                        + " repositories hold templates.");
            } else {
                Notices.error("The import stopped before it was done. The list says which repositories failed.");
            }
        } else if (running && job.done() != lastDone) {
            projectsChanged.run(); // projects appear as their repositories are scanned
        }
        lastStatus = job.status();
        lastDone = job.done();
    }

    private static String describe(ImportProgress job) {
        return switch (job.status()) {
            case RUNNING -> job.total() == 0
                    ? "Listing your repositories…"
                    : "Importing… " + job.done() + " of " + job.total() + " repositories scanned";
            case FINISHED -> "Last import: " + job.done() + " of " + job.total() + " repositories scanned, "
                    + count(job, RepositoryOutcome.IMPORTED) + " with templates · " + when(job);
            case FAILED -> "The last import stopped after " + job.done() + " of " + job.total()
                    + " repositories · " + when(job);
        };
    }

    private static String when(ImportProgress job) {
        return "finished " + TIME.format(job.finishedAt() != null ? job.finishedAt() : job.startedAt());
    }

    private static long count(ImportProgress job, RepositoryOutcome outcome) {
        return job.results().stream().filter(r -> r.outcome() == outcome).count();
    }

    private static ListItem line(RepositoryResult result) {
        Span name = new Span(result.repository());
        name.addClassName("repo");
        Span outcome = new Span(switch (result.outcome()) {
            case PENDING -> "waiting";
            case IMPORTED -> result.templates() == 1 ? "imported · 1 template" : "imported · " + result.templates()
                    + " templates";
            case NO_TEMPLATE -> "no template";
            case FAILED -> "failed";
        });
        outcome.addClassNames("pill", switch (result.outcome()) {
            case PENDING -> "neutral";
            case IMPORTED -> "ok";
            case NO_TEMPLATE -> "neutral";
            case FAILED -> "bad";
        });
        ListItem item = new ListItem(name, outcome);
        if (!result.reason().isBlank()) {
            Span reason = new Span(result.reason());
            reason.addClassName("reason");
            item.add(reason);
        }
        item.getElement().setAttribute("data-outcome", result.outcome().name());
        item.addClassName("result");
        return item;
    }
}
