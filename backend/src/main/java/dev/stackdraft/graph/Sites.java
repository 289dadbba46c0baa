package dev.stackdraft.graph;

import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the mentions of one resource stand and what they mean there: the SAM / Serverless / AppSync places
 * ({@code Events.X.Properties}, {@code Policies}, {@code Layers} ...) with their {@link Role}s, the mentions
 * those places hold that are no references (literal ARNs, connector ids), and the mentions a resource inherits
 * from outside its definition ({@code Globals}, a serverless {@code provider}), and the places whose mentions
 * are no dependencies of the resource because the SAM transform moves them elsewhere.
 */
final class Sites {

    private record Place(DocPath prefix, Role role) {}

    private final List<Place> places = new ArrayList<>();
    private final List<DocPath> movedOut = new ArrayList<>();
    private final List<Mention> extra = new ArrayList<>();
    private final List<Mention> inherited = new ArrayList<>();

    static Sites of(Resource resource, Template template) {
        Sites sites = new Sites();
        SamEdges.scan(resource, template, sites);
        ConnectorEdges.scan(resource, sites);
        AppSyncEdges.scan(resource, sites);
        ServerlessEdges.scan(resource, template, sites);
        return sites;
    }

    /** Mentions at or below {@code prefix} mean {@code role}; the longest matching prefix wins. */
    void place(DocPath prefix, Role role) {
        places.add(new Place(prefix, role));
    }

    /**
     * What stands at or below {@code prefix} is no dependency of this resource, though it is written inside it:
     * the SAM transform moves it into resources of its own (an event into a permission or event source
     * mapping, a GraphQLApi's resolvers into {@code AWS::AppSync::Resolver}s, an embedded connector into
     * policies), which depend on this resource and on what the place names, not the other way round.
     */
    void movedOut(DocPath prefix) {
        movedOut.add(prefix);
    }

    /** A mention inside the definition that the reference walk does not see. */
    void mention(Mention mention) {
        extra.add(mention);
    }

    void mentions(List<Mention> mentions) {
        extra.addAll(mentions);
    }

    /** A value outside the definition that applies to this resource, e.g. {@code Globals.Function.Layers}. */
    void inherit(Value value, DocPath path, Role role, List<Mention> literals) {
        place(path, role);
        inherited.addAll(Mentions.below(value, path));
        inherited.addAll(literals);
    }

    List<Mention> extra() {
        return extra;
    }

    List<Mention> inherited() {
        return inherited;
    }

    boolean isDependency(DocPath path) {
        return movedOut.stream().noneMatch(path::startsWith);
    }

    Role roleOf(DocPath path) {
        Place best = null;
        for (Place place : places) {
            if (path.startsWith(place.prefix())
                    && (best == null || place.prefix().segments().size() > best.prefix().segments().size())) {
                best = place;
            }
        }
        return best == null ? Role.GENERIC : best.role();
    }
}
