package dev.stackdraft.editing.links;

import dev.stackdraft.template.Resource;
import dev.stackdraft.template.ResourceType;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The routes an API has already: its functions' events that name it, and the paths of an inline definition. SAM
 * refuses a second integration for one path and method.
 */
final class ApiRoutes {

    private ApiRoutes() {}

    /** {@code "get /orders"}: method in lower case, as SAM compares them. */
    static String route(String path, String method) {
        return method.toLowerCase(Locale.ROOT) + " " + path;
    }

    static Set<String> of(Template template, String api, String key) {
        Set<String> routes = new HashSet<>();
        for (Resource function : template.resources()) {
            if (!function.type().equals(ResourceType.SAM_FUNCTION)) {
                continue;
            }
            function.properties().flatMap(p -> p.mapping("Events")).ifPresent(events -> {
                for (Entry event : events.entries()) {
                    if (event.value() instanceof Mapping m && m.mapping("Properties").orElse(null) instanceof Mapping p
                            && p.get(key).orElse(null) instanceof Intrinsic ref && ref.argument() instanceof Scalar s
                            && s.text().equals(api)) {
                        routes.add(route(p.string("Path").orElse(""), p.string("Method").orElse("")));
                    }
                }
            });
        }
        template.resource(api).flatMap(r -> r.properties()).flatMap(p -> p.mapping("DefinitionBody"))
                .flatMap(body -> body.mapping("paths")).ifPresent(paths -> {
                    for (Entry path : paths.entries()) {
                        if (path.value() instanceof Mapping methods) {
                            methods.keys().forEach(method -> routes.add(route(path.name(), method)));
                        }
                    }
                });
        return routes;
    }
}
