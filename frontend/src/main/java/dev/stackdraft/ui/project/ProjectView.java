package dev.stackdraft.ui.project;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.stackdraft.aws.AwsAccounts;
import dev.stackdraft.editing.EditingSession;
import dev.stackdraft.editing.EnvironmentAccounts;
import dev.stackdraft.editing.ProjectEditing;
import dev.stackdraft.project.CardPosition;
import dev.stackdraft.project.LayerUpgrades;
import dev.stackdraft.project.ProjectOutlines;
import dev.stackdraft.project.ProjectService;
import dev.stackdraft.project.ProjectSummary;
import dev.stackdraft.security.CurrentUser;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.ui.BackgroundWork;
import dev.stackdraft.ui.Notices;
import dev.stackdraft.ui.canvas.ResourceCanvas;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.Optional;

/** A project: its facts, the canvas that draws its template, and the outline of resources and findings. */
@Route("projects/:id")
@PermitAll
public class ProjectView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private final ProjectService projects;
    private final ProjectOutlines outlines;
    private final ProjectEditing editing;
    private final BackgroundWork background;
    private final EnvironmentAccounts environments;
    private final AwsAccounts accounts;
    private final LayerUpgrades upgrades;
    private final long userId;
    private final H1 title = new H1("Project");
    private final Div body = new Div();
    private String pageTitle = "Project · Stackdraft";

    ProjectView(CurrentUser currentUser, ProjectService projects, ProjectOutlines outlines, ProjectEditing editing,
                BackgroundWork background, EnvironmentAccounts environments, AwsAccounts accounts,
                LayerUpgrades upgrades) {
        this.upgrades = upgrades;
        this.environments = environments;
        this.accounts = accounts;
        this.projects = projects;
        this.outlines = outlines;
        this.editing = editing;
        this.background = background;
        this.userId = currentUser.require().userId();
        addClassName("page");
        title.setId("project-title");
        title.addClassName("page-title");
        RouterLink back = new RouterLink("← All projects", dev.stackdraft.ui.dashboard.DashboardView.class);
        back.setId("back-to-dashboard");
        body.add(new Paragraph("Loading…"));
        add(back, title, body);
    }

    public static RouteParameters parameters(long projectId) {
        return new RouteParameters("id", Long.toString(projectId));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> id = event.getRouteParameters().get("id").flatMap(ProjectView::parse);
        if (id.isEmpty()) {
            showMissing();
            return;
        }
        load(event.getUI(), id.get());
    }

    private void load(UI ui, long projectId) {
        background.run(ui, () -> projects.find(userId, projectId),
                found -> found.ifPresentOrElse(project -> {
                    show(project);
                    loadEditor(ui, project);
                }, this::showMissing),
                e -> Notices.failed("Loading the project", e));
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }

    private void show(ProjectSummary project) {
        title.setText(project.repository() + " · " + project.templatePath());
        pageTitle = project.templatePath() + " · " + project.repository() + " · Stackdraft";
        getUI().ifPresent(ui -> ui.getPage().setTitle(pageTitle));

        DescriptionList facts = new DescriptionList();
        facts.setId("project-facts");
        facts.addClassName("facts");
        fact(facts, "Host", new Span(switch (project.host()) {
            case GITHUB -> "GitHub";
            case GITLAB -> "GitLab";
            case LOCAL -> "Local repositories";
        }));
        fact(facts, "Repository", project.webUrl() != null
                ? new Anchor(project.webUrl().toString(), project.repository())
                : new Span(project.repository()));
        fact(facts, "Template", new Span(project.templatePath()));
        fact(facts, "Kind", new Span(switch (project.dialect()) {
            case "SAM" -> "AWS SAM";
            case "CLOUDFORMATION" -> "CloudFormation";
            case "SERVERLESS" -> "Serverless Framework";
            default -> "Unknown";
        }));
        fact(facts, "Branch", new Span(project.branch()));
        fact(facts, "Last commit", new Span(project.lastCommit()));
        fact(facts, "Resources", new Span(Integer.toString(project.resourceCount())));
        fact(facts, "State", new Span(switch (project.state()) {
            case VALID -> "valid";
            case HAS_FINDINGS -> "has findings";
            case UNREADABLE -> "unreadable";
        } + (project.stateMessage().isBlank() ? "" : " — " + project.stateMessage())));
        fact(facts, "Read", new Span(TIME.format(project.updatedAt())));

        Div panel = new Div(facts);
        panel.addClassName("panel");
        body.removeAll();
        body.add(panel);
        body.addClassName("project-body");
    }

    /**
     * The template is read from the branch (a clone or refresh) into an editing session, after the facts and off
     * the UI thread; then the editor draws it. A template that cannot be read is said with its place instead.
     */
    private void loadEditor(UI ui, ProjectSummary project) {
        record Opened(Optional<EditingSession> session, Map<String, CardPosition> positions) {}
        background.run(ui, () -> new Opened(editing.open(userId, project.id()), outlines.positions(userId, project.id())),
                opened -> opened.session().ifPresent(session -> body.add(new ProjectEditor(session,
                        new EditorServices(userId, project, outlines, environments, accounts, background, upgrades), opened.positions(), move -> keep(ui, project.id(), move),
                        () -> commitDialog(ui, project, session)))),
                e -> {
                    if (e instanceof TemplateException unreadable) {
                        body.add(OutlinePanel.unreadable(unreadable.getMessage()));
                    } else {
                        Notices.failed("Reading the template", e);
                    }
                });
    }

    private void commitDialog(UI ui, ProjectSummary project, EditingSession session) {
        new CommitDialog(editing, background, userId, project, session, committed -> {
            Notices.success(committed.message());
            load(ui, project.id()); // the new commit, and a fresh session on the branch as it is now
        }).open();
    }

    /** Keeps where the user left a card, in the background; a failure is said, the card stays where it is. */
    private void keep(UI ui, long projectId, ResourceCanvas.CardMove move) {
        background.run(ui, () -> outlines.moveCard(userId, projectId, move.id(), new CardPosition(move.x(), move.y())),
                kept -> {}, e -> Notices.failed("Keeping the card's place", e));
    }

    private void showMissing() {
        title.setText("No such project");
        body.removeAll();
        body.add(new Paragraph("This project does not exist, or none of your linked accounts can read its "
                + "repository any more."));
    }

    private static void fact(DescriptionList list, String term, Component value) {
        list.add(new DescriptionList.Term(term), new DescriptionList.Description(value));
    }

    private static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
