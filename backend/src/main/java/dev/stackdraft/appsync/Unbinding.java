package dev.stackdraft.appsync;

import dev.stackdraft.edit.RemoveResource;
import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Takes resolvers away: a resolver resource as {@link RemoveResource} does (refused while something refers to it);
 * a SAM resolver with the functions of its pipeline that no other resolver uses (SAM would make them for nothing), and
 * the {@code Resolvers}/{@code Functions} mappings they leave empty.
 */
final class Unbinding {

    private Unbinding() {}

    static List<Change> of(Template template, GraphQlApi api, List<Resolver> resolvers) {
        List<Change> changes = new ArrayList<>();
        Set<DocPath> samPaths = new LinkedHashSet<>();
        for (Resolver resolver : resolvers) {
            if (resolver.isResource()) {
                changes.addAll(new RemoveResource(resolver.id()).changes(template));
                continue;
            }
            samPaths.add(resolver.path());
            for (String name : resolver.pipeline()) {
                boolean usedElsewhere = api.resolvers().stream().filter(r -> !resolvers.contains(r))
                        .anyMatch(r -> r.pipeline().contains(name));
                api.function(name).filter(f -> !f.isResource() && !usedElsewhere).ifPresent(f -> samPaths.add(f.path()));
            }
        }
        if (!samPaths.isEmpty()) {
            Resource resource = template.resource(api.id()).orElseThrow();
            changes.addAll(Changes.remove(template, samPaths, resource.propertiesPath().segments().size()));
        }
        return changes;
    }
}
