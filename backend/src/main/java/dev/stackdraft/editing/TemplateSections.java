package dev.stackdraft.editing;

import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.edit.EditRefusedException;
import dev.stackdraft.edit.RemoveSectionEntry;
import dev.stackdraft.edit.SetSectionEntry;
import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Mapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The panels of a template's Parameters, Conditions, Mappings, Outputs and Globals: their entries as written, and the
 * commands that add, replace and remove them. In a serverless.yml these sections are those under {@code resources:}.
 */
public final class TemplateSections {

    static final List<String> SECTIONS = List.of("Parameters", "Conditions", "Mappings", "Outputs", "Globals");

    private TemplateSections() {}

    /** Every entry of those sections, in file order. */
    public static List<SectionEntry> of(Template template) {
        List<SectionEntry> entries = new ArrayList<>();
        Optional<Mapping> base = template.dialect() == Dialect.SERVERLESS ? template.root().mapping("resources")
                : Optional.of(template.root());
        base.ifPresent(sections -> {
            for (Entry section : sections.entries()) {
                if (SECTIONS.contains(section.name()) && section.value() instanceof Mapping mapping) {
                    for (Entry entry : mapping.entries()) {
                        entries.add(new SectionEntry(section.name(), entry.name(), entry.key().span().line(),
                                Fragments.text(template, entry)));
                    }
                }
            }
        });
        return entries;
    }

    /**
     * Adds the entry, or replaces it (by the smallest edit: what stays keeps its lines and comments), from YAML.
     *
     * @throws EditRefusedException for YAML that does not parse (the message says line:column within it and what is
     *                              wrong); the command itself refuses what CloudFormation would (a parameter without a
     *                              Type, a name that is not letters and digits ...)
     */
    public static EditCommand set(Template template, String section, String name, String yaml) {
        if (of(template).stream().anyMatch(e -> e.section().equals(section) && e.name().equals(name) && e.yaml().equals(yaml))) {
            return new Unchanged(section + " " + name); // submitted as shown: nothing to write
        }
        Value value = Fragments.read(section + "." + name, yaml);
        SetSectionEntry command = new SetSectionEntry(section, name, value);
        command.changes(template); // refused now, with the reason, rather than when the session applies it
        return command;
    }

    /** Removes the entry (and the section with its last entry); the command refuses while something refers to it. */
    public static EditCommand remove(Template template, String section, String name) {
        RemoveSectionEntry command = new RemoveSectionEntry(section, name);
        command.changes(template); // refused now, with the reason, rather than when the session applies it
        return command;
    }
}
