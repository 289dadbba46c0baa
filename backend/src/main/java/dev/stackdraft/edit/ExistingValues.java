package dev.stackdraft.edit;

import dev.stackdraft.edit.ExistingKinds.Expression;
import dev.stackdraft.edit.ExistingKinds.Kind;
import dev.stackdraft.edit.ExistingKinds.Output;
import dev.stackdraft.template.Fn;
import dev.stackdraft.template.SubString;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import dev.stackdraft.template.Value.Tagged;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an existing resource gives where the template refers to the one it would create: each {@code Ref} and
 * {@code GetAtt} of the resource (also inside {@code Fn::Sub} strings) rewritten to a value derived from the parameter
 * that holds the existing one's ARN or name, or to a further parameter asked per environment. Collects those further
 * parameters as it meets them.
 */
final class ExistingValues {

    private final String resource;
    private final Kind kind;
    private final String parameter;
    /** The names a new Sub variable must not take (every id and parameter of the template). */
    private final Set<String> taken;
    private final Map<String, String> asked = new LinkedHashMap<>();

    ExistingValues(String resource, Kind kind, Set<String> taken) {
        this.resource = resource;
        this.kind = kind;
        this.parameter = parameter(resource, kind);
        this.taken = taken;
    }

    static String parameter(String resource, Kind kind) {
        return resource + (kind.byName() ? "ExistingName" : "ExistingArn");
    }

    static String condition(String resource) {
        return resource + "IsNew";
    }

    /** The parameter asked for an output that cannot be derived: {@code <Resource>Existing<Attribute>}. */
    String askedParameter(String output) {
        return resource + "Existing" + label(output);
    }

    /** The outputs asked for so far, by their parameter's name. */
    Map<String, String> asked() {
        return asked;
    }

    Kind kind() {
        return kind;
    }

    private String label(String output) {
        return (output.equals("Ref") ? kind.ref().gives() : output).replace(".", "");
    }

    /** What the existing resource gives for {@code output}: {@code Ref} or an attribute. */
    Value of(String output) {
        return of(kind.output(output), new HashSet<>());
    }

    private Value of(Output output, Set<String> seen) {
        return switch (output.value()) {
            case Expression.Given g -> Value.ref(parameter);
            case Expression.Part p -> part(p.index(), p.separator());
            case Expression.Ask a -> {
                String name = askedParameter(output.name());
                asked.putIfAbsent(name, output.name());
                yield Value.ref(name);
            }
            case Expression.Sub s -> sub(s.text(), output, seen);
        };
    }

    private Value part(int index, String separator) {
        return Value.intrinsic(Fn.SELECT, Value.sequence(List.of(Value.number(index),
                Value.intrinsic(Fn.SPLIT, Value.sequence(List.of(Value.string(separator), Value.ref(parameter)))))));
    }

    private Value sub(String text, Output output, Set<String> seen) {
        if (!seen.add(output.name())) {
            throw new IllegalStateException("existing-outputs.tsv: " + kind.type() + " " + output.name() + " names itself");
        }
        Map<String, Value> values = new LinkedHashMap<>();
        for (SubString.Variable v : SubString.variables(text)) {
            String name = v.name();
            if (name.startsWith("AWS::") || values.containsKey(name)) {
                continue;
            }
            values.put(name, switch (name) {
                case "Partition" -> part(1, ":");
                case "Region" -> part(3, ":");
                case "Account" -> part(4, ":");
                default -> of(kind.giving(name).orElseThrow(() -> new IllegalStateException(
                        "existing-outputs.tsv: " + kind.type() + " has no output giving " + name)), seen);
            });
        }
        seen.remove(output.name());
        return subOf(text, values);
    }

    /** {@code Fn::Sub} of {@code text} with {@code values} for its variables; a parameter's Ref is written into the text. */
    private static Value subOf(String text, Map<String, Value> values) {
        String written = SubString.rename(text, name -> values.get(name) instanceof Intrinsic fn && fn.fn() == Fn.REF
                && fn.argument() instanceof Scalar s ? s.text() : name);
        List<Entry> variables = new ArrayList<>();
        values.forEach((name, value) -> {
            if (!(value instanceof Intrinsic fn && fn.fn() == Fn.REF)) {
                variables.add(Value.entry(name, value));
            }
        });
        return variables.isEmpty() ? Value.intrinsic(Fn.SUB, Value.string(written))
                : Value.intrinsic(Fn.SUB, Value.sequence(List.of(Value.string(written), Value.mapping(variables))));
    }

    /**
     * {@code value} with every reference to the resource replaced by what the existing one gives: the third argument of
     * the {@code !If} that wraps a place which refers to it.
     */
    Value existing(Value value) {
        return switch (value) {
            case Intrinsic fn when fn.fn() == Fn.REF && fn.argument() instanceof Scalar s && s.text().equals(resource) -> of("Ref");
            case Intrinsic fn when fn.fn() == Fn.GET_ATT && attribute(fn.argument()).isPresent() -> of(attribute(fn.argument()).get());
            case Intrinsic fn when fn.fn() == Fn.SUB -> sub(fn);
            case Intrinsic fn -> new Intrinsic(fn.fn(), existing(fn.argument()), fn.form(), fn.span());
            case Sequence s -> new Sequence(s.items().stream().map(this::existing).toList(), s.flow(), s.span());
            case Mapping m -> new Mapping(m.entries().stream().map(e -> new Entry(e.key(), existing(e.value()))).toList(),
                    m.flow(), m.span());
            case Tagged t -> new Tagged(t.tag(), existing(t.value()), t.span());
            case Scalar s -> s;
        };
    }

    /** The attribute a {@code GetAtt} of the resource asks for (both forms), if it is one of this resource. */
    private Optional<String> attribute(Value argument) {
        if (argument instanceof Scalar s && s.text().startsWith(resource + ".")) {
            return Optional.of(s.text().substring(resource.length() + 1));
        }
        if (argument instanceof Sequence seq && seq.items().size() == 2 && seq.items().get(0) instanceof Scalar id
                && id.text().equals(resource) && seq.items().get(1) instanceof Scalar attribute) {
            return Optional.of(attribute.text());
        }
        return Optional.empty();
    }

    private Value sub(Intrinsic fn) {
        Scalar string;
        Mapping variables = null;
        if (fn.argument() instanceof Scalar s) {
            string = s;
        } else if (fn.argument() instanceof Sequence seq && !seq.items().isEmpty() && seq.items().getFirst() instanceof Scalar s) {
            string = s;
            if (seq.items().size() > 1 && seq.items().get(1) instanceof Mapping m) {
                variables = m;
            }
        } else {
            return new Intrinsic(fn.fn(), existing(fn.argument()), fn.form(), fn.span());
        }
        Set<String> locals = new HashSet<>(variables == null ? List.of() : variables.keys());
        Set<String> names = new HashSet<>(locals);
        SubString.variables(string.text()).forEach(v -> names.add(v.name()));
        Map<String, Value> added = new LinkedHashMap<>();
        Map<String, String> nameOf = new LinkedHashMap<>();
        String text = string.text();
        List<SubString.Variable> found = SubString.variables(text);
        StringBuilder out = new StringBuilder(text);
        for (int k = found.size() - 1; k >= 0; k--) {
            SubString.Variable v = found.get(k);
            if (!v.name().equals(resource) || locals.contains(v.name())) {
                continue;
            }
            String output = v.attribute().isEmpty() ? "Ref" : v.attribute();
            Value existing = of(output);
            String replacement;
            if (existing instanceof Intrinsic ref && ref.fn() == Fn.REF && ref.argument() instanceof Scalar p) {
                replacement = p.text();
            } else {
                replacement = nameOf.computeIfAbsent(output, o -> variableName(o, names));
                added.putIfAbsent(replacement, existing);
            }
            int close = text.indexOf('}', v.end());
            out.replace(v.start(), close, replacement);
        }
        List<Entry> entries = new ArrayList<>();
        if (variables != null) {
            variables.entries().forEach(e -> entries.add(new Entry(e.key(), existing(e.value()))));
        }
        added.forEach((name, value) -> entries.add(Value.entry(name, value)));
        Value written = Value.string(out.toString());
        return entries.isEmpty() ? Value.intrinsic(Fn.SUB, written)
                : Value.intrinsic(Fn.SUB, Value.sequence(List.of(written, Value.mapping(entries))));
    }

    /** A Sub variable for an output, e.g. {@code OrdersTableExistingTableName}, unused by the string and the template. */
    private String variableName(String output, Set<String> names) {
        String base = resource + "Existing" + label(output);
        String name = base;
        for (int i = 2; names.contains(name) || taken.contains(name) || asked.containsKey(name); i++) {
            name = base + i;
        }
        names.add(name);
        return name;
    }
}
