package dev.stackdraft.validation;

import dev.stackdraft.graph.ResourceGraph;
import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.Reference;
import dev.stackdraft.template.References;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.Span;
import dev.stackdraft.template.SubString;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import dev.stackdraft.template.Value.Tagged;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Dependency cycles among resources ({@code circular-dependency}), as the resource graph finds them: one
 * finding per cycle, at the first reference of its first resource that leads back into the cycle.
 *
 * <p>The resource graph is built only when a quick look says there may be a cycle (building it is the costliest
 * part of a cold validation): each resource is taken to depend on every resource whose logical id any string in
 * its definition, or for a SAM resource in the {@code Globals} section of its type ({@code Globals.Function.Layers}
 * ...), could name: whole, stripped, before a dot ({@code GetAtt}) or as a {@code Sub} variable. The graph's
 * dependencies are a subset of these (its mentions all come from such strings), so when these have no cycle,
 * the graph has none; when they have one, the graph, which stays the one judge, is asked.
 */
final class CycleCheck {

    private static final String SAM_PREFIX = "AWS::Serverless::";

    private final Template template;
    private final Report report;

    CycleCheck(Template template, Report report) {
        this.template = template;
        this.report = report;
    }

    void run() {
        if (!mayHaveCycles()) {
            return; // most templates: the whole resource graph (the costliest check, cold) is not needed
        }
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

    /** Whether the resources' possible dependencies (see above) have a cycle. */
    boolean mayHaveCycles() {
        if (template.dialect() == Dialect.SERVERLESS || template.resources().stream().anyMatch(r ->
                r.type().equals(ResourceType.SERVERLESS_FUNCTION) || r.type().equals(ResourceType.SERVERLESS_LAYER))) {
            return true; // the framework generates logical ids and functions inherit from provider: ask the graph
        }
        Map<String, Integer> ids = new HashMap<>();
        for (Resource resource : template.resources()) {
            ids.putIfAbsent(resource.id().value(), ids.size());
        }
        Map<String, BitSet> inherited = new HashMap<>(); // by Globals section
        BitSet[] dependsOn = new BitSet[ids.size()];
        for (Resource resource : template.resources()) {
            int from = ids.get(resource.id().value());
            if (dependsOn[from] == null) {
                dependsOn[from] = new BitSet();
            }
            names(resource.definition(), ids, dependsOn[from]);
            String type = resource.type().value();
            if (type.startsWith(SAM_PREFIX)) {
                String section = type.substring(SAM_PREFIX.length());
                dependsOn[from].or(inherited.computeIfAbsent(section, k -> {
                    BitSet names = new BitSet();
                    template.globals().flatMap(g -> g.get(k)).ifPresent(globals -> names(globals, ids, names));
                    return names;
                }));
            }
        }
        return hasCycle(dependsOn);
    }

    /** Every resource a string below {@code value} could name. */
    private static void names(Value value, Map<String, Integer> ids, BitSet out) {
        switch (value) {
            case Scalar s -> name(s.text(), ids, out);
            case Sequence seq -> {
                for (Value item : seq.items()) {
                    names(item, ids, out);
                }
            }
            case Mapping m -> {
                for (Entry e : m.entries()) {
                    names(e.value(), ids, out);
                }
            }
            case Intrinsic fn -> names(fn.argument(), ids, out);
            case Tagged t -> names(t.value(), ids, out);
        }
    }

    private static void name(String text, Map<String, Integer> ids, BitSet out) {
        mark(text, ids, out);
        mark(text.strip(), ids, out);
        int dot = text.indexOf('.');
        if (dot > 0) {
            mark(text.substring(0, dot), ids, out);
        }
        if (text.contains("${")) {
            for (SubString.Variable variable : SubString.variables(text)) {
                mark(variable.name(), ids, out);
            }
        }
    }

    private static void mark(String name, Map<String, Integer> ids, BitSet out) {
        Integer id = ids.get(name);
        if (id != null) {
            out.set(id);
        }
    }

    /** Depth-first search for a back edge (a resource that depends on itself counts). */
    private static boolean hasCycle(BitSet[] dependsOn) {
        int n = dependsOn.length;
        byte[] state = new byte[n]; // 0 not seen, 1 on the path, 2 done
        int[] path = new int[n];
        int[] next = new int[n];
        for (int root = 0; root < n; root++) {
            if (state[root] != 0) {
                continue;
            }
            int depth = 0;
            path[0] = root;
            next[0] = dependsOn[root].nextSetBit(0);
            state[root] = 1;
            while (depth >= 0) {
                int at = path[depth];
                int to = next[depth];
                if (to < 0) {
                    state[at] = 2;
                    depth--;
                    continue;
                }
                next[depth] = dependsOn[at].nextSetBit(to + 1);
                if (state[to] == 1) {
                    return true;
                }
                if (state[to] == 0) {
                    state[to] = 1;
                    depth++;
                    path[depth] = to;
                    next[depth] = dependsOn[to].nextSetBit(0);
                }
            }
        }
        return false;
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
