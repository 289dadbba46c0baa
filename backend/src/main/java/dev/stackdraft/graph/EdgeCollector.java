package dev.stackdraft.graph;

import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks each resource once: its mentions in document order (then those it inherits from Globals / provider),
 * each given the kind of the place it stands in, resolved to a node, and turned into an edge. Also records
 * which resources each resource depends on, for cycles: any mention whichever way its edge points, except in
 * the places the SAM transform moves out of the resource ({@link Sites#movedOut}).
 */
final class EdgeCollector {

    private final Template template;
    private final Targets targets;
    private final Set<Edge> edges = new LinkedHashSet<>();
    private final Map<String, Set<String>> dependencies = new LinkedHashMap<>();

    EdgeCollector(Template template) {
        this.template = template;
        this.targets = new Targets(template);
    }

    EdgeCollector collect() {
        template.resources().forEach(this::collect);
        return this;
    }

    List<Edge> edges() {
        return List.copyOf(edges);
    }

    Map<String, Set<String>> dependencies() {
        return dependencies;
    }

    List<Node> nodes() {
        Set<String> ends = new LinkedHashSet<>();
        edges.forEach(e -> {
            ends.add(e.from());
            ends.add(e.to());
        });
        return targets.nodes(ends);
    }

    private void collect(Resource resource) {
        String id = resource.id().value();
        Sites sites = Sites.of(resource, template);
        List<Mention> mentions = new ArrayList<>(Mentions.below(resource.definition(), resource.path()));
        mentions.addAll(Mentions.dependsOn(resource));
        mentions.addAll(sites.extra());
        mentions.sort(Comparator.comparingInt(m -> m.span().start()));
        mentions.addAll(sites.inherited());
        Set<String> depends = dependencies.computeIfAbsent(id, k -> new LinkedHashSet<>());
        List<String> sources = new ArrayList<>();
        List<String> destinations = new ArrayList<>();
        for (Mention mention : mentions) {
            Role role = sites.roleOf(mention.path());
            Optional<String> resolved = targets.resolve(mention, role);
            if (resolved.isEmpty()) {
                continue;
            }
            String target = resolved.get();
            if (targets.isResource(target) && sites.isDependency(mention.path())) {
                depends.add(target);
            }
            switch (role) {
                case GENERIC -> generic(mention).ifPresent(kind -> edges.add(new Edge(id, target, kind)));
                case EVENT -> edges.add(new Edge(target, id, Edge.EVENT));
                case POLICY -> edges.add(new Edge(id, target, Edge.POLICY));
                case LAYER -> edges.add(new Edge(id, target, Edge.LAYER));
                case DATASOURCE -> edges.add(new Edge(id, target, Edge.DATASOURCE));
                case EMBEDDED_DESTINATION -> edges.add(new Edge(id, target, Edge.CONNECTOR));
                case CONNECTOR_SOURCE -> {
                    sources.add(target);
                    own(mention).ifPresent(kind -> edges.add(new Edge(id, target, kind)));
                }
                case CONNECTOR_DESTINATION -> {
                    destinations.add(target);
                    own(mention).ifPresent(kind -> edges.add(new Edge(id, target, kind)));
                }
            }
        }
        for (String source : sources) {
            for (String destination : destinations) {
                edges.add(new Edge(source, destination, Edge.CONNECTOR));
            }
        }
    }

    /** The kind of a mention outside any SAM place; a literal ARN or name there is just a string. */
    private static Optional<String> generic(Mention mention) {
        return switch (mention.kind()) {
            case REF, LOGICAL_ID -> Optional.of(Edge.REF);
            case GET_ATT -> Optional.of(Edge.GET_ATT);
            case SUB -> Optional.of(Edge.SUB);
            case DEPENDS_ON -> Optional.of(Edge.DEPENDS_ON);
            case IMPORT -> Optional.of(Edge.IMPORT);
            case ARN, NAME -> Optional.empty();
        };
    }

    /**
     * The edge a connector's own Ref / GetAtt / Sub / ImportValue in its {@code Source} or {@code Destination}
     * makes besides the source → destination one: the connector uses what it names, as CloudFormation sees it.
     * A bare {@code Id} is no reference (SAM resolves it), so it makes none.
     */
    private static Optional<String> own(Mention mention) {
        return mention.kind() == Mention.Kind.LOGICAL_ID ? Optional.empty() : generic(mention);
    }
}
