package dev.stackdraft.ui.project;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import dev.stackdraft.edit.Editor;
import dev.stackdraft.edit.ExistingSwitch;
import dev.stackdraft.edit.StopUsingExisting;
import dev.stackdraft.edit.UseExisting;
import dev.stackdraft.editing.ConfigEdit;
import dev.stackdraft.editing.SessionEdit;
import dev.stackdraft.environment.Environment;
import dev.stackdraft.environment.Environments;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * "Use Existing" for one resource in the selected environment: the stack creates it, or it takes an existing one given
 * by ARN (written as a parameter, a condition on the resource and every reference choosing between the two; the value
 * per environment in samconfig.toml). Turned on for one environment, set or cleared per environment, and turned off
 * altogether (the template exactly as before).
 */
class ExistingPanel extends Composite<Div> {

    private static final Editor EDITOR = new Editor();

    /** Whether the panel has anything to offer for the resource: it is switched already, or it can be. */
    static boolean wanted(Template template, String resource) {
        return ExistingSwitch.of(template, resource).isPresent() || UseExisting.possible(template, resource);
    }

    ExistingPanel(Template template, Resource resource, @Nullable Environment environment, Environments environments,
                  Edits edits) {
        Div root = getContent();
        root.setId("existing-panel");
        root.addClassName("layer-panel");
        String id = resource.id().value();
        root.getElement().setAttribute("data-resource", id);
        H4 heading = new H4("Use Existing");
        heading.addClassName("panel-title");
        root.add(heading);
        Optional<ExistingSwitch> current = ExistingSwitch.of(template, id);
        root.getElement().setAttribute("data-switched", Boolean.toString(current.isPresent()));
        if (environment == null) {
            root.add(note("Select or create an environment to use an existing " + resource.type() + " there instead of "
                    + "creating " + id + "."));
            return;
        }
        String env = environment.name();
        ExistingSwitch existing = current.orElseGet(() -> ExistingSwitch.of(EDITOR.apply(template, new UseExisting(id))
                .after(), id).orElseThrow());
        String value = environment.parameterOverrides().getOrDefault(existing.parameter(), "");
        root.getElement().setAttribute("data-existing", value);
        root.add(note(value.isEmpty() ? "In " + env + " the stack creates " + id + "." : "In " + env
                + " the stack uses the existing " + value + " instead of creating " + id + "."));
        TextField arn = new TextField("Existing " + resource.type() + " in " + env + " (ARN)");
        arn.setId("existing-arn");
        arn.setWidthFull();
        arn.setValue(value);
        List<TextField> others = new ArrayList<>();
        for (String parameter : existing.perEnvironmentParameters().subList(1, existing.perEnvironmentParameters().size())) {
            TextField other = new TextField(parameter + " in " + env);
            other.setId("existing-param-" + parameter);
            other.setWidthFull();
            other.setHelperText("cannot be told from the ARN: give it for this environment");
            other.setValue(environment.parameterOverrides().getOrDefault(parameter, ""));
            others.add(other);
        }
        root.add(arn);
        others.forEach(root::add);
        Button use = new Button(current.isPresent() ? "Save for " + env : "Use existing in " + env, click -> {
            String given = arn.getValue().strip();
            List<String> problems = UseExisting.arnProblems(resource.type().value(), given);
            if (given.isEmpty() || !problems.isEmpty()) {
                arn.setInvalid(true);
                arn.setErrorMessage(given.isEmpty() ? "Give the existing one's ARN." : String.join(" ", problems));
                return;
            }
            arn.setInvalid(false);
            Map<String, String> values = new LinkedHashMap<>();
            values.put(existing.parameter(), UseExisting.parameterValue(resource.type().value(), given));
            for (int i = 0; i < others.size(); i++) {
                values.put(existing.perEnvironmentParameters().get(i + 1), others.get(i).getValue().strip());
            }
            List<ConfigEdit> config = new ArrayList<>();
            values.forEach((parameter, v) -> config.add(v.isEmpty() ? new ConfigEdit.RemoveParameter(env, parameter)
                    : new ConfigEdit.SetParameter(env, parameter, v)));
            config.removeIf(edit -> edit instanceof ConfigEdit.RemoveParameter remove
                    && !environment.parameterOverrides().containsKey(remove.parameter()));
            edits.apply(current.isPresent() ? new SessionEdit(null, config, Map.of(), "Use the existing "
                    + given + " for " + id + " in " + env) : SessionEdit.of(new UseExisting(id), config));
        });
        use.setId("existing-use");
        use.addThemeVariants(ButtonVariant.PRIMARY);
        Div actions = new Div(use);
        actions.addClassName("filters");
        if (current.isPresent()) {
            Button create = new Button("Create it in " + env, click -> {
                List<ConfigEdit> config = existing.perEnvironmentParameters().stream()
                        .filter(environment.parameterOverrides()::containsKey)
                        .<ConfigEdit>map(p -> new ConfigEdit.RemoveParameter(env, p)).toList();
                if (!config.isEmpty()) {
                    edits.apply(new SessionEdit(null, config, Map.of(), "Create " + id + " in " + env));
                }
            });
            create.setId("existing-create-here");
            create.setEnabled(!value.isEmpty());
            Button off = new Button("Turn off", click -> edits.apply(SessionEdit.of(new StopUsingExisting(id),
                    everyValue(environments, existing))));
            off.setId("existing-off");
            off.addThemeVariants(ButtonVariant.ERROR);
            off.setTooltipText("Every environment creates " + id + " again; the template is as it was before");
            actions.add(create, off);
        }
        root.add(actions);
    }

    /** Each environment's values of the switch's parameters, taken out. */
    private static List<ConfigEdit> everyValue(Environments environments, ExistingSwitch existing) {
        List<ConfigEdit> config = new ArrayList<>();
        for (Environment environment : environments.list()) {
            existing.perEnvironmentParameters().stream().filter(environment.parameterOverrides()::containsKey)
                    .forEach(p -> config.add(new ConfigEdit.RemoveParameter(environment.name(), p)));
        }
        return config;
    }

    /**
     * The resources the environment takes as existing ones, with the ARN it gives ("" when it gives none): for the
     * canvas to draw them apart.
     */
    static Map<String, String> existingIn(Template template, @Nullable Environment environment) {
        Map<String, String> existing = new LinkedHashMap<>();
        if (environment == null) {
            return existing;
        }
        for (Resource resource : template.resources()) {
            if (resource.condition().isEmpty()) {
                continue; // a switched resource has its condition
            }
            ExistingSwitch.of(template, resource.id().value()).ifPresent(s -> {
                String value = environment.parameterOverrides().get(s.parameter());
                if (value != null && !value.isBlank()) {
                    existing.put(s.resource(), value);
                }
            });
        }
        return existing;
    }

    private static Paragraph note(String text) {
        Paragraph note = new Paragraph(text);
        note.addClassName("import-status");
        return note;
    }
}
