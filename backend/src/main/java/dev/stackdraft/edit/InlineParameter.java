package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.Parameter;
import dev.stackdraft.template.Reference;
import dev.stackdraft.template.References;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a parameter's default where the parameter is used, and takes the parameter out: a referenced resource
 * written as its literal ARN, for teams that prefer it to a parameter. {@code !Ref P} becomes the value; a
 * {@code ${P}} inside a {@code !Sub} string becomes the value's text.
 */
public record InlineParameter(String parameter) implements EditCommand {

    @Override
    public List<Change> changes(Template template) {
        Parameter found = template.parameter(parameter).orElseThrow(() -> Refusals.file(template,
                "there is no parameter '" + parameter + "'", "check the name"));
        String value = found.defaultValue().orElseThrow(() -> Refusals.file(template, "parameter '" + parameter
                + "' has no Default to write in its place", "give it a Default first"));
        if (value.contains("${")) {
            throw Refusals.file(template, "the Default of '" + parameter + "' holds ${…}", "write it in by hand");
        }
        List<Change> changes = new ArrayList<>();
        Map<dev.stackdraft.template.DocPath, String> subs = new LinkedHashMap<>();
        for (Reference reference : References.in(template)) {
            if (!reference.target().equals(parameter)) {
                continue;
            }
            switch (reference.kind()) {
                case REF -> changes.add(new Change.Replace(reference.path().parent(), Value.string(value)));
                case SUB -> subs.putIfAbsent(reference.path(), value);
                default -> throw Refusals.file(template, "'" + parameter + "' is used in a way its value cannot replace"
                        + " (line " + reference.span().line() + ")", "change that use by hand first");
            }
        }
        for (var sub : subs.keySet()) {
            Value text = template.at(sub).orElseThrow();
            if (text instanceof Value.Scalar s) {
                changes.add(new Change.Replace(sub, Value.string(s.text().replace("${" + parameter + "}", value))));
            }
        }
        changes.addAll(new RemoveSectionEntry("Parameters", parameter).changesIgnoringUses(template));
        return changes;
    }

    @Override
    public String describe() {
        return "Write " + parameter + "'s value where it is used";
    }
}
