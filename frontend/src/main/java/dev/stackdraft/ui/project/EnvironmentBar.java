package dev.stackdraft.ui.project;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import dev.stackdraft.aws.AwsAccount;
import dev.stackdraft.aws.Layer;
import dev.stackdraft.editing.AwsReach;
import dev.stackdraft.editing.EnvironmentAccounts;
import dev.stackdraft.environment.Environment;
import dev.stackdraft.environment.Environments;
import dev.stackdraft.ui.BackgroundWork;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The environment selector above the canvas: the project's environments as {@code samconfig.toml} has them (with the
 * pending changes), how the selected one's AWS account is reached (or why not), and a button to create or change
 * environments. What differs per environment (parameter values, layer versions) is shown for the selected one.
 */
class EnvironmentBar extends Composite<Div> {

    private final Supplier<Environments> environments;
    private final EnvironmentAccounts accounts;
    private final BackgroundWork background;
    private final long userId;
    private final Select<String> select = new Select<>();
    private final Span reachText = new Span();
    private final Button edit;
    private final Runnable changed;
    private AwsReach reach = new AwsReach.Unreachable("No environment is selected.");
    private boolean filling;

    /** @param stackBase what a new environment's stack name starts with (the project's repository and folder) */
    EnvironmentBar(Supplier<Environments> environments, EnvironmentAccounts accounts, BackgroundWork background,
                   long userId, String stackBase, Supplier<List<AwsAccount>> registry, Edits edits, Runnable changed) {
        this.environments = environments;
        this.accounts = accounts;
        this.background = background;
        this.userId = userId;
        this.changed = changed;
        select.setId("environment-select");
        select.setAriaLabel("Environment");
        select.setTooltipText("The environment whose values (parameters, layer versions, AWS account) are shown");
        select.setEmptySelectionAllowed(false);
        select.addValueChangeListener(change -> {
            if (!filling) {
                updateReach();
                changed.run();
            }
        });
        reachText.setId("environment-aws");
        reachText.addClassName("import-status");
        Button create = new Button(VaadinIcon.PLUS.create(), click -> new EnvironmentDialog(
                environments.get(), null, stackBase, registry.get(), edits, this::choose).open());
        create.setId("environment-new");
        create.setTooltipText("New environment");
        create.setAriaLabel("New environment");
        edit = new Button(VaadinIcon.COG.create(), click -> new EnvironmentDialog(
                environments.get(), selected().orElse(null), stackBase, registry.get(), edits, this::choose).open());
        edit.setId("environments-edit");
        edit.setTooltipText("Change the selected environment: region, stack, AWS account");
        edit.setAriaLabel("Edit the selected environment");
        Div root = getContent();
        root.setId("environment-bar");
        root.addClassName("environment-bar");
        Span label = new Span("Environment");
        label.addClassName("import-status");
        root.add(label, select, create, edit, reachText);
        refresh();
    }

    /** Reads the environments again (after an edit or undo); the selected one stays selected while it exists. */
    void refresh() {
        List<String> names = environments.get().list().stream().map(Environment::name).toList();
        String before = select.getValue();
        filling = true;
        try {
            select.setItems(names);
            select.setEnabled(!names.isEmpty());
        edit.setEnabled(!names.isEmpty());
            select.setPlaceholder(names.isEmpty() ? "none yet" : null);
            if (before != null && names.contains(before)) {
                select.setValue(before);
            } else if (!names.isEmpty()) {
                select.setValue(names.contains("default") && names.size() > 1 ? names.stream()
                        .filter(n -> !n.equals("default")).findFirst().orElseThrow() : names.getFirst());
            }
        } finally {
            filling = false;
        }
        getContent().getElement().setAttribute("data-count", Integer.toString(names.size()));
        updateReach();
    }

    /** Selects an environment by name (a new one just created). */
    void choose(String name) {
        if (environments.get().environment(name).isPresent() && !Objects.equals(select.getValue(), name)) {
            select.setValue(name);
        }
    }

    Optional<Environment> selected() {
        return Optional.ofNullable(select.getValue()).flatMap(environments.get()::environment);
    }

    AwsReach reach() {
        return reach;
    }

    /**
     * The layers in the selected environment's account, listed in the background.
     *
     * @param failed gets the reason in a sentence (unreachable, denied, AWS down)
     */
    void layers(UI ui, boolean refresh, Consumer<List<Layer>> listed, Consumer<String> failed) {
        if (!(reach instanceof AwsReach.Reachable reachable)) {
            failed.accept(reach.describe());
            return;
        }
        background.run(ui, () -> accounts.layers(reachable, refresh), listed,
                e -> failed.accept(e instanceof dev.stackdraft.aws.AwsException ? e.getMessage()
                        : "The layers could not be listed: " + e.getMessage()));
    }

    private void updateReach() {
        Optional<Environment> environment = selected();
        if (environment.isEmpty()) {
            reach = new AwsReach.Unreachable(environments.get().exists()
                    ? "No environment is selected." : "This project has no samconfig.toml yet: create an environment "
                    + "to tie it to an AWS account.");
        } else {
            reach = accounts.reach(userId, environment.get());
        }
        reachText.setText(reach.describe());
        reachText.getElement().setAttribute("title", reach.describe());
        getContent().getElement().setAttribute("data-reach", reach instanceof AwsReach.Reachable ? "reachable" : "none");
        getContent().getElement().setAttribute("data-environment", select.getValue() == null ? "" : select.getValue());
    }
}
