package dev.stackdraft.validation;

import dev.stackdraft.catalog.ResourceCatalog;
import dev.stackdraft.catalog.ResourceKind;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.Span;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Each resource against the catalog: its type ({@code unknown-type}), the keys beside {@code Type}
 * ({@code unknown-resource-key}), its property names ({@code unknown-property}) and the properties its type
 * requires ({@code missing-property}; for SAM types counting what {@code Globals} supply). Functions and layers
 * a {@code serverless.yml} declares in its own sections are the framework's, not checked here; its
 * {@code resources.Resources} are.
 */
final class ResourceCheck {

    /**
     * What a resource may hold beside Type and Properties. In a SAM template any resource may embed Connectors;
     * SAM resources also take IgnoreGlobals.
     */
    private static final Set<String> RESOURCE_KEYS = Set.of("Type", "Properties", "DependsOn", "Condition", "Metadata",
            "DeletionPolicy", "UpdateReplacePolicy", "CreationPolicy", "UpdatePolicy", "Version");
    private static final Set<String> SAM_RESOURCE_KEYS = Set.of("Connectors", "IgnoreGlobals");

    private static final String SAM_PREFIX = "AWS::Serverless::";

    private final Template template;
    private final ResourceCatalog catalog;
    private final Report report;

    ResourceCheck(Template template, ResourceCatalog catalog, Report report) {
        this.template = template;
        this.catalog = catalog;
        this.report = report;
    }

    void run() {
        for (Resource resource : template.resources()) {
            ResourceType type = resource.type();
            if (type.value().isEmpty() || type.equals(ResourceType.SERVERLESS_FUNCTION)
                    || type.equals(ResourceType.SERVERLESS_LAYER)) {
                continue; // no Type: the reader has said so
            }
            keys(resource);
            Optional<ResourceKind> kind = catalog.kind(type.value());
            if (kind.isEmpty()) {
                unknownType(resource);
                continue;
            }
            properties(resource, kind.get());
        }
    }

    private void keys(Resource resource) {
        boolean sam = resource.type().isSam();
        boolean connectors = template.isSam();
        for (Entry entry : resource.definition().entries()) {
            String key = entry.name();
            boolean samKey = key.equals("Connectors") ? connectors : sam && SAM_RESOURCE_KEYS.contains(key);
            if (!RESOURCE_KEYS.contains(key) && !samKey) {
                Set<String> known = new HashSet<>(RESOURCE_KEYS);
                if (connectors) {
                    known.add("Connectors");
                }
                if (sam) {
                    known.addAll(SAM_RESOURCE_KEYS);
                }
                report.error("unknown-resource-key", entry.key().span(), "resource " + resource.id() + ": '" + key
                        + "' is not a resource attribute" + Suggestions.closest(key, known).map(s -> "; did you mean " + s + "?")
                        .orElse("; properties go under Properties, settings CloudFormation does not know under Metadata"));
            }
        }
    }

    private void unknownType(Resource resource) {
        String type = resource.type().value();
        String hint = Suggestions.closest(type, catalog.types()).map(s -> "; did you mean " + s + "?").orElse("");
        if (resource.type().isSam()) {
            report.error("unknown-type", typeSpan(resource), "resource " + resource.id() + ": the SAM transform has no type "
                    + type + hint + (hint.isEmpty() ? "; SAM types are Function, Api, HttpApi, SimpleTable, LayerVersion, "
                    + "StateMachine, Application, Connector, GraphQLApi, WebSocketApi, CapacityProvider" : ""));
        } else {
            report.warning("unknown-type", typeSpan(resource), "resource " + resource.id() + ": " + type
                    + " is not a resource type of CloudFormation in us-east-1" + hint
                    + (hint.isEmpty() ? "; check the spelling, or that your region and any module or extension provide it" : ""));
        }
    }

    private void properties(Resource resource, ResourceKind kind) {
        Optional<Value> written = resource.definition().get("Properties");
        if (written.isPresent() && !(written.get() instanceof Mapping) && !SamGlobals.isNull(written.get())) {
            if (written.get() instanceof Scalar || written.get() instanceof Value.Sequence) {
                report.error("invalid-properties", written.get().span(), "resource " + resource.id()
                        + ": Properties is a " + (written.get() instanceof Scalar ? "scalar" : "list")
                        + "; write a mapping of property names to values");
            }
            return; // an intrinsic function (Fn::If ...) or a tagged value: known only at deploy time
        }
        Mapping own = written.orElse(null) instanceof Mapping m ? m : null;
        boolean transformed = false;
        if (own != null) {
            for (Entry entry : own.entries()) {
                String name = entry.name();
                if (name.startsWith("Fn::")) {
                    transformed = true; // Fn::Transform / Fn::If spliced into Properties
                } else if (!kind.hasProperty(name)) {
                    report.error("unknown-property", entry.key().span(), "resource " + resource.id() + ": " + kind.type()
                            + " has no property " + name + Suggestions.closest(name, kind.properties())
                            .map(s -> "; did you mean " + s + "?").orElse("; remove it or check the spelling"));
                }
            }
        }
        if (transformed || kind.required().isEmpty()) {
            return;
        }
        Set<String> present = new HashSet<>();
        if (own != null) {
            present.addAll(own.keys());
        }
        if (resource.type().isSam()) {
            SamGlobals.applying(template, resource).forEach(e -> present.add(e.name()));
        }
        List<String> missing = kind.required().stream().filter(name -> !present.contains(name)).toList();
        if (missing.isEmpty()) {
            return;
        }
        Span where = resource.definition().entry("Properties").map(e -> e.key().span()).orElse(resource.key().span());
        String names = String.join(", ", missing);
        report.error("missing-property", where, "resource " + resource.id() + ": " + kind.type() + " requires "
                + names + "; add " + (missing.size() == 1 ? "it" : "them") + " under Properties"
                + (hasGlobals(resource.type()) ? " (or under Globals." + resource.type().value().substring(SAM_PREFIX.length())
                + ")" : ""));
    }

    /** Whether SAM's Globals have a section for this type ({@code Globals.Function} ...). */
    private static boolean hasGlobals(ResourceType type) {
        if (!type.isSam()) {
            return false;
        }
        SamSchema schema = SamSchema.bundled();
        return schema.globals().map(g -> schema.resolve(g).properties()
                .containsKey(type.value().substring(SAM_PREFIX.length()))).orElse(false);
    }

    static Span typeSpan(Resource resource) {
        return resource.definition().get("Type").map(Value::span).orElse(resource.key().span());
    }
}
