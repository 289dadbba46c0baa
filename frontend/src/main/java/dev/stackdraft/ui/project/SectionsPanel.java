package dev.stackdraft.ui.project;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.stackdraft.edit.EditRefusedException;
import dev.stackdraft.editing.ConfigEdit;
import dev.stackdraft.editing.SessionEdit;
import dev.stackdraft.environment.Environment;
import dev.stackdraft.editing.SectionEntry;
import dev.stackdraft.editing.TemplateSections;
import dev.stackdraft.template.Template;
import dev.stackdraft.ui.Notices;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The template's Parameters, Conditions, Mappings, Outputs and Globals, each in a tab: a list of its entries (lazy,
 * so a stack with hundreds of outputs shows as quickly as a small one) and an editor for the chosen or a new entry
 * as YAML. Nothing here is ever dropped: an entry changes only when the user saves it, and is removed only when they
 * say so (refused while something refers to it).
 */
class SectionsPanel extends Composite<Div> {

    static final List<String> SECTIONS = List.of("Parameters", "Conditions", "Mappings", "Outputs", "Globals");

    private final Edits edits;
    private final Map<String, Tab> tabs = new LinkedHashMap<>();
    private final Tabs tabBar = new Tabs();
    private final Grid<SectionEntry> entries = new Grid<>();
    private final TextField name = new TextField("Name");
    private final TextArea yaml = new TextArea("Value (YAML)");
    private final Button save = new Button("Save");
    private final Button remove = new Button("Remove");
    private final Grid.Column<SectionEntry> environmentColumn;
    private final TextField environmentValue = new TextField();
    private final Button environmentSave = new Button("Set for the environment");
    private @Nullable Environment environment;
    private Template template;
    private List<SectionEntry> all = List.of();
    private String section = SECTIONS.getFirst();
    private @Nullable SectionEntry editing;

    SectionsPanel(Edits edits) {
        this.edits = edits;
        Div root = getContent();
        root.setId("sections-panel");
        root.addClassNames("panel", "sections-panel");
        for (String s : SECTIONS) {
            Tab tab = new Tab(s);
            tab.setId("section-tab-" + s);
            tabs.put(s, tab);
            tabBar.add(tab);
        }
        tabBar.addSelectedChangeListener(change -> {
            if (change.isFromClient() && change.getSelectedTab() != null) {
                section = change.getSelectedTab().getLabel();
                editing = null;
                refresh();
            }
        });
        entries.setId("section-entries");
        entries.addClassName("section-grid");
        entries.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.ROW_STRIPES);
        entries.addColumn(SectionEntry::name).setHeader("Name").setAutoWidth(true).setKey("name");
        entries.addColumn(SectionEntry::line).setHeader("Line").setWidth("6em").setFlexGrow(0);
        entries.addColumn(e -> firstLine(e.yaml())).setHeader("Value").setFlexGrow(1);
        environmentColumn = entries.addColumn(e -> environment == null ? ""
                : environment.parameterOverrides().getOrDefault(e.name(), "(default)")).setFlexGrow(1).setKey("environment");
        entries.addSelectionListener(chosen -> chosen.getFirstSelectedItem().ifPresent(this::edit));
        name.setId("section-name");
        yaml.setId("section-yaml");
        yaml.setWidthFull();
        yaml.addClassName("yaml-field");
        save.setId("section-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(click -> save());
        remove.setId("section-remove");
        remove.addThemeVariants(ButtonVariant.ERROR);
        remove.addClickListener(click -> {
            if (editing != null) {
                apply(() -> TemplateSections.remove(template, editing.section(), editing.name()));
            }
        });
        Button fresh = new Button("New entry", click -> edit(null));
        fresh.setId("section-new");
        environmentValue.setId("section-environment-value");
        environmentValue.setWidthFull();
        environmentValue.setHelperText("samconfig.toml's parameter_overrides; empty: the parameter's default");
        environmentSave.setId("section-environment-save");
        environmentSave.addClickListener(click -> saveEnvironmentValue());
        Div editor = new Div(name, yaml, new Div(save, remove, fresh), environmentValue, environmentSave);
        editor.addClassName("section-editor");
        Div columns = new Div(entries, editor);
        columns.addClassName("section-columns");
        root.add(new H2("Template sections"), tabBar, columns);
        this.template = null;
    }

    /**
     * Shows the sections of the template as it stands now (after every edit), and each parameter's value in the
     * selected environment (null: none selected).
     */
    void show(Template current, @Nullable Environment selected) {
        template = current;
        environment = selected;
        all = TemplateSections.of(current);
        for (String s : SECTIONS) {
            long count = all.stream().filter(e -> e.section().equals(s)).count();
            tabs.get(s).setLabel(s);
            tabs.get(s).getElement().setAttribute("data-count", Long.toString(count));
            tabs.get(s).getElement().setAttribute("aria-label", s + " (" + count + ")");
        }
        tabBar.setSelectedTab(tabs.get(section));
        refresh();
    }

    private void refresh() {
        List<SectionEntry> shown = all.stream().filter(e -> e.section().equals(section)).toList();
        boolean perEnvironment = environment != null && section.equals("Parameters");
        environmentColumn.setVisible(perEnvironment);
        environmentColumn.setHeader(environment == null ? "" : "In " + environment.name());
        entries.setItems(shown);
        SectionEntry again = editing == null ? null : shown.stream()
                .filter(e -> e.name().equals(editing.name())).findFirst().orElse(null);
        edit(again);
    }

    private void edit(@Nullable SectionEntry entry) {
        editing = entry;
        name.setValue(entry == null ? "" : entry.name());
        name.setReadOnly(entry != null);
        yaml.setValue(entry == null ? "" : entry.yaml());
        remove.setEnabled(entry != null);
        save.setText(entry == null ? "Add to " + section : "Save");
        boolean perEnvironment = environment != null && section.equals("Parameters") && entry != null;
        environmentValue.setVisible(perEnvironment);
        environmentSave.setVisible(perEnvironment);
        if (perEnvironment) {
            environmentValue.setLabel("Value in " + environment.name());
            environmentValue.setValue(environment.parameterOverrides().getOrDefault(entry.name(), ""));
        }
        if (entry == null) {
            entries.deselectAll();
        }
    }

    private void save() {
        String entryName = name.getValue().strip();
        if (entryName.isEmpty()) {
            Notices.error("Give the " + section + " entry a name first.");
            return;
        }
        if (editing != null && yaml.getValue().strip().equals(editing.yaml().strip())) {
            return; // unchanged: nothing to write
        }
        String sectionName = section;
        editing = new SectionEntry(sectionName, entryName, 0, yaml.getValue());
        apply(() -> TemplateSections.set(template, sectionName, entryName, yaml.getValue()));
    }

    /** The selected environment's value of the parameter: set in its parameter_overrides, or taken out when empty. */
    private void saveEnvironmentValue() {
        if (environment == null || editing == null) {
            return;
        }
        String value = environmentValue.getValue().strip();
        String parameter = editing.name();
        edits.apply(SessionEdit.of(value.isEmpty()
                ? new ConfigEdit.RemoveParameter(environment.name(), parameter)
                : new ConfigEdit.SetParameter(environment.name(), parameter, value)));
    }

    private void apply(java.util.function.Supplier<dev.stackdraft.edit.EditCommand> command) {
        try {
            edits.apply(command.get());
        } catch (EditRefusedException refused) {
            Notices.error(refused.getMessage());
        }
    }

    private static String firstLine(String yaml) {
        String line = yaml.strip().lines().findFirst().orElse("");
        return yaml.strip().lines().count() > 1 ? line + " …" : line;
    }
}
