package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Plain;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import java.util.List;
import java.util.Optional;

/**
 * Adds or replaces an entry of Parameters, Conditions, Mappings, Outputs or Globals. A replaced entry changes by the
 * smallest edit (its comments and the lines that stay, stay); a new entry goes after the last one of its section; a
 * new section goes where templates usually have it (Parameters after Description and Transform, before Resources).
 */
public record SetSectionEntry(String section, String name, Value value) implements EditCommand {

    @Override
    public List<Change> changes(Template template) {
        Sections.check(template, section, name);
        DocPath path = Sections.path(template, section, name);
        Optional<Value> current = template.at(path);
        if (current.isPresent() && Plain.of(current.get()).equals(Plain.of(value))) {
            return List.of();
        }
        if (!name.startsWith("Fn::ForEach::")) {
            checkValue(template); // a loop of the LanguageExtensions transform makes entries; it is none itself
        }
        if (current.isPresent()) {
            return ValueEdits.smallest(template, path, value);
        }
        Sections.checkNewName(template, section, name);
        if (section.equals("Parameters") && template.resource(name).isPresent()) {
            throw Refusals.file(template, "a resource is already called '" + name + "'",
                    "parameters and resources share their names in Ref: choose another name");
        }
        DocPath sectionPath = path.parent();
        Optional<Value> existing = template.at(sectionPath);
        Mapping entry = Value.mapping(List.of(Value.entry(name, value)));
        if (existing.isPresent()) {
            return switch (existing.get()) {
                case Mapping m -> List.of(new Change.Put(sectionPath, name, value));
                case Scalar s when s.isNull() -> List.of(new Change.Replace(sectionPath, entry));
                default -> throw Refusals.at(template, existing.get(), section + " is not a mapping", "fix it by hand first");
            };
        }
        DocPath base = sectionPath.parent();
        if (template.at(base).isEmpty()) {
            // a serverless.yml without resources: gets one, holding the new section
            return PropertyChanges.put(template, sectionPath, entry);
        }
        if (!(template.at(base).get() instanceof Mapping)) {
            throw Refusals.at(template, template.at(base).get(), base + " is not a mapping", "add the " + section + " by hand");
        }
        return List.of(Sections.before(template, section)
                .<Change>map(before -> new Change.PutBefore(base, before, section, entry))
                .orElseGet(() -> new Change.Put(base, section, entry)));
    }

    /** What CloudFormation refuses outright: a parameter without a Type, an output without a Value, a scalar mapping. */
    private void checkValue(Template template) {
        if (section.equals("Conditions")) {
            return;
        }
        if (!(value instanceof Mapping mapping)) {
            throw Refusals.file(template, "a " + Sections.word(section) + " is a mapping of settings, not a single value",
                    section.equals("Parameters") ? "write at least 'Type: String'" : "write it as 'Key: value' lines");
        }
        if (section.equals("Parameters") && mapping.get("Type").isEmpty()) {
            throw Refusals.file(template, "parameter '" + name + "' has no Type", "add e.g. 'Type: String'");
        }
        if (section.equals("Outputs") && mapping.get("Value").isEmpty()) {
            throw Refusals.file(template, "output '" + name + "' has no Value", "add e.g. 'Value: !Ref SomeResource'");
        }
    }

    @Override
    public String describe() {
        return "Set " + Sections.word(section) + " " + name;
    }
}
