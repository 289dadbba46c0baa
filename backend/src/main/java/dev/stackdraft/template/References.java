package dev.stackdraft.template;

import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import dev.stackdraft.template.Value.Tagged;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds every {@link Reference} below a value: the one walk that the graph, validation and renames share,
 * so that they agree on what refers to what. Sub's own variables ({@code Fn::Sub: [str, {Var: ...}]}) shadow
 * logical ids inside that string and are not references.
 */
public final class References {

    private References() {}

    /** Every reference in the whole template, including {@code DependsOn} and {@code Condition} attributes. */
    public static List<Reference> in(Template template) {
        List<Reference> out = new ArrayList<>();
        walk(template.root(), DocPath.ROOT, out);
        for (Resource resource : template.resources()) {
            out.addAll(dependsOn(resource));
        }
        return out;
    }

    /** The references below one value, found at {@code path}. */
    public static List<Reference> below(Value value, DocPath path) {
        List<Reference> out = new ArrayList<>();
        walk(value, path, out);
        return out;
    }

    /** A resource's {@code DependsOn} names; a serverless.yml function spells the key {@code dependsOn}. */
    public static List<Reference> dependsOn(Resource resource) {
        String key = resource.type().equals(ResourceType.SERVERLESS_FUNCTION) ? "dependsOn" : "DependsOn";
        List<Reference> out = new ArrayList<>();
        resource.definition().get(key).ifPresent(value -> {
            DocPath path = resource.path().child(key);
            if (value instanceof Scalar s) {
                out.add(new Reference(Reference.Kind.DEPENDS_ON, s.text(), Optional.empty(), path, s.span()));
            } else if (value instanceof Sequence seq) {
                for (int i = 0; i < seq.items().size(); i++) {
                    if (seq.items().get(i) instanceof Scalar s) {
                        out.add(new Reference(Reference.Kind.DEPENDS_ON, s.text(), Optional.empty(), path.child(i), s.span()));
                    }
                }
            }
        });
        return out;
    }

    private static void walk(Value value, DocPath path, List<Reference> out) {
        switch (value) {
            case Scalar s -> { }
            case Sequence seq -> {
                for (int i = 0; i < seq.items().size(); i++) {
                    walk(seq.items().get(i), path.child(i), out);
                }
            }
            case Mapping m -> {
                for (Entry e : m.entries()) {
                    DocPath child = path.child(e.name());
                    if (e.name().equals("Condition") && e.value() instanceof Scalar s && isConditionAttribute(path)) {
                        out.add(new Reference(Reference.Kind.CONDITION, s.text(), Optional.empty(), child, s.span()));
                    } else {
                        walk(e.value(), child, out);
                    }
                }
            }
            case Intrinsic fn -> intrinsic(fn, path.child(fn.fn().longName()), out);
            case Tagged t -> walk(t.value(), path.child(t.tag()), out);
        }
    }

    /**
     * {@code Condition: Name} names a condition on a resource, an output, inside Conditions (long form of
     * {@code !Condition}), and in SAM's per-event / per-policy conditions; it never does in Properties data
     * such as an IAM policy statement's {@code Condition} block (a mapping there, never a scalar).
     */
    private static boolean isConditionAttribute(DocPath parent) {
        List<Object> s = parent.segments();
        return !s.isEmpty() && (s.size() == 2 && (s.getFirst().equals("Resources") || s.getFirst().equals("Outputs"))
                || s.getFirst().equals("Conditions") || s.contains("Fn::If") || s.contains("Fn::And")
                || s.contains("Fn::Or") || s.contains("Fn::Not"));
    }

    private static void intrinsic(Intrinsic fn, DocPath argPath, List<Reference> out) {
        Value arg = fn.argument();
        switch (fn.fn()) {
            case REF -> {
                if (arg instanceof Scalar s) {
                    out.add(new Reference(Reference.Kind.REF, s.text(), Optional.empty(), argPath, s.span()));
                } else {
                    walk(arg, argPath, out);
                }
            }
            case GET_ATT -> getAtt(arg, argPath, out);
            case SUB -> sub(arg, argPath, out);
            case CONDITION -> {
                if (arg instanceof Scalar s) {
                    out.add(new Reference(Reference.Kind.CONDITION, s.text(), Optional.empty(), argPath, s.span()));
                }
            }
            case IF -> {
                if (arg instanceof Sequence seq && !seq.items().isEmpty() && seq.items().getFirst() instanceof Scalar s) {
                    out.add(new Reference(Reference.Kind.CONDITION, s.text(), Optional.empty(), argPath.child(0), s.span()));
                    for (int i = 1; i < seq.items().size(); i++) {
                        walk(seq.items().get(i), argPath.child(i), out);
                    }
                } else {
                    walk(arg, argPath, out);
                }
            }
            default -> walk(arg, argPath, out);
        }
    }

    private static void getAtt(Value arg, DocPath path, List<Reference> out) {
        if (arg instanceof Scalar s) {
            int dot = s.text().indexOf('.');
            String target = dot < 0 ? s.text() : s.text().substring(0, dot);
            Optional<String> attribute = dot < 0 ? Optional.empty() : Optional.of(s.text().substring(dot + 1));
            out.add(new Reference(Reference.Kind.GET_ATT, target, attribute, path, s.span()));
        } else if (arg instanceof Sequence seq && !seq.items().isEmpty() && seq.items().getFirst() instanceof Scalar s) {
            Optional<String> attribute = seq.items().size() > 1 && seq.items().get(1) instanceof Scalar a
                    ? Optional.of(a.text()) : Optional.empty();
            out.add(new Reference(Reference.Kind.GET_ATT, s.text(), attribute, path.child(0), s.span()));
            for (int i = 1; i < seq.items().size(); i++) {
                walk(seq.items().get(i), path.child(i), out);
            }
        } else {
            walk(arg, path, out);
        }
    }

    private static void sub(Value arg, DocPath path, List<Reference> out) {
        Scalar string;
        DocPath stringPath;
        Set<String> locals = new HashSet<>();
        if (arg instanceof Scalar s) {
            string = s;
            stringPath = path;
        } else if (arg instanceof Sequence seq && !seq.items().isEmpty() && seq.items().getFirst() instanceof Scalar s) {
            string = s;
            stringPath = path.child(0);
            if (seq.items().size() > 1) {
                if (seq.items().get(1) instanceof Mapping vars) {
                    locals.addAll(vars.keys());
                }
                walk(seq.items().get(1), path.child(1), out);
            }
        } else {
            walk(arg, path, out);
            return;
        }
        for (SubString.Variable v : SubString.variables(string.text())) {
            if (!locals.contains(v.name())) {
                Optional<String> attribute = v.attribute().isEmpty() ? Optional.empty() : Optional.of(v.attribute());
                out.add(new Reference(Reference.Kind.SUB, v.name(), attribute, stringPath, string.span()));
            }
        }
    }
}
