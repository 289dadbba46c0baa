package dev.stackdraft.validation;

import dev.stackdraft.catalog.ResourceCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The official SAM JSON schema (bundled with the catalog), compiled once on first use into {@link SchemaNode}s:
 * the schema of each {@code AWS::Serverless::*} resource, found through the root's
 * {@code Resources.additionalProperties.anyOf} and the {@code Type} enum of each branch, and that of
 * {@code Globals}. Read by {@link SchemaParser}; keywords that would constrain an instance but that
 * {@link SchemaEvaluator} does not know are listed in {@link #unsupportedKeywords()} (a test keeps that empty).
 */
final class SamSchema {

    private final Map<String, SchemaNode> definitions;
    private final Map<String, SchemaNode> resources;
    private final @Nullable SchemaNode globals;
    private final Set<String> unsupported;
    private final Map<List<SchemaNode>, Optional<Discriminator>> discriminators =
            Collections.synchronizedMap(new IdentityHashMap<>());

    SamSchema(Map<String, SchemaNode> definitions, Map<String, SchemaNode> resources, @Nullable SchemaNode globals,
              Set<String> unsupported) {
        this.definitions = definitions;
        this.resources = resources;
        this.globals = globals;
        this.unsupported = unsupported;
    }

    private static final class Holder {
        static final SamSchema INSTANCE = load(true);
    }

    private static final AtomicBoolean PRELOADING = new AtomicBoolean();

    /** The bundled schema, compiled on the first call. */
    static SamSchema bundled() {
        return Holder.INSTANCE;
    }

    /**
     * Starts compiling the bundled schema on a daemon thread, once per process, so that a short-lived process
     * (the CLI) does it beside the other checks instead of before them; {@link #bundled()} waits for it.
     */
    static void preload() {
        if (PRELOADING.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("sam-schema-preload").start(SamSchema::bundled);
        }
    }

    /** The schema of a resource of this SAM type (its whole definition: Type, Properties, Condition ...). */
    Optional<SchemaNode> resource(String type) {
        return Optional.ofNullable(resources.get(type));
    }

    Optional<SchemaNode> globals() {
        return Optional.ofNullable(globals);
    }

    Set<String> resourceTypes() {
        return resources.keySet();
    }

    Set<String> unsupportedKeywords() {
        return unsupported;
    }

    /** The node a {@code $ref} names; an unknown name is a node that accepts anything. */
    SchemaNode definition(String name) {
        SchemaNode node = definitions.get(name);
        return node != null ? node : SchemaParser.ANY;
    }

    /** Follows {@code $ref}s to the node that says something. */
    SchemaNode resolve(SchemaNode node) {
        SchemaNode current = node;
        for (int hops = 0; current.ref() != null && hops < 64; hops++) {
            current = definition(current.ref());
        }
        return current;
    }

    /**
     * For an {@code anyOf} whose branches are all objects told apart by a one-value {@code enum} on the same
     * property (SAM's event {@code Type}), that property and the branch for each value; computed once per list.
     */
    Optional<Discriminator> discriminator(List<SchemaNode> branches) {
        return discriminators.computeIfAbsent(branches, this::findDiscriminator);
    }

    record Discriminator(String property, Map<String, SchemaNode> branches) {}

    private Optional<Discriminator> findDiscriminator(List<SchemaNode> branches) {
        String property = null;
        Map<String, SchemaNode> byValue = new HashMap<>();
        for (SchemaNode branch : branches) {
            SchemaNode resolved = resolve(branch);
            if (property == null) {
                property = resolved.properties().keySet().stream().sorted()
                        .filter(name -> constant(resolved, name) != null).findFirst().orElse(null);
            }
            String value = property == null ? null : constant(resolved, property);
            if (value == null || byValue.putIfAbsent(value, branch) != null) {
                return Optional.empty();
            }
        }
        return property == null ? Optional.empty() : Optional.of(new Discriminator(property, Map.copyOf(byValue)));
    }

    /** The one value a required property of an object schema must have, if it is so constrained. */
    private @Nullable String constant(SchemaNode object, String property) {
        SchemaNode node = object.properties().get(property);
        if (node == null || !object.required().contains(property)) {
            return null;
        }
        List<String> values = resolve(node).enumValues();
        return values != null && values.size() == 1 ? values.getFirst() : null;
    }

    /** @param widened with the corrections of {@code SchemaParser.widen} (what validation uses), or exactly as published */
    static SamSchema load(boolean widened) {
        try (InputStream in = ResourceCatalog.samSchema()) {
            return parse(in, widened);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled SAM schema", e);
        }
    }

    static SamSchema parse(InputStream in, boolean widened) {
        return new SchemaParser(widened).parse(in);
    }
}
