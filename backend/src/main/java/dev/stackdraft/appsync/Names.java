package dev.stackdraft.appsync;

import dev.stackdraft.template.Resolution;
import dev.stackdraft.template.Template;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/** The names the AppSync commands check and make: GraphQL names, data-source names, new logical ids and keys. */
final class Names {

    /** GraphQL's rule for type and field names, which AppSync's data-source and function names follow too. */
    static final String GRAPHQL_NAME = "[_A-Za-z][_0-9A-Za-z]*";

    private Names() {}

    static void checkGraphQlName(Template template, String what, String name) {
        if (!name.matches(GRAPHQL_NAME)) {
            throw Refuse.file(template, "'" + name + "' is not a GraphQL " + what + " name",
                    "GraphQL names are letters, digits and _ and do not start with a digit");
        }
    }

    /** {@code getOrder} → {@code GetOrder}; characters a logical id cannot hold are left out. */
    static String idPart(String name) {
        String letters = name.replaceAll("[^A-Za-z0-9]", "");
        return letters.isEmpty() ? "" : letters.substring(0, 1).toUpperCase(Locale.ROOT) + letters.substring(1);
    }

    /** {@code base}, or {@code base2}, {@code base3} ... : the first that names nothing in the template. */
    static String freeLogicalId(Template template, String base, Collection<String> alsoTaken) {
        Set<String> taken = Resolution.referable(template);
        String candidate = base;
        for (int n = 2; taken.contains(candidate) || template.conditionNames().contains(candidate)
                || alsoTaken.contains(candidate); n++) {
            candidate = base + n;
        }
        return candidate;
    }

    /** {@code base}, or {@code base2} ... : the first not in {@code taken}. */
    static String freeKey(String base, Collection<String> taken) {
        String candidate = base;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = base + n;
        }
        return candidate;
    }
}
