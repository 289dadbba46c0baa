package dev.stackdraft.template;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which names a template defines for references, and which of its references name nothing. Shared by
 * validation (it reports them) and editing (an edit may not add one).
 */
public final class Resolution {

    /** Names the SAM transform generates for the whole stack; references to them are fine. */
    private static final Set<String> SAM_STACK_NAMES = Set.of("ServerlessRestApi", "ServerlessHttpApi",
            "ServerlessDeploymentApplication", "ServerlessRestApiProdStage", "ServerlessHttpApiApiGatewayDefaultStage");

    private Resolution() {}

    public static Set<String> referable(Template template) {
        Set<String> names = new HashSet<>();
        template.resources().forEach(r -> names.add(r.id().value()));
        template.parameters().forEach(p -> names.add(p.id().value()));
        return names;
    }

    /**
     * References to no resource, parameter or condition. References the SAM transform will satisfy (a
     * function's generated {@code MyFunctionRole}, {@code ServerlessRestApi}) count as resolved; serverless
     * files generate their names at deploy time and are not checked.
     */
    public static List<Reference> unresolved(Template template) {
        if (template.dialect() == Dialect.SERVERLESS) {
            return List.of();
        }
        Set<String> referable = referable(template);
        Set<String> conditions = new HashSet<>(template.conditionNames());
        Set<String> loopIdentifiers = new HashSet<>();
        collectLoopIdentifiers(template.root(), loopIdentifiers);
        List<String> samIds = template.resources().stream().filter(r -> r.type().isSam()).map(r -> r.id().value()).toList();
        return References.in(template).stream()
                .filter(r -> !r.isPseudoParameter())
                .filter(r -> !boundByLoop(r, loopIdentifiers))
                .filter(r -> r.kind() == Reference.Kind.CONDITION ? !conditions.contains(r.target())
                        : !referable.contains(r.target()) && !samGenerated(template, samIds, r.target()))
                .toList();
    }

    /**
     * Inside an {@code Fn::ForEach} loop (LanguageExtensions) the loop's identifier and the ids built from it
     * ({@code Bucket${Name}}, {@code Bucket&{Name}}) are bound per iteration; other names there still count.
     */
    private static boolean boundByLoop(Reference reference, Set<String> identifiers) {
        boolean inLoop = reference.path().segments().stream().anyMatch(s -> s instanceof String k && k.startsWith("Fn::ForEach::"));
        return inLoop && (identifiers.contains(reference.target()) || reference.target().contains("${")
                || reference.target().contains("&{"));
    }

    /** {@code Fn::ForEach::Name: [Identifier, Collection, Template]}: the identifiers, wherever loops are. */
    private static void collectLoopIdentifiers(Value value, Set<String> out) {
        if (value instanceof Value.Mapping m) {
            for (Value.Entry e : m.entries()) {
                if (e.name().startsWith("Fn::ForEach::") && e.value() instanceof Value.Sequence seq
                        && !seq.items().isEmpty() && seq.items().getFirst() instanceof Value.Scalar id) {
                    out.add(id.text());
                }
                collectLoopIdentifiers(e.value(), out);
            }
        } else if (value instanceof Value.Sequence seq) {
            seq.items().forEach(item -> collectLoopIdentifiers(item, out));
        } else if (value instanceof Value.Intrinsic fn) {
            collectLoopIdentifiers(fn.argument(), out);
        }
    }

    private static boolean samGenerated(Template template, List<String> samIds, String target) {
        if (!template.isSam()) {
            return false;
        }
        return SAM_STACK_NAMES.contains(target) || samIds.stream().anyMatch(id -> target.startsWith(id) && !target.equals(id));
    }
}
