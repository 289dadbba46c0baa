package dev.stackdraft.validation;

import dev.stackdraft.graph.ResourceGraph;
import dev.stackdraft.template.Reference;
import dev.stackdraft.template.References;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Span;
import dev.stackdraft.template.Template;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Dependency cycles among resources ({@code circular-dependency}), as the resource graph finds them: one
 * finding per cycle, at the first reference of its first resource that leads back into the cycle.
 */
final class CycleCheck {

    private final Template template;
    private final Report report;

    CycleCheck(Template template, Report report) {
        this.template = template;
        this.report = report;
    }

    void run() {
        List<List<String>> cycles = ResourceGraph.of(template).cycles();
        for (List<String> cycle : cycles) {
            Optional<Resource> first = template.resource(cycle.getFirst());
            if (first.isEmpty()) {
                continue;
            }
            Set<String> members = new HashSet<>(cycle);
            Span where = closing(first.get(), members).orElse(first.get().key().span());
            String names = cycle.size() == 1 ? cycle.getFirst() + " refers to itself"
                    : names(cycle) + " depend on each other in a cycle";
            report.error("circular-dependency", where, names + ", which CloudFormation refuses: remove one of the "
                    + "references (Ref, GetAtt, Sub or DependsOn) that close" + (cycle.size() == 1 ? "s" : "") + " it");
        }
    }

    /** The first reference (DependsOn included) of {@code resource} to a member of the cycle. */
    private Optional<Span> closing(Resource resource, Set<String> members) {
        List<Reference> references = new ArrayList<>(References.below(resource.definition(), resource.path()));
        references.addAll(References.dependsOn(resource));
        return references.stream()
                .filter(r -> members.contains(r.target()) && r.span().isKnown())
                .min(Comparator.comparingInt(r -> r.span().start()))
                .map(r -> r.kind() == Reference.Kind.SUB ? report.within(r.span(), "${" + r.target()) : r.span());
    }

    private static String names(List<String> cycle) {
        if (cycle.size() == 2) {
            return cycle.get(0) + " and " + cycle.get(1);
        }
        return String.join(", ", cycle.subList(0, cycle.size() - 1)) + " and " + cycle.getLast();
    }
}
