package dev.stackdraft.graph;

import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import java.util.Set;

/**
 * The SAM places of functions and state machines: {@code Events.X.Properties} (event sources; no dependency
 * of the function, since SAM turns an event into a permission, rule or event source mapping of its own),
 * {@code Policies} (policy templates and inline statements) and {@code Layers}, including the
 * {@code Globals.Function.Layers} every {@code AWS::Serverless::Function} inherits unless it ignores them.
 */
final class SamEdges {

    /**
     * Parts of an event's properties that name no source (where failures go, who may call, the secret or key
     * it reads with): generic references, and dependencies, since SAM grants the function's role access.
     */
    private static final Set<String> NOT_SOURCES = Set.of("DeadLetterConfig", "DestinationConfig", "Auth",
            "SourceAccessConfigurations", "KmsKeyArn");
    /** The properties where an event names its source, and so where a literal ARN is one. */
    private static final Set<String> SOURCE_KEYS = Set.of("Stream", "Queue", "Topic", "Broker", "Cluster", "Bucket",
            "UserPool", "EventBusName", "RestApiId", "ApiId");
    private static final ResourceType STATE_MACHINE = ResourceType.SAM_STATE_MACHINE;

    private SamEdges() {}

    static void scan(Resource resource, Template template, Sites sites) {
        ResourceType type = resource.type();
        if (type.equals(ResourceType.SERVERLESS_FUNCTION)) {
            return; // a serverless.yml function: see ServerlessEdges
        }
        DocPath properties = resource.propertiesPath();
        if (type.equals(ResourceType.SAM_FUNCTION) || type.equals(STATE_MACHINE)) {
            resource.properties().flatMap(p -> p.mapping("Events"))
                    .ifPresent(events -> events(events, properties.child("Events"), sites));
            resource.property("Policies").ifPresent(p -> sites.place(properties.child("Policies"), Role.POLICY));
        }
        if (type.isFunction()) {
            resource.property("Layers").ifPresent(layers -> {
                DocPath path = properties.child("Layers");
                sites.place(path, Role.LAYER);
                sites.mentions(Mentions.arnItems(layers, path));
            });
        }
        if (type.equals(ResourceType.SAM_FUNCTION) && !ignoresGlobalLayers(resource)) {
            template.globals().flatMap(g -> g.mapping("Function")).flatMap(f -> f.get("Layers")).ifPresent(layers -> {
                DocPath path = DocPath.of("Globals", "Function", "Layers");
                sites.inherit(layers, path, Role.LAYER, Mentions.arnItems(layers, path));
            });
        }
    }

    private static void events(Mapping events, DocPath path, Sites sites) {
        for (Entry event : events.entries()) {
            if (event.value() instanceof Mapping definition) {
                definition.mapping("Properties").ifPresent(properties -> {
                    DocPath at = path.child(event.name()).child("Properties");
                    sites.place(at, Role.EVENT);
                    for (Entry e : properties.entries()) {
                        if (NOT_SOURCES.contains(e.name())) {
                            sites.place(at.child(e.name()), Role.GENERIC);
                        } else {
                            sites.movedOut(at.child(e.name()));
                            if (SOURCE_KEYS.contains(e.name())) {
                                Mentions.arn(e.value(), at.child(e.name())).ifPresent(sites::mention);
                            }
                        }
                    }
                });
            }
        }
    }

    /** {@code IgnoreGlobals: '*'} or a list naming {@code Layers}. */
    private static boolean ignoresGlobalLayers(Resource resource) {
        Value ignore = resource.definition().get("IgnoreGlobals").orElse(null);
        if (ignore instanceof Scalar s) {
            return s.text().equals("*") || s.text().equals("Layers");
        }
        return ignore instanceof Sequence seq
                && seq.items().stream().anyMatch(i -> i instanceof Scalar s && s.text().equals("Layers"));
    }
}
