package dev.stackdraft.edit;

import dev.stackdraft.arn.Arns;
import dev.stackdraft.edit.ExistingKinds.Kind;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import java.util.ArrayList;
import java.util.List;

/** The parameters Use Existing adds: the existing resource's ARN (or name), and each value the ARN cannot tell. */
final class ExistingParameters {

    private ExistingParameters() {}

    /** {@code Type: String}, empty by default, an {@code AllowedPattern} of the type's ARNs, and what it is for. */
    static Value given(String id, Kind kind) {
        String what = kind.byName() ? "Name" : "ARN";
        List<Entry> entries = new ArrayList<>();
        entries.add(Value.entry("Type", Value.plain("String")));
        entries.add(Value.entry("Default", Value.string("")));
        if (!kind.byName()) {
            Arns.pattern(kind.type()).ifPresent(pattern -> {
                entries.add(Value.entry("AllowedPattern", Value.string("^$|" + pattern)));
                entries.add(Value.entry("ConstraintDescription", Value.string("empty, or an ARN such as "
                        + Arns.example(kind.type()).orElse("arn:aws:..."))));
            });
        }
        entries.add(Value.entry("Description", Value.string(what + " of an existing " + kind.type() + " to use instead of "
                + "creating " + id + "; empty creates it. Set per environment in samconfig.toml's parameter_overrides")));
        return Value.mapping(entries);
    }

    /** {@code Type: String}, empty by default: asked per environment where the resource is an existing one. */
    static Value asked(String id, Kind kind, String output) {
        String what = output.equals("Ref") ? kind.ref().gives() : output;
        return Value.mapping(List.of(
                Value.entry("Type", Value.plain("String")),
                Value.entry("Default", Value.string("")),
                Value.entry("Description", Value.string(what + " of the existing " + kind.type() + " " + id
                        + " stands for where " + ExistingValues.parameter(id, kind) + " is set (it cannot be told from the " + (kind.byName() ? "name" : "ARN")
                        + "). Set per environment in samconfig.toml's parameter_overrides"))));
    }
}
