package dev.stackdraft.editing.links;

import dev.stackdraft.graph.Edge;
import dev.stackdraft.graph.ResourceGraph;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ServerlessNames;
import dev.stackdraft.template.Template;
import org.jspecify.annotations.Nullable;

/** The template the linkers look at, with its graph and dependencies, built once per question and only if asked. */
final class LinkContext {

    private final Template template;
    private @Nullable ResourceGraph graph;
    private @Nullable Dependencies dependencies;

    LinkContext(Template template) {
        this.template = template;
    }

    Template template() {
        return template;
    }

    ResourceGraph graph() {
        if (graph == null) {
            graph = ResourceGraph.of(template);
        }
        return graph;
    }

    boolean hasEdge(String from, String to, String kind) {
        return graph().edges().contains(new Edge(from, to, kind));
    }

    /**
     * Whether making {@code user} depend on {@code used} (a Ref in its variables, a policy on its role) would close
     * a cycle CloudFormation refuses: {@code used} already depends on {@code user}, directly or through others.
     */
    boolean wouldCycle(String user, String used) {
        if (dependencies == null) {
            dependencies = Dependencies.of(template, graph());
        }
        return user.equals(used) || dependencies.dependsOn(used, user);
    }

    /**
     * Whether {@code user} may name {@code used}: a resource under a condition may only be named by resources
     * under the same condition (else the stack fails whenever the condition is false).
     */
    static boolean conditionsAllow(Resource user, Resource used) {
        return used.condition().isEmpty() || used.condition().equals(user.condition());
    }

    /** The logical id a Ref names a resource by: a serverless.yml function's or layer's is the framework's. */
    static String refId(Resource resource) {
        return ServerlessNames.logicalId(resource).orElse(resource.id().value());
    }

    static String id(Resource resource) {
        return resource.id().value();
    }
}
