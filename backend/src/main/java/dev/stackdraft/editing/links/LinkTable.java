package dev.stackdraft.editing.links;

import dev.stackdraft.catalog.ResourceCatalog;
import dev.stackdraft.edit.EditRefusedException;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What connecting two cards can write. Asks each kind of link both ways round (the types decide the roles, so a
 * drag from queue to function and one from function to queue have the same options) and orders what it finds: by
 * kind (event source, policy template, connector, environment variable), then links that follow the drag's
 * direction first, for pairs where either end could take either role (two functions).
 */
public final class LinkTable {

    private final List<Linker> linkers;
    private final ReferencedLinks referenced;

    LinkTable(List<Linker> linkers) {
        this.linkers = List.copyOf(linkers);
        this.referenced = new ReferencedLinks(ResourceCatalog.bundled());
    }

    /** Built on the bundled catalog's connector profiles and policy templates, and SAM's event sources. */
    public static LinkTable standard() {
        ResourceCatalog catalog = ResourceCatalog.bundled();
        return new LinkTable(List.of(new EventSources(), PolicyLinks.bundled(catalog), new ConnectorLinks(catalog),
                new EnvironmentLinks()));
    }

    /**
     * The ways to link {@code from} to {@code to} (the ids of two resources of the template, or of a resource and a
     * referenced resource — a parameter standing for an ARN outside the stack — in drag order), best first; empty
     * when none, also when an id names neither, or both the same.
     */
    public List<LinkOption> options(Template template, String from, String to) {
        Optional<Resource> a = template.resource(from);
        Optional<Resource> b = template.resource(to);
        if (from.equals(to)) {
            return List.of();
        }
        LinkContext context = new LinkContext(template);
        if (a.isPresent() && b.isEmpty()) {
            return referenced(template, context, a.get(), to);
        }
        if (b.isPresent() && a.isEmpty()) {
            return referenced(template, context, b.get(), from);
        }
        if (a.isEmpty()) {
            return List.of();
        }
        List<Ranked> found = new ArrayList<>();
        for (int kind = 0; kind < linkers.size(); kind++) {
            Linker linker = linkers.get(kind);
            for (LinkOption option : linker.options(context, a.get(), b.get())) {
                found.add(new Ranked(kind, 0, option));
            }
            for (LinkOption option : linker.options(context, b.get(), a.get())) {
                found.add(new Ranked(kind, 1, option));
            }
        }
        Set<LinkOption> options = new LinkedHashSet<>();
        found.stream().sorted(Comparator.comparingInt(Ranked::kind).thenComparingInt(Ranked::against))
                .map(Ranked::option).filter(o -> applies(template, o)).forEach(options::add);
        return List.copyOf(options);
    }

    private List<LinkOption> referenced(Template template, LinkContext context, Resource resource, String parameter) {
        return dev.stackdraft.graph.ResourceGraph.referencedType(template, parameter)
                .map(type -> referenced.options(context, resource, parameter, type).stream()
                        .filter(o -> applies(template, o)).toList())
                .orElse(List.of());
    }

    /**
     * A last guard: an option whose command the engine would refuse (a case the linkers did not foresee) is not
     * offered. Computing the changes writes nothing and is cheap.
     */
    private static boolean applies(Template template, LinkOption option) {
        try {
            option.command().changes(template);
            return true;
        } catch (EditRefusedException refused) {
            return false;
        }
    }

    /** An option with its place: the kind's rank, and 1 when it goes against the drag. */
    private record Ranked(int kind, int against, LinkOption option) {}
}
