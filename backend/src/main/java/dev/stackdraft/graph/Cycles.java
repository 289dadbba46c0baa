package dev.stackdraft.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dependency cycles among resources, which CloudFormation refuses: the strongly connected components of the
 * "refers to" relation with more than one resource (Tarjan), and each resource that refers to itself. Each
 * cycle once, its ids in template order; cycles ordered by their first id.
 */
final class Cycles {

    private final Map<String, Set<String>> dependsOn;
    private final Map<String, Integer> order = new HashMap<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new HashSet<>();
    private final List<List<String>> cycles = new ArrayList<>();

    private Cycles(Map<String, Set<String>> dependsOn) {
        this.dependsOn = dependsOn;
        dependsOn.keySet().forEach(id -> order.putIfAbsent(id, order.size()));
    }

    /** @param dependsOn each resource (in template order) → the resources it refers to */
    static List<List<String>> of(Map<String, Set<String>> dependsOn) {
        Cycles search = new Cycles(dependsOn);
        for (String id : dependsOn.keySet()) {
            if (!search.index.containsKey(id)) {
                search.visit(id);
            }
        }
        search.cycles.sort(Comparator.comparingInt(c -> search.order.get(c.getFirst())));
        return List.copyOf(search.cycles);
    }

    private void visit(String id) {
        index.put(id, index.size());
        low.put(id, index.get(id));
        stack.push(id);
        onStack.add(id);
        for (String next : dependsOn.getOrDefault(id, Set.of())) {
            if (!order.containsKey(next)) {
                continue;
            }
            if (!index.containsKey(next)) {
                visit(next);
                low.put(id, Math.min(low.get(id), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(id, Math.min(low.get(id), index.get(next)));
            }
        }
        if (low.get(id).equals(index.get(id))) {
            List<String> component = new ArrayList<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(id));
            if (component.size() > 1 || dependsOn.getOrDefault(id, Set.of()).contains(id)) {
                component.sort(Comparator.comparingInt(order::get));
                cycles.add(List.copyOf(component));
            }
        }
    }
}
