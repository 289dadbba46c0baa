package dev.stackdraft.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generates the bundled property schemas ({@value PropertySchemas#DATA_RESOURCE}): per resource type, per settable
 * top-level property, its value type, enum values, item type, whether it is required, a short description and its
 * documentation address. Run by {@link CatalogGenerator#main}, deterministic, compared with the bundled file by
 * {@code PropertySchemasTest}.
 *
 * <p>Sources:
 * <ul>
 * <li>Types, enums and required come from the CloudFormation provider schemas ({@code $ref}, {@code anyOf},
 *     {@code oneOf} and {@code allOf} followed) and the SAM schema. A SAM property that SAM passes through to a
 *     CloudFormation property ({@code PassThroughProp}) takes that property's type, found through the schema's
 *     {@code __samPassThrough.schemaPath} or its description's "passed directly to the X property of an AWS::...
 *     resource"; failing both, from its description's {@code *Type*:} line.</li>
 * <li>Descriptions of SAM properties come from the SAM schema's {@code markdownDescription}. The provider schemas
 *     as cfn-lint ships them carry no descriptions, so those of CloudFormation properties come from the service
 *     specification the AWS CDK publishes ({@code db.json.gz} of the npm package {@code @aws-cdk/aws-service-spec},
 *     built from the AWS registry schemas with their descriptions), when its path is given; otherwise they are
 *     carried over from the bundled data as they are.</li>
 * <li>Documentation addresses follow the scheme of the AWS docs: {@code aws-resource-<service>-<resource>.html
 *     #cfn-<service>-<resource>-<property>} for CloudFormation, {@code sam-resource-<resource>.html
 *     #sam-<resource>-<property>} for SAM.</li>
 * </ul>
 *
 * <p>Format, one record per line, fields separated by tabs (lines starting with {@code #} are comments):
 * <pre>
 * T  &lt;type&gt;
 * p  &lt;name&gt; &lt;valueType&gt; &lt;itemType or empty&gt; &lt;r if required, else empty&gt; &lt;enum values, comma-separated&gt;
 *    &lt;docs URL or empty&gt; &lt;description, with \ tab and newline escaped&gt;
 * </pre>
 * {@code p} records belong to the {@code T} record above them, in the order the catalog answers them: required first,
 * then by name.
 */
final class PropertySchemaGenerator {

    /** Integers and strings in a union are written in this order. */
    static final List<String> TYPE_ORDER = List.of("string", "integer", "number", "boolean", "array", "object");

    /** The CloudFormation types SAM makes from a SAM type, where its pass-through properties go. */
    static final Map<String, List<String>> UNDERLYING = Map.ofEntries(
            Map.entry("AWS::Serverless::Function", List.of("AWS::Lambda::Function")),
            Map.entry("AWS::Serverless::Api", List.of("AWS::ApiGateway::RestApi", "AWS::ApiGateway::Stage")),
            Map.entry("AWS::Serverless::HttpApi", List.of("AWS::ApiGatewayV2::Api", "AWS::ApiGatewayV2::Stage")),
            Map.entry("AWS::Serverless::WebSocketApi", List.of("AWS::ApiGatewayV2::Api", "AWS::ApiGatewayV2::Stage")),
            Map.entry("AWS::Serverless::StateMachine", List.of("AWS::StepFunctions::StateMachine")),
            Map.entry("AWS::Serverless::LayerVersion", List.of("AWS::Lambda::LayerVersion")),
            Map.entry("AWS::Serverless::SimpleTable", List.of("AWS::DynamoDB::Table")),
            Map.entry("AWS::Serverless::GraphQLApi", List.of("AWS::AppSync::GraphQLApi")),
            Map.entry("AWS::Serverless::Application", List.of("AWS::CloudFormation::Stack")),
            Map.entry("AWS::Serverless::CapacityProvider", List.of("AWS::Lambda::CapacityProvider")));

    private static final int MAX_DEPTH = 12;
    private static final Pattern PASSED_TO = Pattern.compile(
            "passed directly to the \\[`?(\\w+)`?]\\([^)]*\\) property of an? `(AWS::\\w+::\\w+)` resource");
    private static final Pattern MARKDOWN_TYPE = Pattern.compile("\\*Type\\*: ([^\\n]*)");

    private final ObjectMapper mapper = JsonMapper.builder().build();
    private final Path providers;
    private final Map<String, String> carried;
    private final Map<String, String> cfnDescriptions = new TreeMap<>();
    private final Map<String, JsonNode> providerCache = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();

    /** The generated text and what the generator noticed. */
    record Result(String text, List<String> notes) {
    }

    private record Shape(Set<String> types, Set<String> items, Set<String> enums) {
        static Shape empty() {
            return new Shape(new TreeSet<>(), new TreeSet<>(), new LinkedHashSet<>());
        }

        void add(Shape other) {
            types.addAll(other.types);
            items.addAll(other.items);
            enums.addAll(other.enums);
        }
    }

    private PropertySchemaGenerator(Path schemasDir, Map<String, String> carried) {
        this.providers = schemasDir.resolve("providers").resolve("us_east_1");
        this.carried = carried;
    }

    /**
     * Generates the data from {@code <shared>/schemas}; CloudFormation descriptions from the CDK service specification
     * at {@code serviceSpec} if given, else from {@code carried} (keyed {@code type + '\t' + property}).
     */
    static Result generate(Path schemasDir, @Nullable Path serviceSpec, Map<String, String> carried) {
        PropertySchemaGenerator generator = new PropertySchemaGenerator(schemasDir, carried);
        if (serviceSpec != null) {
            generator.readServiceSpec(serviceSpec);
        }
        String text = generator.run(schemasDir);
        return new Result(text, List.copyOf(generator.notes));
    }

    /** The CloudFormation descriptions of a generated text, to carry over into the next generation. */
    static Map<String, String> descriptions(String data) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, List<PropertySchema>> type : PropertySchemas.parse(data).all().entrySet()) {
            if (!type.getKey().startsWith("AWS::Serverless::")) {
                for (PropertySchema schema : type.getValue()) {
                    out.put(type.getKey() + '\t' + schema.name(), schema.description());
                }
            }
        }
        return out;
    }

    private String run(Path schemasDir) {
        TreeMap<String, List<PropertySchema>> types = new TreeMap<>();
        readProviders(types);
        readSam(schemasDir.resolve("sam").resolve("sam.schema.json"), types);
        StringBuilder out = new StringBuilder(1 << 22);
        out.append(PropertySchemas.FORMAT_HEADER).append('\n');
        out.append("# generated by dev.stackdraft.catalog.CatalogGenerator from the CloudFormation resource provider"
                + " schemas, the AWS SAM schema and (descriptions) the AWS CDK service specification; see README.md\n");
        int count = 0;
        int described = 0;
        for (Map.Entry<String, List<PropertySchema>> type : types.entrySet()) {
            out.append("T\t").append(field(type.getKey())).append('\n');
            for (PropertySchema schema : type.getValue()) {
                count++;
                described += schema.description().isEmpty() ? 0 : 1;
                out.append("p\t").append(field(schema.name()))
                        .append('\t').append(schema.valueType())
                        .append('\t').append(schema.itemType() == null ? "" : schema.itemType())
                        .append('\t').append(schema.required() ? "r" : "")
                        .append('\t').append(enumField(schema.enumValues()))
                        .append('\t').append(schema.docsUrl() == null ? "" : field(schema.docsUrl()))
                        .append('\t').append(ResourceCatalog.escape(schema.description()))
                        .append('\n');
            }
        }
        notes.add(types.size() + " types, " + count + " properties, " + described + " with a description");
        return out.toString();
    }

    // --- CloudFormation ----------------------------------------------------------------------------------

    private void readProviders(TreeMap<String, List<PropertySchema>> types) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(providers)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + providers, e);
        }
        int untyped = 0;
        for (Path file : files) {
            JsonNode schema = read(file);
            String type = schema.path("typeName").asString("");
            if (!type.contains("::")) {
                continue;
            }
            Set<String> readOnly = new TreeSet<>();
            for (JsonNode pointer : schema.path("readOnlyProperties").values()) {
                String[] segments = pointer.asString().split("/");
                if (segments.length == 3 && segments[1].equals("properties")) {
                    readOnly.add(segments[2]);
                }
            }
            Set<String> required = new TreeSet<>();
            schema.path("required").values().forEach(name -> required.add(name.asString()));
            List<PropertySchema> schemas = new ArrayList<>();
            for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                String name = property.getKey();
                if (readOnly.contains(name)) {
                    continue;
                }
                Shape shape = shape(schema, property.getValue(), 0);
                untyped += shape.types().isEmpty() ? 1 : 0;
                schemas.add(schema(name, shape, required.contains(name), cfnDescription(type, name),
                        type.startsWith("AWS::") || type.startsWith("Alexa::") ? DocText.cloudFormationDocsUrl(type, name) : null));
            }
            types.put(type, ordered(schemas));
        }
        notes.add(untyped + " CloudFormation properties have no type in their schema (any)");
    }

    private String cfnDescription(String type, String property) {
        String key = type + '\t' + property;
        return cfnDescriptions.isEmpty() ? carried.getOrDefault(key, "") : cfnDescriptions.getOrDefault(key, "");
    }

    /** Reads the CDK service specification's resource documentation: {@code schema.resource.entities[]}. */
    private void readServiceSpec(Path file) {
        JsonNode db;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            db = mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        JsonNode entities = db.path("schema").path("resource").path("entities");
        if (!entities.isArray() || entities.isEmpty()) {
            throw new IllegalStateException(file + ": schema.resource.entities not found; is this the service spec db?");
        }
        for (JsonNode resource : entities.values()) {
            String type = resource.path("cloudFormationType").asString("");
            for (Map.Entry<String, JsonNode> property : resource.path("properties").properties()) {
                String documentation = property.getValue().path("documentation").asString("");
                if (!type.isEmpty() && !documentation.isEmpty()) {
                    cfnDescriptions.put(type + '\t' + property.getKey(), DocText.summary(documentation));
                }
            }
        }
        notes.add("service specification: " + cfnDescriptions.size() + " CloudFormation property descriptions");
    }

    // --- SAM ---------------------------------------------------------------------------------------------

    private void readSam(Path file, TreeMap<String, List<PropertySchema>> types) {
        JsonNode root = read(file);
        for (JsonNode reference : root.path("properties").path("Resources").path("additionalProperties").path("anyOf").values()) {
            JsonNode definition = CatalogGenerator.resolve(root, reference);
            JsonNode typeEnum = definition.path("properties").path("Type").path("enum");
            JsonNode propertiesRef = definition.path("properties").get("Properties");
            if (!typeEnum.isArray() || typeEnum.size() != 1 || propertiesRef == null) {
                continue;
            }
            String type = typeEnum.get(0).asString();
            Map<String, JsonNode> properties = new TreeMap<>();
            Set<String> required = new TreeSet<>();
            collectSam(root, propertiesRef, properties, required, 0);
            List<PropertySchema> schemas = new ArrayList<>();
            for (Map.Entry<String, JsonNode> property : properties.entrySet()) {
                schemas.add(samProperty(root, type, property.getKey(), property.getValue(), required.contains(property.getKey())));
            }
            types.put(type, ordered(schemas));
        }
    }

    private void collectSam(JsonNode root, JsonNode node, Map<String, JsonNode> properties, Set<String> required, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("SAM schema: Properties nest too deep");
        }
        JsonNode resolved = CatalogGenerator.resolve(root, node);
        for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
            properties.putIfAbsent(property.getKey(), property.getValue());
        }
        resolved.path("required").values().forEach(name -> required.add(name.asString()));
        for (JsonNode part : resolved.path("allOf").values()) {
            collectSam(root, part, properties, required, depth + 1);
        }
    }

    private PropertySchema samProperty(JsonNode root, String type, String name, JsonNode node, boolean required) {
        String markdown = node.path("__samPassThrough").path("markdownDescriptionOverride")
                .asString(node.path("markdownDescription").asString(""));
        if (markdown.strip().equals("TODO")) {
            markdown = "";
        }
        Shape shape = shape(root, node, 0);
        boolean passesThrough = passesThrough(node);
        String[] target = passThroughTarget(node, markdown);
        if (target == null && passesThrough) {
            target = underlyingProperty(type, name);
        }
        if (target != null && passesThrough) {
            JsonNode provider = provider(target[0]);
            JsonNode property = provider == null ? null : provider.path("properties").get(target[1]);
            if (property == null) {
                notes.add(type + "." + name + ": passes through to " + target[0] + "." + target[1] + ", which is unknown");
            } else {
                shape.add(shape(provider, property, 0));
            }
        }
        if (shape.types().isEmpty()) {
            Matcher declared = MARKDOWN_TYPE.matcher(markdown);
            if (declared.find()) {
                shape.types().addAll(markdownTypes(declared.group(1)));
            }
        }
        if (shape.types().isEmpty()) {
            notes.add(type + "." + name + ": no type found (any)");
        }
        String description = DocText.summary(markdown);
        if (description.isEmpty() && target != null) {
            description = cfnDescription(target[0], target[1]);
        }
        return schema(name, shape, required, description, DocText.samDocsUrl(type, name));
    }

    /**
     * For a pass-through property whose schema does not say where it goes: the same-named property of the
     * CloudFormation types SAM makes from this type, if one has it.
     */
    private String @Nullable [] underlyingProperty(String samType, String property) {
        for (String type : UNDERLYING.getOrDefault(samType, List.of())) {
            JsonNode provider = provider(type);
            if (provider != null && provider.path("properties").has(property)) {
                return new String[] {type, property};
            }
        }
        return null;
    }

    /** Whether a SAM property is (or may be) SAM's {@code PassThroughProp}: its type is the CloudFormation one's. */
    private static boolean passesThrough(JsonNode node) {
        if (node.has("__samPassThrough")) {
            return true;
        }
        String text = node.toString();
        return text.contains("#/definitions/PassThroughProp");
    }

    /** {@code [type, property]} a SAM property is passed to, if its schema or description says. */
    private static String @Nullable [] passThroughTarget(JsonNode node, String markdown) {
        JsonNode path = node.path("__samPassThrough").path("schemaPath");
        if (path.isArray() && path.size() >= 6 && path.get(0).asString().equals("definitions")) {
            return new String[] {path.get(1).asString(), path.get(path.size() - 1).asString()};
        }
        Matcher passed = PASSED_TO.matcher(markdown);
        return passed.find() ? new String[] {passed.group(2), passed.group(1)} : null;
    }

    /** SAM's "*Type*: String | List of [X](...)" line, as types. */
    private static Set<String> markdownTypes(String declared) {
        Set<String> types = new TreeSet<>();
        for (String part : declared.split("\\|")) {
            String word = part.strip().toLowerCase(Locale.ROOT);
            if (word.startsWith("string")) {
                types.add("string");
            } else if (word.startsWith("integer")) {
                types.add("integer");
            } else if (word.startsWith("double") || word.startsWith("number")) {
                types.add("number");
            } else if (word.startsWith("boolean")) {
                types.add("boolean");
            } else if (word.startsWith("list") || word.startsWith("array")) {
                types.add("array");
            } else if (word.startsWith("map") || word.startsWith("[") || word.startsWith("json")) {
                types.add("object");
            }
        }
        return types;
    }

    // --- shapes ------------------------------------------------------------------------------------------

    /** The types, item types and enum values a schema node allows, following $ref and the combinators. */
    private Shape shape(JsonNode root, JsonNode node, int depth) {
        Shape shape = Shape.empty();
        if (depth > MAX_DEPTH) {
            return shape;
        }
        JsonNode resolved = CatalogGenerator.resolve(root, node);
        JsonNode type = resolved.get("type");
        if (type != null && type.isString()) {
            shape.types().add(type.asString());
        } else if (type != null && type.isArray()) {
            type.values().forEach(t -> shape.types().add(t.asString()));
        }
        JsonNode enumNode = resolved.has("enum") ? resolved.get("enum") : resolved.get("enumCaseInsensitive");
        if (enumNode != null && enumNode.isArray()) {
            enumNode.values().forEach(v -> shape.enums().add(enumValue(v)));
        }
        for (String combinator : List.of("anyOf", "oneOf", "allOf")) {
            for (JsonNode alternative : resolved.path(combinator).values()) {
                Shape other = shape(root, alternative, depth + 1);
                if (type == null) {
                    shape.types().addAll(other.types());
                }
                shape.items().addAll(other.items());
                shape.enums().addAll(other.enums());
            }
        }
        if (shape.types().isEmpty()) {
            if (resolved.has("properties") || resolved.has("patternProperties") || resolved.path("additionalProperties").isObject()) {
                shape.types().add("object");
            } else if (resolved.has("items")) {
                shape.types().add("array");
            } else if (!shape.enums().isEmpty() && enumNode != null) {
                enumNode.values().forEach(v -> shape.types().add(v.isString() ? "string" : v.isBoolean() ? "boolean"
                        : v.isIntegralNumber() ? "integer" : "number"));
            }
        }
        if (shape.types().contains("array") && resolved.has("items")) {
            Shape items = shape(root, resolved.get("items"), depth + 1);
            shape.items().addAll(items.types());
            if (shape.enums().isEmpty()) {
                shape.enums().addAll(items.enums());
            }
        }
        return shape;
    }

    private static String enumValue(JsonNode value) {
        return value.isString() ? value.asString() : value.toString();
    }

    private static PropertySchema schema(String name, Shape shape, boolean required, String description,
            @Nullable String docsUrl) {
        String valueType = union(shape.types());
        String itemType = shape.types().contains("array") ? union(shape.items()) : null;
        return new PropertySchema(name, valueType, List.copyOf(shape.enums()), itemType, required, description, docsUrl);
    }

    private static String union(Set<String> types) {
        List<String> ordered = TYPE_ORDER.stream().filter(types::contains).toList();
        return ordered.isEmpty() ? "any" : String.join("|", ordered);
    }

    /** Required first, then by name: the order forms show them in. */
    static List<PropertySchema> ordered(List<PropertySchema> schemas) {
        List<PropertySchema> out = new ArrayList<>(schemas);
        out.sort((a, b) -> a.required() != b.required() ? (a.required() ? -1 : 1) : a.name().compareTo(b.name()));
        return out;
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private @Nullable JsonNode provider(String type) {
        return providerCache.computeIfAbsent(type, t -> {
            Path file = providers.resolve(t.toLowerCase(Locale.ROOT).replace("::", "-") + ".json");
            return Files.isRegularFile(file) ? read(file) : mapper.missingNode();
        }).isMissingNode() ? null : providerCache.get(type);
    }

    private JsonNode read(Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private String enumField(List<String> values) {
        StringBuilder out = new StringBuilder();
        for (String value : values) {
            if (value.isEmpty() || value.indexOf(',') >= 0) {
                notes.add("enum value '" + value + "' cannot be listed in this format; left out");
                continue;
            }
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(field(value));
        }
        return out.toString();
    }

    /** Checks that a value fits a tab-separated field. */
    private static String field(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                throw new IllegalStateException("does not fit the property schema format: " + value);
            }
        }
        return value;
    }
}
