package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Fn;
import dev.stackdraft.template.Reference;
import dev.stackdraft.template.References;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import dev.stackdraft.template.Value.Tagged;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Removes an entry of Parameters, Conditions, Mappings, Outputs or Globals, with the comments just above it, and the
 * section with its last entry. Refused while something refers to it: a parameter Ref'd or named in a Sub (or listed in
 * the console's parameter groups), a condition used, a mapping read by FindInMap.
 */
public record RemoveSectionEntry(String section, String name) implements EditCommand {

    @Override
    public List<Change> changes(Template template) {
        Sections.check(template, section, name);
        DocPath path = Sections.path(template, section, name);
        Value entry = template.at(path).orElseThrow(() -> Refusals.file(template,
                "there is no " + Sections.word(section) + " '" + name + "'", ""));
        List<Integer> lines = usedAt(template, path);
        if (!lines.isEmpty()) {
            throw Refusals.at(template, keyOf(template, path, entry), Sections.word(section) + " " + name
                    + " is still used at line" + (lines.size() > 1 ? "s " : " ") + String.join(", ",
                    lines.stream().map(String::valueOf).toList()), "remove or change those references first");
        }
        return PropertyChanges.remove(template, path, 0);
    }

    /** Takes the entry out whatever still uses it: for a command that rewrites those uses in the same edit. */
    List<Change> changesIgnoringUses(Template template) {
        Sections.check(template, section, name);
        DocPath path = Sections.path(template, section, name);
        template.at(path).orElseThrow(() -> Refusals.file(template, "there is no " + Sections.word(section) + " '"
                + name + "'", ""));
        return PropertyChanges.remove(template, path, 0);
    }

    /** The lines that refer to the entry, from outside it. */
    private List<Integer> usedAt(Template template, DocPath path) {
        TreeSet<Integer> lines = new TreeSet<>();
        switch (section) {
            case "Parameters" -> {
                references(template, path, Reference.Kind.REF, Reference.Kind.SUB).forEach(lines::add);
                interfaceMentions(template, lines);
            }
            case "Conditions" -> references(template, path, Reference.Kind.CONDITION).forEach(lines::add);
            case "Mappings" -> findInMap(template.root(), lines);
            default -> { }
        }
        return new ArrayList<>(lines);
    }

    private List<Integer> references(Template template, DocPath path, Reference.Kind... kinds) {
        List<Reference.Kind> wanted = List.of(kinds);
        return References.in(template).stream()
                .filter(r -> wanted.contains(r.kind()) && r.target().equals(name) && !r.path().startsWith(path))
                .map(r -> r.span().line()).toList();
    }

    /** The console's parameter groups and labels ({@code Metadata: AWS::CloudFormation::Interface}) name parameters. */
    private void interfaceMentions(Template template, TreeSet<Integer> lines) {
        template.root().mapping("Metadata").flatMap(m -> m.mapping("AWS::CloudFormation::Interface")).ifPresent(ui -> {
            ui.mapping("ParameterLabels").flatMap(labels -> labels.entry(name)).ifPresent(e -> lines.add(e.key().span().line()));
            ui.get("ParameterGroups").filter(Sequence.class::isInstance).map(Sequence.class::cast).ifPresent(groups -> {
                for (Value group : groups.items()) {
                    if (group instanceof Mapping g && g.get("Parameters").orElse(null) instanceof Sequence names) {
                        names.items().stream().filter(n -> n instanceof Scalar s && s.text().equals(name))
                                .forEach(n -> lines.add(n.span().line()));
                    }
                }
            });
        });
    }

    private void findInMap(Value value, TreeSet<Integer> lines) {
        switch (value) {
            case Intrinsic fn -> {
                if (fn.fn() == Fn.FIND_IN_MAP && fn.argument() instanceof Sequence args && !args.items().isEmpty()
                        && args.items().getFirst() instanceof Scalar map && map.text().equals(name)) {
                    lines.add(fn.span().line());
                }
                findInMap(fn.argument(), lines);
            }
            case Mapping m -> m.entries().forEach(e -> findInMap(e.value(), lines));
            case Sequence s -> s.items().forEach(item -> findInMap(item, lines));
            case Tagged t -> findInMap(t.value(), lines);
            case Scalar s -> { }
        }
    }

    private static Value keyOf(Template template, DocPath path, Value fallback) {
        return template.at(path.parent()).filter(Mapping.class::isInstance).map(Mapping.class::cast)
                .flatMap(m -> m.entry((String) path.last())).<Value>map(Entry::key).orElse(fallback);
    }

    @Override
    public String describe() {
        return "Remove " + Sections.word(section) + " " + name;
    }
}
