package dev.stackdraft.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bundled property schemas ({@value #DATA_RESOURCE}, written by {@link PropertySchemaGenerator}, whose javadoc
 * describes the format): indexed per type when read, each type's records decoded on first use and cached.
 */
final class PropertySchemas {

    static final String DATA_RESOURCE = "property-schemas.tsv.gz";
    static final String FORMAT_HEADER = "# stackdraft property schemas, format 1";

    /** Per type, the text of its {@code p} records. */
    private final Map<String, String> raw;
    private final Map<String, List<PropertySchema>> decoded = new ConcurrentHashMap<>();

    private PropertySchemas(Map<String, String> raw) {
        this.raw = raw;
    }

    static PropertySchemas parse(String text) {
        if (!text.startsWith(FORMAT_HEADER)) {
            throw new IllegalStateException("not property schema data (format header missing)");
        }
        Map<String, String> raw = new HashMap<>(4096);
        String type = null;
        int typeStart = -1;
        int start = 0;
        int lineNumber = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lineNumber++;
            if (text.startsWith("T\t", start)) {
                if (type != null) {
                    raw.put(type, text.substring(typeStart, start));
                }
                type = text.substring(start + 2, end);
                typeStart = end + 1;
            } else if (end > start && text.charAt(start) != '#' && (type == null || !text.startsWith("p\t", start))) {
                throw new IllegalStateException("property schema data line " + lineNumber + ": unexpected record");
            }
            start = end + 1;
        }
        if (type != null) {
            raw.put(type, text.substring(typeStart, Math.min(start, text.length())));
        }
        return new PropertySchemas(raw);
    }

    /** The schemas of a type's top-level properties, required first then by name; empty for a type not listed. */
    List<PropertySchema> of(String type) {
        List<PropertySchema> schemas = decoded.get(type);
        if (schemas != null) {
            return schemas;
        }
        String records = raw.get(type);
        if (records == null) {
            return List.of();
        }
        schemas = decode(type, records);
        List<PropertySchema> earlier = decoded.putIfAbsent(type, schemas);
        return earlier != null ? earlier : schemas;
    }

    /** Every type with its schemas (for the generator's carry-over and tests). */
    Map<String, List<PropertySchema>> all() {
        Map<String, List<PropertySchema>> out = new LinkedHashMap<>();
        raw.keySet().stream().sorted().forEach(type -> out.put(type, of(type)));
        return out;
    }

    private static List<PropertySchema> decode(String type, String records) {
        List<PropertySchema> out = new ArrayList<>();
        for (String line : records.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 8 || !f[0].equals("p")) {
                throw new IllegalStateException("malformed property schema record of " + type + ": " + line);
            }
            List<String> enums = f[5].isEmpty() ? List.of() : List.of(f[5].split(","));
            out.add(new PropertySchema(f[1], f[2], enums, f[3].isEmpty() ? null : f[3], f[4].equals("r"),
                    ResourceCatalog.unescape(f[7]), f[6].isEmpty() ? null : f[6]));
        }
        return List.copyOf(out);
    }
}
