package dev.stackdraft.ui.project;

import com.vaadin.flow.component.Component;
import dev.stackdraft.aws.LayerVersion;
import dev.stackdraft.aws.LayerVersionArn;
import dev.stackdraft.edit.UpgradeLayer;
import dev.stackdraft.editing.AwsReach;
import dev.stackdraft.editing.ConfigEdit;
import dev.stackdraft.template.Template;
import dev.stackdraft.editing.SessionEdit;
import dev.stackdraft.environment.Environment;
import dev.stackdraft.template.TemplateException;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import dev.stackdraft.appsync.GraphQlApi;
import dev.stackdraft.appsync.GraphQlApis;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.edit.RenameLogicalId;
import dev.stackdraft.editing.EditingSession;
import dev.stackdraft.template.ResourceGroup;
import dev.stackdraft.template.ResourceGroups;
import dev.stackdraft.editing.links.LinkOption;
import dev.stackdraft.editing.links.LinkTable;
import dev.stackdraft.graph.Node;
import dev.stackdraft.project.CardPosition;
import dev.stackdraft.project.ProjectSummary;
import dev.stackdraft.project.ProjectOutline;
import dev.stackdraft.project.ProjectOutlines;
import dev.stackdraft.ui.Notices;
import dev.stackdraft.ui.canvas.ResourceCanvas;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The editor of one project: a toolbar (undo, redo, the pending changes, commit), the canvas, the palette, the panel
 * of what is selected, the template's sections, and the outline with its findings. Every change is an edit command
 * applied to the server-side {@link EditingSession}; the canvas and the panels are then drawn again from the rebuilt
 * template and graph.
 */
class ProjectEditor extends Composite<Div> {

    private static final LinkTable LINKS = LinkTable.standard();

    private final EditingSession session;
    private final EditorServices services;
    private final ProjectOutlines outlines;
    private final EnvironmentBar environments;
    private final Map<String, CardPosition> positions;
    private final ResourceCanvas canvas = new ResourceCanvas();
    private final SelectionPanel selection;
    private final SectionsPanel sections = new SectionsPanel(this::apply);
    private final Button undo = new Button("Undo", VaadinIcon.ARROW_BACKWARD.create());
    private final Button redo = new Button("Redo", VaadinIcon.ARROW_FORWARD.create());
    private final Span pending = new Span();
    private final Button commit = new Button("Commit…");
    private final OutlinePanel outlinePanel;
    private ProjectOutline outline;
    private Selection selected = Selection.NONE;

    ProjectEditor(EditingSession session, EditorServices services, Map<String, CardPosition> positions,
                  Consumer<ResourceCanvas.CardMove> keepCard, Runnable openCommit) {
        this.session = session;
        this.services = services;
        this.outlines = services.outlines();
        this.positions = new HashMap<>(positions);
        this.outline = outlines.of(session.current(), this.positions);
        this.environments = new EnvironmentBar(session::environments, services.environments(), services.background(),
                services.userId(), stackBase(services.project()), () -> services.accounts().list(services.userId()),
                this::apply,
                this::environmentChanged);
        this.selection = new SelectionPanel(this::apply, session::current, this::select, this::resourcePanels);
        this.outlinePanel = new OutlinePanel(finding -> session.quickFixes(finding.code(), finding.line(),
                finding.column()), fix -> apply(fix.command()));

        undo.setId("edit-undo");
        undo.addClickListener(click -> session.undo().ifPresent(undone -> redraw(renames(undone, true))));
        undo.addClickShortcut(Key.KEY_Z, KeyModifier.CONTROL);
        redo.setId("edit-redo");
        redo.addClickListener(click -> session.redo().ifPresent(redone -> redraw(renames(redone, false))));
        redo.addClickShortcut(Key.KEY_Z, KeyModifier.CONTROL, KeyModifier.SHIFT);
        redo.addClickShortcut(Key.KEY_Y, KeyModifier.CONTROL);
        pending.setId("edit-pending");
        pending.addClassName("import-status");
        commit.setId("edit-commit");
        commit.addThemeVariants(ButtonVariant.PRIMARY);
        commit.addClickListener(click -> openCommit.run());
        Div toolbar = new Div(undo, redo, pending, environments, commit);
        toolbar.setId("edit-toolbar");
        toolbar.addClassNames("panel", "edit-toolbar");

        canvas.addCardMovedListener(move -> {
            this.positions.put(move.id(), new CardPosition(move.x(), move.y()));
            keepCard.accept(move);
        });
        canvas.addCardSelectedListener(chosen -> select(chosen.id() == null ? Selection.NONE : Selection.of(chosen.id())));
        canvas.addCardsSelectedListener(chosen -> {
            if (chosen.ids().size() > 1) {
                select(Selection.cards(chosen.ids()));
            } else if (chosen.ids().size() == 1 && !(selected instanceof Selection.One one && one.id().equals(chosen.ids().getFirst()))) {
                select(Selection.of(chosen.ids().getFirst()));
            }
        });
        canvas.addGroupSelectedListener(chosen -> select(new Selection.Group(chosen.id())));
        canvas.addCardsConnectedListener(connection -> connect(connection.from(), connection.to()));

        Palette palette = new Palette(() -> outline.graph().nodes().stream().map(Node::id).collect(Collectors.toSet()),
                this::apply);
        Div side = new Div(selection, palette);
        side.addClassName("side");
        Div workspace = new Div(canvas, side);
        workspace.addClassName("workspace");
        getContent().addClassName("project-editor");
        getContent().add(toolbar, workspace, sections, outlinePanel);
        redraw();
    }

    /** Applies one edit; a refusal is said in a sentence with its place, and changes nothing. */
    private boolean apply(EditCommand command) {
        return apply(SessionEdit.of(command));
    }

    /** Applies one step (template, samconfig, new files); a refusal is said with its place, and changes nothing. */
    private boolean apply(SessionEdit step) {
        try {
            if (!session.apply(step)) {
                return true; // it changes nothing (a value submitted as it was): nothing to record or redraw
            }
        } catch (TemplateException refused) {
            Notices.error(refused.getMessage());
            return false;
        }
        redraw(renames(step, false));
        return true;
    }

    /** Another environment is selected: what differs per environment is shown for it. */
    private void environmentChanged() {
        redraw();
    }

    /** A stack name's start for the project: its repository's name, and the template's folder when not the root. */
    private static String stackBase(ProjectSummary project) {
        String repository = project.repository().substring(project.repository().lastIndexOf('/') + 1);
        String path = project.templatePath();
        String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')).replace('/', '-') : "";
        String base = (folder.isEmpty() ? repository : repository + "-" + folder).replaceAll("[^A-Za-z0-9-]", "-");
        return Character.isLetter(base.charAt(0)) ? base : "app-" + base;
    }

    /**
     * What a resource's panel shows above its properties: a function's layers for the selected environment (and its
     * bootstrap on a custom runtime), a GraphQL API's resolvers.
     */
    private List<Component> resourcePanels(String id) {
        Template template = session.current();
        Optional<GraphQlApi> api = GraphQlApis.find(template, id);
        if (api.isPresent()) {
            return List.of(new ResolverPanel(template, api.get(), session.files()::readBesideTemplate,
                    session.files()::besideTemplatePath, session::hasFile, this::apply));
        }
        List<Component> panels = new ArrayList<>();
        if (template.resource(id).filter(r -> r.type().isFunction()).isPresent()) {
            panels.addAll(functionPanels(template, id));
        }
        template.resource(id).filter(r -> ExistingPanel.wanted(template, id)).ifPresent(resource -> panels.add(
                new ExistingPanel(template, resource, environments.selected().orElse(null), session.environments(),
                        this::apply)));
        return panels;
    }

    private List<Component> functionPanels(Template template, String function) {
        LayerPanel layers = new LayerPanel(template, function, environments, this::apply, this::upgradeEverywhere);
        if (!BootstrapPanel.wanted(template, function)) {
            return List.of(layers);
        }
        AwsReach reach = environments.reach();
        return List.of(new BootstrapPanel(template, session.files().templatePath(), function, session::hasFile,
                arn -> services.environments().layerFiles(reach, arn), services.background(), this::apply), layers);
    }

    /**
     * Moves every use of a layer to {@code version}: in this stack as a pending change (the template, and each
     * environment's older value of a layer parameter), and in the user's other projects.
     */
    private void upgradeEverywhere(LayerVersion version) {
        String arn = version.arn().toString();
        List<ConfigEdit> overrides = new ArrayList<>();
        for (Environment environment : session.environments().list()) {
            environment.parameterOverrides().forEach((key, value) -> {
                LayerVersionArn.Check used = LayerVersionArn.check(value);
                if (used.valid() && used.arn().layerArn().equals(version.arn().layerArn())
                        && used.arn().version() < version.version()) {
                    overrides.add(new ConfigEdit.SetParameter(environment.name(), key, arn));
                }
            });
        }
        new UpgradeDialog(version, delivery -> {
            apply(SessionEdit.of(new UpgradeLayer(arn), overrides));
            getUI().ifPresent(ui -> services.background().run(ui, () -> services.upgrades().upgradeEverywhere(
                            services.userId(), arn, Set.of(session.projectId()), delivery),
                    summary -> UpgradeDialog.summary(summary).open(),
                    e -> Notices.failed("Upgrading the layer in your other projects", e)));
        }).open();
    }

    /**
     * The cards a command renames (old id to new), so that the canvas keeps a renamed card where it was and the
     * selection follows it; backwards for an undo.
     */
    private static Map<String, String> renames(SessionEdit step, boolean undone) {
        if (step.command() instanceof RenameLogicalId rename) {
            return undone ? Map.of(rename.to(), rename.from()) : Map.of(rename.from(), rename.to());
        }
        return Map.of();
    }

    /** A drag from one card to another: the ways to link them, picked in a dialog where there are several. */
    private void connect(String from, String to) {
        List<LinkOption> options;
        try {
            options = LINKS.options(session.current(), from, to);
        } catch (dev.stackdraft.edit.EditRefusedException refused) {
            Notices.error(refused.getMessage());
            return;
        }
        if (options.isEmpty()) {
            Notices.error(from + " and " + to + " cannot be connected: Stackdraft knows no link between a "
                    + typeOf(from) + " and a " + typeOf(to) + ". Write it in the property panel instead.");
            return;
        }
        new LinkDialog(from, to, options, option -> apply(option.command())).open();
    }

    private String typeOf(String id) {
        return outline.graph().nodes().stream().filter(n -> n.id().equals(id)).findFirst().map(Node::type).orElse(id);
    }

    private void redraw() {
        redraw(Map.of());
    }

    private void redraw(Map<String, String> renamed) {
        renamed.forEach((from, to) -> {
            CardPosition moved = positions.remove(from);
            if (moved != null) {
                positions.put(to, moved);
            }
            if (selected instanceof Selection.One one && one.id().equals(from)) {
                selected = Selection.of(to);
            }
        });
        environments.refresh();
        outline = outlines.of(session.current(), positions);
        List<ResourceGroup> groups = ResourceGroups.of(session.current());
        canvas.show(outline, groups.stream()
                .map(g -> new ResourceCanvas.CanvasGroup(g.id(), g.label(), g.members())).toList(), renamed,
                ExistingPanel.existingIn(session.current(), environments.selected().orElse(null)));
        sections.show(session.current(), environments.selected().orElse(null));
        outlinePanel.show(outline);
        undo.setEnabled(session.canUndo());
        redo.setEnabled(session.canRedo());
        commit.setEnabled(session.canUndo());
        int count = session.pending().size();
        pending.setText(count == 0 ? "No changes yet" : count == 1 ? "1 change: " + session.pending().getFirst()
                : count + " changes: " + String.join("; ", session.pending()));
        pending.getElement().setAttribute("data-count", Integer.toString(count));
        select(selected);
    }

    private void select(Selection wanted) {
        selected = selection.show(wanted, outline.graph(), ResourceGroups.of(session.current()));
    }
}
