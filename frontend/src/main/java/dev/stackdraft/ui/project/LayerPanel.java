package dev.stackdraft.ui.project;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.stackdraft.aws.Layer;
import dev.stackdraft.aws.LayerFit;
import dev.stackdraft.aws.LayerVersion;
import dev.stackdraft.aws.LayerVersionArn;
import dev.stackdraft.edit.AddLayer;
import dev.stackdraft.edit.FunctionLayerList;
import dev.stackdraft.edit.LayerParameter;
import dev.stackdraft.edit.MoveLayer;
import dev.stackdraft.edit.RemoveLayer;
import dev.stackdraft.edit.SetLayerVersion;
import dev.stackdraft.editing.AwsReach;
import dev.stackdraft.editing.ConfigEdit;
import dev.stackdraft.editing.LayerPicker;
import dev.stackdraft.editing.LayerRow;
import dev.stackdraft.editing.SessionEdit;
import dev.stackdraft.environment.Environment;
import dev.stackdraft.template.Template;
import dev.stackdraft.ui.Notices;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The layer dropdown of a function, for the selected environment: the layers the function ends up with in Lambda's
 * order (inherited ones from Globals marked, and first), each with the version that environment deploys, whether it
 * fits the function's runtime and architecture, and whether the account has a newer version; moved, removed, set to
 * another version (for every environment, or for the selected one through a parameter), or upgraded everywhere. New
 * layers come from the account (listed in the background), from this template, or as an ARN typed in and checked.
 * Lambda's limit of five layers, inherited ones included, is kept.
 */
class LayerPanel extends Composite<Div> {

    private final Template template;
    private final String function;
    private final EnvironmentBar environments;
    private final Edits edits;
    private final Consumer<LayerVersion> upgradeEverywhere;
    private final FunctionLayerList layers;
    private final Div rows = new Div();
    private final Span status = new Span();
    private final Div add = new Div();
    private List<Layer> account = List.of();

    /**
     * @param upgradeEverywhere moves every use of the layer, in this stack and the user's other projects, to the
     *                          version given
     */
    LayerPanel(Template template, String function, EnvironmentBar environments, Edits edits,
               Consumer<LayerVersion> upgradeEverywhere) {
        this.template = template;
        this.function = function;
        this.environments = environments;
        this.edits = edits;
        this.upgradeEverywhere = upgradeEverywhere;
        this.layers = FunctionLayerList.of(template, function);
        H4 heading = new H4("Layers (" + layers.items().size() + " of " + FunctionLayerList.LIMIT + ")");
        heading.addClassName("panel-title");
        Button refresh = new Button(VaadinIcon.REFRESH.create(), click -> load(true));
        refresh.setId("layer-refresh");
        refresh.setTooltipText("List the account's layers again");
        refresh.setAriaLabel("Refresh the account's layers");
        Span runtime = new Span((layers.runtime() == null ? "no runtime written" : layers.runtime()) + " · "
                + String.join(", ", layers.architectures()));
        runtime.addClassName("import-status");
        status.setId("layer-aws-status");
        status.addClassName("import-status");
        rows.setId("layer-rows");
        Div root = getContent();
        root.setId("layer-panel");
        root.addClassName("layer-panel");
        root.getElement().setAttribute("data-function", function);
        root.getElement().setAttribute("data-count", Integer.toString(layers.items().size()));
        Div head = new Div(heading, refresh);
        head.addClassName("layer-head");
        root.add(head, runtime, rows, add, status);
        show();
        addAttachListener(attached -> load(false));
    }

    /** Lists the account's layers in the background, then shows the rows again with what the account says. */
    private void load(boolean refresh) {
        Optional<UI> ui = getUI();
        if (ui.isEmpty()) {
            return;
        }
        status.setText(environments.reach() instanceof AwsReach.Reachable reachable
                ? "Listing the layers of " + reachable.describe() + "…" : environments.reach().describe());
        getContent().getElement().setAttribute("data-account-layers", "loading");
        environments.layers(ui.get(), refresh, listed -> {
            account = listed;
            status.setText(listed.size() + " layer" + (listed.size() == 1 ? "" : "s") + " in "
                    + environments.reach().describe() + ".");
            getContent().getElement().setAttribute("data-account-layers", Integer.toString(listed.size()));
            show();
        }, why -> {
            status.setText(why);
            getContent().getElement().setAttribute("data-account-layers", "none");
        });
    }

    private void show() {
        Environment environment = environments.selected().orElse(null);
        List<LayerRow> shown = LayerPicker.rows(template, layers, environment, account);
        rows.removeAll();
        for (int i = 0; i < shown.size(); i++) {
            rows.add(row(shown.get(i), i, environment));
        }
        add.removeAll();
        add.add(adder(shown));
    }

    private Component row(LayerRow layer, int index, Environment environment) {
        FunctionLayerList.Item item = layer.item();
        Span label = new Span(layer.label());
        label.addClassName("layer-label");
        Span written = new Span(item.written());
        written.addClassName("layer-written");
        Div marks = new Div();
        marks.addClassName("layer-marks");
        if (item.inherited()) {
            marks.add(mark("inherited from Globals", "inherited"));
        }
        if (layer.fromEnvironment() && environment != null) {
            marks.add(mark("set for " + environment.name() + " (" + item.parameter().orElseThrow() + ")", "environment"));
        } else if (item.parameter().isPresent()) {
            marks.add(mark("parameter " + item.parameter().get() + " (default)", "parameter"));
        }
        layer.fit().filter(f -> !f.fits()).ifPresent(f -> marks.add(mark("does not fit: " + String.join(" ", f.reasons()),
                "misfit")));
        layer.newer().ifPresent(v -> marks.add(mark("newer version " + v.version() + " available", "newer")));
        Div actions = new Div();
        actions.addClassName("layer-actions");
        if (!item.inherited() && item.spec().isPresent() && layers.editable()) {
            String spec = item.spec().get();
            actions.add(button("↑", "layer-up", "Move up", item.ownIndex() > 0,
                    () -> edits.apply(new MoveLayer(function, spec, item.ownIndex() - 1))));
            actions.add(button("↓", "layer-down", "Move down", item.ownIndex() < layers.own().size() - 1,
                    () -> edits.apply(new MoveLayer(function, spec, item.ownIndex() + 1))));
            actions.add(button("Remove", "layer-remove", "Remove this layer from " + function, true,
                    () -> edits.apply(new RemoveLayer(function, spec))));
        }
        if (!layer.versions().isEmpty() && (item.arn().isPresent() && !item.inherited() || item.parameter().isPresent())) {
            actions.add(versionSelect(layer, environment));
        }
        if (item.arn().isPresent() && !item.inherited() && environment != null && layer.resolved().isPresent()
                && !item.arn().get().contains("${")) {
            actions.add(button("Per environment", "layer-per-environment", "Make its version a parameter that each "
                    + "environment sets in samconfig.toml", true, () -> perEnvironment(layer, environment)));
        }
        layer.newer().ifPresent(v -> actions.add(button("Upgrade everywhere", "layer-upgrade-everywhere",
                "Move every use of " + v.arn().name() + " to version " + v.version() + ", here and in your other "
                        + "projects", true, () -> upgradeEverywhere.accept(v))));
        Div row = new Div(label, marks, written, actions);
        row.addClassName("layer-row");
        row.getElement().setAttribute("data-index", Integer.toString(index));
        row.getElement().setAttribute("data-layer", layer.resolved().map(LayerVersionArn::toString).orElse(item.written()));
        row.getElement().setAttribute("data-layer-name", layer.resolved().map(LayerVersionArn::name)
                .or(() -> item.templateLayer()).orElse(item.written()));
        row.getElement().setAttribute("data-inherited", Boolean.toString(item.inherited()));
        row.getElement().setAttribute("data-fit", layer.fit().map(f -> f.fits() ? "fits" : "misfit").orElse("unknown"));
        layer.newer().ifPresent(v -> row.getElement().setAttribute("data-newer", Long.toString(v.version())));
        return row;
    }

    /** The account's versions of the layer; choosing one sets it here (or, for a parameter, in the environment). */
    private Component versionSelect(LayerRow layer, Environment environment) {
        Select<LayerVersion> versions = new Select<>();
        versions.addClassName("layer-version");
        versions.setAriaLabel("Version of " + layer.label());
        versions.setItems(layer.versions());
        versions.setItemLabelGenerator(v -> versionLabel(v));
        layer.resolved().flatMap(arn -> layer.versions().stream().filter(v -> v.version() == arn.version()).findFirst())
                .ifPresent(versions::setValue);
        FunctionLayerList.Item item = layer.item();
        boolean parameter = item.parameter().isPresent();
        versions.setEnabled(!parameter || environment != null);
        versions.addValueChangeListener(change -> {
            if (!change.isFromClient() || change.getValue() == null) {
                return;
            }
            String arn = change.getValue().arn().toString();
            if (parameter) {
                edits.apply(SessionEdit.of(new ConfigEdit.SetParameter(environment.name(), item.parameter().get(), arn)));
            } else {
                edits.apply(new SetLayerVersion(function, arn));
            }
        });
        return versions;
    }

    private String versionLabel(LayerVersion version) {
        LayerFit fit = version.fit(layers.runtime(), layers.architectures());
        return "version " + version.version() + (version.description().isBlank() ? "" : " · " + version.description())
                + (fit.fits() ? "" : " · does not fit");
    }

    /** The layer's version becomes a parameter; the selected environment keeps the version it deploys now. */
    private void perEnvironment(LayerRow layer, Environment environment) {
        LayerVersionArn arn = layer.resolved().orElseThrow();
        String parameter = parameterName(arn.name());
        edits.apply(SessionEdit.of(new LayerParameter(arn.toString(), parameter),
                List.of(new ConfigEdit.SetParameter(environment.name(), parameter, arn.toString()))));
    }

    /** {@code shared-utils} → {@code SharedUtilsLayerArn}, not yet taken in the template. */
    private String parameterName(String layerName) {
        StringBuilder name = new StringBuilder();
        for (String part : layerName.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        String base = (name.isEmpty() || !Character.isLetter(name.charAt(0)) ? "Layer" + name : name) + "LayerArn";
        String candidate = base;
        for (int n = 2; template.parameter(candidate).isPresent() || template.resource(candidate).isPresent(); n++) {
            candidate = base + n;
        }
        return candidate;
    }

    /** Where new layers come from: the account, this template, or an ARN typed in. */
    private Component adder(List<LayerRow> shown) {
        Div box = new Div();
        box.addClassName("layer-add");
        if (!layers.editable()) {
            box.add(new Span(function + "'s layers are computed (an !If): change them in the properties below."));
            return box;
        }
        if (layers.full()) {
            Span full = new Span("Lambda allows " + FunctionLayerList.LIMIT + " layers per function, inherited ones "
                    + "included: remove one to add another.");
            full.setId("layer-limit");
            full.addClassName("import-status");
            box.add(full);
            return box;
        }
        record Choice(String label, Optional<Layer> account, Optional<String> templateLayer) {}
        List<Choice> choices = new java.util.ArrayList<>();
        LayerPicker.accountLayers(shown, account).forEach(l -> choices.add(new Choice(l.name() + " · in the account",
                Optional.of(l), Optional.empty())));
        LayerPicker.templateLayers(template, layers).forEach(id -> choices.add(new Choice(id + " · in this template",
                Optional.empty(), Optional.of(id))));
        ComboBox<Choice> choice = new ComboBox<>("Add a layer");
        choice.setId("layer-choice");
        choice.setItems(choices);
        choice.setItemLabelGenerator(Choice::label);
        choice.setPlaceholder(choices.isEmpty() ? "none to add" : "a layer of the account or the template");
        Select<LayerVersion> version = new Select<>();
        version.setId("layer-choice-version");
        version.setLabel("Version");
        version.setItemLabelGenerator(this::versionLabel);
        version.setEnabled(false);
        choice.addValueChangeListener(change -> {
            Optional<Layer> layer = change.getValue() == null ? Optional.empty() : change.getValue().account();
            version.setItems(layer.map(Layer::versions).orElse(List.of()));
            version.setEnabled(layer.isPresent());
            layer.ifPresent(l -> l.newestFitting(layers.runtime(), layers.architectures()).or(l::latest)
                    .ifPresent(version::setValue));
        });
        Button adding = new Button("Add", click -> {
            Choice chosen = choice.getValue();
            if (chosen == null) {
                Notices.error("Choose a layer first.");
            } else if (chosen.templateLayer().isPresent()) {
                edits.apply(new AddLayer(function, chosen.templateLayer().get()));
            } else if (version.getValue() == null) {
                Notices.error("Choose a version of " + chosen.account().orElseThrow().name() + ".");
            } else {
                edits.apply(new AddLayer(function, version.getValue().arn().toString()));
            }
        });
        adding.setId("layer-add");
        adding.addThemeVariants(ButtonVariant.PRIMARY);
        TextField typed = new TextField("Or a layer version ARN");
        typed.setId("layer-arn");
        typed.setPlaceholder("arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION");
        Button addTyped = new Button("Add ARN", click -> {
            LayerVersionArn.Check check = LayerVersionArn.check(typed.getValue().strip());
            Environment environment = environments.selected().orElse(null);
            if (!check.valid()) {
                typed.setInvalid(true);
                typed.setErrorMessage(String.join(" ", check.problems()));
            } else if (environment != null && environment.region() != null
                    && !environment.region().equals(check.arn().region())) {
                typed.setInvalid(true);
                typed.setErrorMessage("This layer is in " + check.arn().region() + ", but environment "
                        + environment.name() + " deploys to " + environment.region() + ": Lambda takes layers of the "
                        + "function's own region only.");
            } else {
                typed.setInvalid(false);
                edits.apply(new AddLayer(function, check.arn().toString()));
            }
        });
        addTyped.setId("layer-add-arn");
        Div fromList = new Div(choice, version, adding);
        fromList.addClassName("filters");
        Div fromArn = new Div(typed, addTyped);
        fromArn.addClassName("filters");
        box.add(fromList, fromArn);
        return box;
    }

    private static Span mark(String text, String kind) {
        Span mark = new Span(text);
        mark.addClassNames("layer-mark", "layer-mark-" + kind);
        mark.getElement().setAttribute("data-mark", kind);
        return mark;
    }

    private static Button button(String text, String className, String tooltip, boolean enabled, Runnable action) {
        Button button = new Button(text, click -> action.run());
        button.addClassName(className);
        button.addThemeVariants(ButtonVariant.SMALL);
        button.setTooltipText(tooltip);
        button.setAriaLabel(tooltip);
        button.setEnabled(enabled);
        return button;
    }
}
