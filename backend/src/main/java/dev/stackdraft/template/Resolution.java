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
     * function's generated {@code MyFunctionRole}, {@code ServerlessRestApi}; see {@link SamDerivedNames}) count
     * as resolved; serverless files generate their names at deploy time and are not checked.
     */
    public static List<Reference> unresolved(Template template) {
        return unresolved(template, References.in(template));
    }

    /** The same, for a caller that already holds {@code References.in(template)}. */
    public static List<Reference> unresolved(Template template, List<Reference> references) {
        if (template.dialect() == Dialect.SERVERLESS) {
            return List.of();
        }
        Set<String> referable = referable(template);
        Set<String> conditions = new HashSet<>(template.conditionNames());
        ForEachLoops loops = new ForEachLoops(template);
        SamDerivedNames derived = SamDerivedNames.of(template);
        return references.stream()
                .filter(r -> !r.isPseudoParameter())
                .filter(r -> !loops.defines(r))
                .filter(r -> r.kind() == Reference.Kind.CONDITION ? !conditions.contains(r.target())
                        : !referable.contains(r.target()) && !samGenerated(template, derived, r.target()))
                .toList();
    }

    private static boolean samGenerated(Template template, SamDerivedNames derived, String target) {
        return template.isSam() && SAM_STACK_NAMES.contains(target) || derived.owner(target).isPresent();
    }
}
