package dev.stackdraft.edit;

import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Sequence;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The smallest thing around a name that can go without leaving broken YAML or a setting without its content: a list
 * item (a policy, a layer, a DependsOn name, a serverless.yml event ...); an entry of a mapping whose entries stand
 * alone ({@code Environment.Variables}, a SAM function's {@code Events}, a state machine's
 * {@code DefinitionSubstitutions}, a {@code Tags} map, embedded {@code Connectors}, an output); otherwise the
 * top-level property of the resource (of the {@code Globals} section, of the serverless {@code provider}). Whatever
 * intrinsic function holds the name goes whole with it.
 */
final class Places {

    /** Top-level sections whose places can go, and how deep their own top level is (e.g. {@code Outputs.Name}). */
    private static final Map<String, Integer> SECTIONS = Map.of("Outputs", 2, "Globals", 3, "Metadata", 2);
    private static final Map<String, Integer> SERVERLESS_SECTIONS = Map.of("provider", 2, "resources", 3,
            "functions", 1, "layers", 1);

    private final Template template;
    private final boolean serverless;

    Places(Template template) {
        this.template = template;
        this.serverless = template.dialect() == Dialect.SERVERLESS;
    }

    /** The resource whose definition holds {@code path} (strictly below its key). */
    Optional<Resource> resourceAt(DocPath path) {
        return template.resources().stream()
                .filter(r -> path.startsWith(r.path()) && path.segments().size() > r.path().segments().size())
                .findFirst();
    }

    /** What goes when the name of {@code named} at {@code site} goes. */
    DocPath unit(DocPath site, String named) {
        Optional<Resource> resource = resourceAt(site);
        DocPath floor = resource.map(Resource::path).orElseGet(() -> section(site).orElseThrow(() -> refuse(site, named)));
        DocPath place = site;
        for (int depth = floor.segments().size() + 1; depth <= site.segments().size(); depth++) {
            DocPath prefix = new DocPath(site.segments().subList(0, depth));
            if (template.at(prefix).filter(Places::wraps).isPresent()) {
                place = prefix;
                break;
            }
        }
        return climb(place);
    }

    /** Whether a value is an intrinsic function or a tag: what stands inside it goes with it. */
    private static boolean wraps(Value value) {
        return value instanceof Value.Intrinsic || value instanceof Value.Tagged;
    }

    /** The place that goes when everything in the list or mapping at {@code container} goes. */
    DocPath container(DocPath container) {
        return climb(container);
    }

    /** Whether the list or mapping at {@code path} may go once it is empty: not the root, a resource, or Resources. */
    boolean collapsible(DocPath path) {
        if (path.isEmpty() || template.resources().stream().anyMatch(r -> r.path().equals(path))) {
            return false;
        }
        if (serverless) {
            return !path.equals(DocPath.of("provider"));
        }
        return !path.equals(DocPath.of("Resources"));
    }

    /** Where the text of the place begins: its key, or its item. */
    int start(DocPath place) {
        Value parent = template.at(place.parent()).orElseThrow();
        if (parent instanceof Mapping m && place.last() instanceof String key) {
            return m.entry(key).orElseThrow().key().span().start();
        }
        return template.at(place).orElseThrow().span().start();
    }

    private DocPath climb(DocPath place) {
        Optional<Resource> resource = resourceAt(place);
        while (!isTop(place, resource)) {
            DocPath parent = place.parent();
            Value container = template.at(parent).orElseThrow();
            if (container instanceof Sequence || container instanceof Mapping && standsAlone(place, resource)) {
                return place;
            }
            place = parent;
        }
        return place;
    }

    private boolean isTop(DocPath place, Optional<Resource> resource) {
        if (resource.isPresent()) {
            return place.parent().equals(resource.get().path()) || place.parent().equals(resource.get().propertiesPath());
        }
        int depth = section(place).map(s -> depth(s, place)).orElseThrow(() -> refuse(place, "this"));
        return place.segments().size() <= depth;
    }

    private int depth(DocPath section, DocPath place) {
        String name = (String) section.last();
        if (serverless && name.equals("resources") && place.segments().size() > 1 && place.segments().get(1) instanceof Integer) {
            return 4; // resources as a list of files: resources[0].Outputs.Name
        }
        return (serverless ? SERVERLESS_SECTIONS : SECTIONS).get(name);
    }

    /** Whether the entry at {@code place} is one of a mapping whose entries stand alone (see the class comment). */
    private boolean standsAlone(DocPath place, Optional<Resource> resource) {
        DocPath parent = place.parent();
        List<Object> segments = parent.segments();
        int n = segments.size();
        if (n >= 2 && segments.get(n - 2).equals("Environment") && segments.get(n - 1).equals("Variables")
                || parent.equals(DocPath.of("provider", "environment"))
                || n == 3 && segments.get(0).equals("Globals") && segments.get(2).equals("Tags")) {
            return true;
        }
        if (resource.isEmpty()) {
            return false;
        }
        Resource r = resource.get();
        DocPath properties = r.propertiesPath();
        return parent.equals(r.path().child("Connectors"))
                || serverless && parent.equals(r.path().child("environment"))
                || parent.equals(properties.child("DefinitionSubstitutions"))
                || parent.equals(properties.child("Tags"))
                || r.type().isSam() && parent.equals(properties.child("Events"));
    }

    /** The top-level section whose places can go that holds {@code path}. */
    private Optional<DocPath> section(DocPath path) {
        if (path.isEmpty() || !(path.segments().getFirst() instanceof String first)) {
            return Optional.empty();
        }
        boolean known = serverless ? SERVERLESS_SECTIONS.containsKey(first) : SECTIONS.containsKey(first);
        return known ? Optional.of(DocPath.of(first)) : Optional.empty();
    }

    private EditRefusedException refuse(DocPath site, String named) {
        Value value = template.at(site).orElse(template.root());
        String where = site.segments().isEmpty() ? "the template" : String.valueOf(site.segments().getFirst());
        if (site.segments().size() > 1 && site.segments().get(1) instanceof String s && s.startsWith("Fn::ForEach::")) {
            return Refusals.at(template, value, named + " is named inside the loop " + s + " (line " + value.span().line()
                    + "), which cannot be taken away with it", "change the loop by hand first");
        }
        return Refusals.at(template, value, named + " is named in " + where + " (line " + value.span().line()
                + "), which cannot be taken away with it", "change that place by hand first");
    }
}
