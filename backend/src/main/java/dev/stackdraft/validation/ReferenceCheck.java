package dev.stackdraft.validation;

import dev.stackdraft.catalog.ResourceCatalog;
import dev.stackdraft.catalog.ResourceKind;
import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.Reference;
import dev.stackdraft.template.References;
import dev.stackdraft.template.Resolution;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Span;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.IntrinsicForm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * References that name nothing ({@code unresolved-reference}, {@code unknown-condition}), and {@code GetAtt}s
 * of attributes their target's type does not have ({@code unknown-attribute}).
 */
final class ReferenceCheck {

    private final Template template;
    private final ResourceCatalog catalog;
    private final Report report;

    ReferenceCheck(Template template, ResourceCatalog catalog, Report report) {
        this.template = template;
        this.catalog = catalog;
        this.report = report;
    }

    void run() {
        if (template.dialect() == Dialect.SERVERLESS) {
            return; // serverless.yml names are generated at deploy time; the framework resolves them
        }
        List<Reference> references = References.in(template);
        Resolution.unresolved(template, references).forEach(this::unresolved);
        Map<String, Resource> resources = new HashMap<>();
        template.resources().forEach(r -> resources.putIfAbsent(r.id().value(), r));
        Set<String> parameters = new HashSet<>();
        template.parameters().forEach(p -> parameters.add(p.id().value()));
        for (Reference reference : references) {
            if (reference.kind() == Reference.Kind.DEPENDS_ON && parameters.contains(reference.target())
                    && !resources.containsKey(reference.target())) {
                report.error("unresolved-reference", place(reference), written(reference) + ": " + reference.target()
                        + " is a parameter; DependsOn names resources only");
                continue;
            }
            boolean getAtt = reference.kind() == Reference.Kind.GET_ATT
                    || reference.kind() == Reference.Kind.SUB && reference.attribute().isPresent();
            if (!getAtt) {
                continue;
            }
            Resource target = resources.get(reference.target());
            if (target != null) {
                reference.attribute().ifPresent(attribute -> attribute(reference, target, attribute));
            } else if (parameters.contains(reference.target())) {
                report.error("unresolved-reference", place(reference), written(reference) + ": " + reference.target()
                        + " is a parameter, and parameters have no attributes: use !Ref " + reference.target());
            }
        }
    }

    private void unresolved(Reference reference) {
        String target = reference.target();
        if (reference.kind() == Reference.Kind.CONDITION) {
            report.error("unknown-condition", place(reference), written(reference) + ": no condition named " + target
                    + " under Conditions" + orHint(target, template.conditionNames(), ": define it there or fix the name"));
            return;
        }
        List<String> names = new ArrayList<>();
        template.resources().forEach(r -> names.add(r.id().value()));
        String what = switch (reference.kind()) {
            case GET_ATT, DEPENDS_ON -> "resource";
            default -> {
                template.parameters().forEach(p -> names.add(p.id().value()));
                yield "resource or parameter";
            }
        };
        report.error("unresolved-reference", place(reference), written(reference) + ": no " + what + " named " + target
                + orHint(target, names, ": add it to the template or fix the name"));
    }

    private void attribute(Reference reference, Resource target, String attribute) {
        if (target.type().isCustom() || target.type().isSam()) {
            return;
        }
        Optional<ResourceKind> kind = catalog.kind(target.type().value());
        if (kind.isEmpty() || kind.get().acceptsAnyAttribute() || kind.get().isCustom() || kind.get().sam()
                || kind.get().hasAttribute(attribute)) {
            return;
        }
        Set<String> attributes = kind.get().attributes();
        String fix = attributes.isEmpty() ? ": " + target.type() + " has no attributes for GetAtt; use !Ref"
                : Suggestions.closest(attribute, attributes).map(s -> "; did you mean " + s + "?")
                        .orElse("; it has " + String.join(", ", attributes));
        report.error("unknown-attribute", place(reference), written(reference) + ": " + target.type()
                + " has no attribute " + attribute + fix);
    }

    private static String orHint(String name, List<String> known, String otherwise) {
        return Suggestions.closest(name, known).map(s -> "; did you mean " + s + "?").orElse(otherwise);
    }

    /** The reference as the file writes it: {@code !Ref Foo}, {@code Ref: Foo}, {@code ${Foo.Arn} in !Sub} ... */
    private String written(Reference reference) {
        String target = reference.target();
        String attribute = reference.attribute().map(a -> "." + a).orElse("");
        return switch (reference.kind()) {
            case REF -> fn(reference, "!Ref ", "Ref: ") + target;
            case GET_ATT -> fn(reference, "!GetAtt ", "Fn::GetAtt: ") + target + attribute;
            case SUB -> "${" + target + attribute + "} in " + fn(reference, "!Sub", "Fn::Sub");
            case DEPENDS_ON -> "DependsOn " + target;
            case CONDITION -> "Condition " + target;
        };
    }

    /** The short or the long spelling, as the intrinsic function holding the reference is written. */
    private String fn(Reference reference, String shortForm, String longForm) {
        Value holder = null;
        for (var path = reference.path(); !path.isEmpty(); path = path.parent()) {
            Optional<Value> at = template.at(path);
            if (at.isPresent() && at.get() instanceof Intrinsic fn) {
                holder = fn;
                break;
            }
        }
        return holder instanceof Intrinsic fn && fn.form() == IntrinsicForm.LONG ? longForm : shortForm;
    }

    /** The reference's own place: for a Sub variable, the {@code ${} inside the string. */
    private Span place(Reference reference) {
        if (reference.kind() == Reference.Kind.SUB) {
            Span exact = report.within(reference.span(), "${" + reference.target());
            return exact;
        }
        return reference.span();
    }
}
