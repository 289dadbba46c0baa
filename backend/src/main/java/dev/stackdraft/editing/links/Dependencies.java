package dev.stackdraft.editing.links;

import dev.stackdraft.graph.Edge;
import dev.stackdraft.graph.Node;
import dev.stackdraft.graph.ResourceGraph;
import dev.stackdraft.template.Reference;
import dev.stackdraft.template.References;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.SamDerivedNames;
import dev.stackdraft.template.Template;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which resource depends on which once SAM has translated the template, as far as a link can change it: every
 * reference, policy, layer and data source edge of the graph (the holder depends on what it names: a policy through
 * the function's role), and the event sources SAM writes the function into (a bucket's notifications, an API's
 * definition, a user pool's triggers), which then depend on the function; and a reference to a name SAM derives
 * from a resource ({@code !Ref MyFunction.Alias}), which the graph draws no edge for. Connectors and other event
 * sources become resources of their own and make neither end depend on the other.
 */
final class Dependencies {

    /** Event sources whose own definition SAM makes name the function. */
    private static final Set<String> WRITTEN_INTO = Set.of("AWS::S3::Bucket", "AWS::Serverless::Api",
            "AWS::Serverless::HttpApi", "AWS::Cognito::UserPool");
    private static final Set<String> DEPENDING = Set.of(Edge.REF, Edge.GET_ATT, Edge.SUB, Edge.DEPENDS_ON, Edge.POLICY,
            Edge.LAYER, Edge.DATASOURCE);

    private final Map<String, Set<String>> direct = new HashMap<>();

    private Dependencies() {}

    static Dependencies of(Template template, ResourceGraph graph) {
        Dependencies dependencies = new Dependencies();
        Map<String, String> types = new HashMap<>();
        graph.nodes().forEach(n -> types.put(n.id(), n.type()));
        for (Edge edge : graph.edges()) {
            if (DEPENDING.contains(edge.kind())) {
                dependencies.add(edge.from(), edge.to());
            } else if (edge.kind().equals(Edge.EVENT) && WRITTEN_INTO.contains(types.getOrDefault(edge.from(), Node.EXTERNAL))) {
                dependencies.add(edge.from(), edge.to());
            }
        }
        SamDerivedNames derived = SamDerivedNames.of(template);
        for (Resource resource : template.resources()) {
            for (Reference reference : References.below(resource.definition(), resource.path())) {
                String target = reference.target();
                if (reference.kind() != Reference.Kind.CONDITION && template.resource(target).isEmpty()) {
                    // a name SAM derives (MyFunction.Alias, MyFunctionMyEventPermission) stands for a resource that
                    // needs its owner; a function's own role is the one the owner needs instead
                    derived.owner(target).filter(owner -> !target.equals(owner + "Role"))
                            .ifPresent(owner -> dependencies.add(resource.id().value(), owner));
                }
            }
        }
        return dependencies;
    }

    /** Whether SAM writes the function into an event source of this type, which then depends on the function. */
    static boolean writesFunctionInto(String sourceType) {
        return WRITTEN_INTO.contains(sourceType);
    }

    /** Whether {@code a} needs {@code b} created first, directly or through others. */
    boolean dependsOn(String a, String b) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.push(a);
        while (!todo.isEmpty()) {
            String next = todo.pop();
            for (String needed : direct.getOrDefault(next, Set.of())) {
                if (needed.equals(b)) {
                    return true;
                }
                if (seen.add(needed)) {
                    todo.push(needed);
                }
            }
        }
        return false;
    }

    private void add(String from, String to) {
        direct.computeIfAbsent(from, k -> new HashSet<>()).add(to);
    }
}
