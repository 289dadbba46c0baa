package dev.stackdraft.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

import org.jspecify.annotations.Nullable;

/**
 * The registry of CloudFormation and SAM resource types, SAM policy templates and SAM connector profiles, read from
 * the data bundled with Stackdraft (generated from the us-east-1 CloudFormation resource provider schemas and the
 * SAM schema; see {@code README.md} beside the data).
 *
 * <p>{@link #bundled()} reads the data on first use, once, thread-safely; resource kinds are then decoded on demand
 * and cached. Instances are immutable and safe to share between threads.
 *
 * <p>Types that exist in CloudFormation but have no us-east-1 schema are simply unknown ({@link #kind} is empty).
 * {@code Custom::*} types are known and behave like {@code AWS::CloudFormation::CustomResource}: any property, any
 * attribute.
 */
public final class ResourceCatalog {

    /** The bundled catalog data, relative to this class. */
    static final String DATA_RESOURCE = "resource-catalog.tsv.gz";
    /** The bundled SAM JSON schema (gzip), relative to this class. */
    static final String SAM_SCHEMA_RESOURCE = "sam.schema.json.gz";
    /** First line of the data: names the format. */
    static final String FORMAT_HEADER = "# stackdraft resource catalog, format 1";

    private final Map<String, String> rawKinds;
    private final Set<String> types;
    private final Map<String, ResourceKind> kinds = new ConcurrentHashMap<>();
    private final Map<String, PolicyTemplate> policyTemplates;
    private final Set<String> policyTemplateNames;
    private final List<ConnectorProfile> connectorProfiles;
    private final Map<String, ConnectorProfile> connectorIndex;

    private ResourceCatalog(Map<String, String> rawKinds, Map<String, PolicyTemplate> policyTemplates,
            List<ConnectorProfile> connectorProfiles) {
        this.rawKinds = rawKinds;
        this.types = Collections.unmodifiableSet(rawKinds.keySet());
        this.policyTemplates = policyTemplates;
        this.policyTemplateNames = Collections.unmodifiableSet(policyTemplates.keySet());
        this.connectorProfiles = List.copyOf(connectorProfiles);
        Map<String, ConnectorProfile> index = new HashMap<>();
        for (ConnectorProfile profile : connectorProfiles) {
            index.put(pairKey(profile.sourceType(), profile.destinationType()), profile);
        }
        this.connectorIndex = index;
    }

    private static final class Bundled {
        static final ResourceCatalog INSTANCE = load();

        private static ResourceCatalog load() {
            return parse(readGzipResource(DATA_RESOURCE));
        }
    }

    /** The catalog bundled with Stackdraft, loaded on the first call. */
    public static ResourceCatalog bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * A new stream over the SAM JSON schema ({@code sam.schema.json}, draft-04, self-contained) as published by
     * aws/serverless-application-model, byte for byte. The caller closes it.
     */
    public static InputStream samSchema() {
        InputStream in = ResourceCatalog.class.getResourceAsStream(SAM_SCHEMA_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("bundled resource missing: " + SAM_SCHEMA_RESOURCE);
        }
        try {
            return new GZIPInputStream(in, 1 << 16);
        } catch (IOException e) {
            try {
                in.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the catalog knows about a resource type; empty if the type is unknown (not in the us-east-1 schemas, not a
     * SAM type and not a custom resource).
     */
    public Optional<ResourceKind> kind(String type) {
        ResourceKind kind = kinds.get(type);
        if (kind != null) {
            return Optional.of(kind);
        }
        String raw = rawKinds.get(type);
        if (raw == null) {
            if (ResourceKind.isCustomType(type)) {
                return Optional.of(customResource().withType(type));
            }
            return Optional.empty();
        }
        kind = decodeKind(type, raw);
        ResourceKind earlier = kinds.putIfAbsent(type, kind);
        return Optional.of(earlier != null ? earlier : kind);
    }

    /**
     * The schemas of a type's top-level settable properties, for property forms: required first, then by name. A
     * {@code Custom::*} type has those of {@code AWS::CloudFormation::CustomResource}; an unknown type has none. The
     * schemas are read on the first call (from {@value PropertySchemas#DATA_RESOURCE}, apart from the rest of the
     * catalog, which does not need them).
     */
    public List<PropertySchema> propertySchemas(String type) {
        List<PropertySchema> schemas = BundledSchemas.INSTANCE.of(type);
        if (schemas.isEmpty() && ResourceKind.isCustomType(type)) {
            return BundledSchemas.INSTANCE.of(ResourceKind.CUSTOM_RESOURCE);
        }
        return schemas;
    }

    private static final class BundledSchemas {
        static final PropertySchemas INSTANCE = PropertySchemas.parse(readGzipResource(PropertySchemas.DATA_RESOURCE));
    }

    /** Whether the type is known: listed in {@link #types()} or a {@code Custom::*} type. */
    public boolean isKnown(String type) {
        return rawKinds.containsKey(type) || ResourceKind.isCustomType(type);
    }

    /** Every concrete known type (CloudFormation and SAM), sorted; {@code Custom::*} types are not listed. */
    public Set<String> types() {
        return types;
    }

    /** The SAM policy template names, sorted. */
    public Set<String> policyTemplateNames() {
        return policyTemplateNames;
    }

    /** A SAM policy template by name (case-sensitive, as SAM matches it). */
    public Optional<PolicyTemplate> policyTemplate(String name) {
        return Optional.ofNullable(policyTemplates.get(name));
    }

    /** SAM's connector profile table, sorted by source type then destination type. */
    public List<ConnectorProfile> connectorProfiles() {
        return connectorProfiles;
    }

    /** The connector profile for a pair of CloudFormation types, if SAM supports connecting them. */
    public Optional<ConnectorProfile> connectorProfile(String sourceType, String destinationType) {
        return Optional.ofNullable(connectorIndex.get(pairKey(sourceType, destinationType)));
    }

    /** Plain concatenation: {@code +} would bootstrap invokedynamic string concatenation, costly at startup. */
    private static String pairKey(String sourceType, String destinationType) {
        return sourceType.concat("\n").concat(destinationType);
    }

    private ResourceKind customResource() {
        Optional<ResourceKind> base = kind(ResourceKind.CUSTOM_RESOURCE);
        if (base.isPresent()) {
            return base.get();
        }
        return new ResourceKind(ResourceKind.CUSTOM_RESOURCE, Set.of("ServiceToken"), Set.of("ServiceToken"),
                Set.of(), Tagging.NONE, Set.of(), false, true, true);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reading the data format (written by CatalogGenerator). One record per line, fields separated by tabs:
    //   R <type> <flags> <properties> <required> <attributes> <tagging> <deprecated>
    //   P <name> <parameters> <description>
    //   C <source type> <destination type> <access: R, W or RW> [<valid combinations, e.g. R,RW>]
    // Lists are comma-separated (empty field = empty list). flags: '-' or any of s (SAM), p (any property),
    // a (any attribute). tagging: '-' (Tagging.NONE), or T|F (taggable) then D|I (declared or inferred), then
    // optionally ':' + format letter (L list of Key/Value, M map, N nested, O other) + ':' + property.
    // Lines starting with '#' are comments. The description escapes \, tab and newline as \\, \t, \n.
    // ---------------------------------------------------------------------------------------------------------

    static String readGzipResource(String name) {
        try (InputStream in = ResourceCatalog.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource missing: " + name);
            }
            try (GZIPInputStream gzip = new GZIPInputStream(in, 1 << 16)) {
                return new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource " + name, e);
        }
    }

    /** Reads catalog data in the format above; kinds are only indexed, and decoded on demand. */
    static ResourceCatalog parse(String text) {
        if (!text.startsWith(FORMAT_HEADER)) {
            throw new IllegalStateException("not catalog data (format header missing)");
        }
        Map<String, String> rawKinds = new LinkedHashMap<>(4096);
        Map<String, PolicyTemplate> templates = new LinkedHashMap<>(128);
        List<ConnectorProfile> connectors = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        int length = text.length();
        while (start < length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            lineNumber++;
            if (end > start && text.charAt(start) != '#') {
                char tag = text.charAt(start);
                if (end - start < 3 || text.charAt(start + 1) != '\t') {
                    throw malformed(lineNumber, "record tag and tab expected");
                }
                int fieldStart = start + 2;
                int tab = text.indexOf('\t', fieldStart);
                if (tab < 0 || tab > end) {
                    throw malformed(lineNumber, "too few fields");
                }
                String key = text.substring(fieldStart, tab);
                String rest = text.substring(tab + 1, end);
                switch (tag) {
                    case 'R' -> {
                        if (rawKinds.put(key, rest) != null) {
                            throw malformed(lineNumber, "duplicate type " + key);
                        }
                    }
                    case 'P' -> templates.put(key, decodePolicyTemplate(key, rest, lineNumber));
                    case 'C' -> connectors.add(decodeConnector(key, rest, lineNumber));
                    default -> throw malformed(lineNumber, "unknown record tag " + tag);
                }
            }
            start = end + 1;
        }
        return new ResourceCatalog(rawKinds, templates, connectors);
    }

    private static ResourceKind decodeKind(String type, String raw) {
        String[] fields = fields(raw, 6);
        if (fields == null) {
            throw new IllegalStateException("malformed catalog record for " + type);
        }
        String flags = fields[0];
        return new ResourceKind(type,
                names(fields[1]),
                names(fields[2]),
                names(fields[3]),
                decodeTagging(type, fields[4]),
                names(fields[5]),
                flags.indexOf('s') >= 0,
                flags.indexOf('p') >= 0,
                flags.indexOf('a') >= 0);
    }

    private static Tagging decodeTagging(String type, String field) {
        if (field.equals("-")) {
            return Tagging.NONE;
        }
        if (field.length() < 2) {
            throw new IllegalStateException("malformed tagging for " + type + ": " + field);
        }
        boolean taggable = field.charAt(0) == 'T';
        boolean declared = field.charAt(1) == 'D';
        if (field.length() == 2) {
            return new Tagging(taggable, null, TagFormat.NONE, declared);
        }
        if (field.length() < 6 || field.charAt(2) != ':' || field.charAt(4) != ':') {
            throw new IllegalStateException("malformed tagging for " + type + ": " + field);
        }
        TagFormat format = switch (field.charAt(3)) {
            case 'L' -> TagFormat.KEY_VALUE_LIST;
            case 'M' -> TagFormat.MAP;
            case 'N' -> TagFormat.NESTED;
            case 'O' -> TagFormat.OTHER;
            default -> throw new IllegalStateException("malformed tagging for " + type + ": " + field);
        };
        return new Tagging(taggable, field.substring(5), format, declared);
    }

    private static PolicyTemplate decodePolicyTemplate(String name, String rest, int lineNumber) {
        String[] fields = fields(rest, 2);
        if (fields == null) {
            throw malformed(lineNumber, "policy template needs parameters and description");
        }
        String[] parameters = split(fields[0]);
        return new PolicyTemplate(name, unescape(fields[1]), List.of(parameters));
    }

    private static ConnectorProfile decodeConnector(String source, String rest, int lineNumber) {
        String[] fields = fields(rest, 3);
        if (fields == null) {
            fields = fields(rest, 2);
        }
        if (fields == null) {
            throw malformed(lineNumber, "connector profile needs destination and access");
        }
        EnumSet<ConnectorAccess> access = decodeAccess(fields[1], lineNumber);
        List<Set<ConnectorAccess>> valid = new ArrayList<>();
        if (fields.length == 3) {
            for (String combination : split(fields[2])) {
                valid.add(decodeAccess(combination, lineNumber));
            }
        }
        return new ConnectorProfile(source, fields[0], access, valid);
    }

    private static EnumSet<ConnectorAccess> decodeAccess(String letters, int lineNumber) {
        EnumSet<ConnectorAccess> access = EnumSet.noneOf(ConnectorAccess.class);
        for (int i = 0; i < letters.length(); i++) {
            switch (letters.charAt(i)) {
                case 'R' -> access.add(ConnectorAccess.READ);
                case 'W' -> access.add(ConnectorAccess.WRITE);
                default -> throw malformed(lineNumber, "unknown connector access " + letters);
            }
        }
        return access;
    }

    /** Splits on tabs into exactly {@code count} fields, or returns null. */
    private static String @Nullable [] fields(String raw, int count) {
        String[] fields = new String[count];
        int start = 0;
        for (int i = 0; i < count - 1; i++) {
            int tab = raw.indexOf('\t', start);
            if (tab < 0) {
                return null;
            }
            fields[i] = raw.substring(start, tab);
            start = tab + 1;
        }
        if (raw.indexOf('\t', start) >= 0) {
            return null;
        }
        fields[count - 1] = raw.substring(start);
        return fields;
    }

    private static Set<String> names(String field) {
        return field.isEmpty() ? NameSet.EMPTY : NameSet.of(split(field));
    }

    private static String[] split(String field) {
        if (field.isEmpty()) {
            return new String[0];
        }
        int count = 1;
        for (int i = 0; i < field.length(); i++) {
            if (field.charAt(i) == ',') {
                count++;
            }
        }
        String[] parts = new String[count];
        int start = 0;
        for (int i = 0; i < count - 1; i++) {
            int comma = field.indexOf(',', start);
            parts[i] = field.substring(start, comma);
            start = comma + 1;
        }
        parts[count - 1] = field.substring(start);
        return parts;
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
    }

    static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static IllegalStateException malformed(int lineNumber, String message) {
        return new IllegalStateException("catalog data line " + lineNumber + ": " + message);
    }
}
