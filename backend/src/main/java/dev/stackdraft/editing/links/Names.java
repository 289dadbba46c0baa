package dev.stackdraft.editing.links;

import java.util.Locale;
import java.util.Set;

/** The names a link gives what it adds, in the way SAM users write them, and made unique. */
final class Names {

    private Names() {}

    /** {@code OrdersTable} → {@code ORDERS_TABLE}, {@code OrdersGraphQLApi} → {@code ORDERS_GRAPH_QL_API}. */
    static String upperSnake(String id) {
        String words = id.replaceAll("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_")
                .replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
        String upper = words.toUpperCase(Locale.ROOT);
        return upper.isEmpty() || !Character.isLetter(upper.charAt(0)) ? "R_" + upper : upper;
    }

    /** {@code ProcessOrderFunction} → {@code process-order}: a path segment for an API event. */
    static String kebab(String id) {
        String base = id.endsWith("Function") && id.length() > "Function".length()
                ? id.substring(0, id.length() - "Function".length()) : id;
        return upperSnake(base).toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code base}, else {@code base2}, {@code base3} ... whichever {@code taken} does not hold. */
    static String unique(String base, Set<String> taken) {
        return unique(base, "", taken);
    }

    /** {@code base}, else {@code base + separator + 2} ... whichever {@code taken} does not hold. */
    static String unique(String base, String separator, Set<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            if (!taken.contains(base + separator + n)) {
                return base + separator + n;
            }
        }
    }
}
