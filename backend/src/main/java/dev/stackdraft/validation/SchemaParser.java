package dev.stackdraft.validation;

import dev.stackdraft.validation.SchemaNode.JsonType;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the SAM JSON schema with Jackson's streaming parser into {@link SchemaNode}s, skipping the descriptions
 * that make up most of its 750 kB, and puts together a {@link SamSchema}: the resource schemas by type and the
 * Globals schema.
 */
final class SchemaParser {

    private static final String DEFINITIONS = "#/definitions/";
    /** Keywords that only annotate. */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "id", "title", "description",
            "markdownDescription", "default", "examples", "__samPassThrough");

    static final SchemaNode ANY = new SchemaNode(null, Set.of(), null, null, Map.of(), List.of(), true, null,
            null, List.of(), List.of());

    private final Map<String, SchemaNode> definitions = new HashMap<>();
    private final Set<String> unsupported = new TreeSet<>();
    private final boolean widened;

    SchemaParser(boolean widened) {
        this.widened = widened;
    }

    SamSchema parse(InputStream in) {
        try (JsonParser json = JsonFactory.builder().build().createParser(ObjectReadContext.empty(), in)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("the SAM schema is not a JSON object");
            }
            return assemble(node(json, true));
        }
    }

    private SamSchema assemble(SchemaNode root) {
        if (widened) {
            widen("samtranslator__internal__schema_source__aws_serverless_api__Properties", "EndpointConfiguration",
                    JsonType.STRING);
        }
        Map<String, SchemaNode> resources = new HashMap<>();
        SchemaNode section = root.properties().get("Resources");
        if (section != null && section.additional() != null) {
            for (SchemaNode branch : section.additional().anyOf()) {
                SchemaNode resource = branch.ref() != null ? definitions.get(branch.ref()) : branch;
                if (resource == null) {
                    continue;
                }
                SchemaNode type = resource.properties().get("Type");
                if (type != null && type.enumValues() != null && type.enumValues().size() == 1) {
                    resources.put(type.enumValues().getFirst(), branch);
                }
            }
        }
        return new SamSchema(Map.copyOf(definitions), Map.copyOf(resources), root.properties().get("Globals"),
                Set.copyOf(unsupported));
    }

    /**
     * Where the SAM translator accepts more than its schema says, and real templates use it: lets the property
     * also be of {@code type}. {@code AWS::Serverless::Api}'s {@code EndpointConfiguration: REGIONAL} (a string,
     * as {@code Domain} allows it) is the one case so far.
     */
    private void widen(String definition, String property, JsonType type) {
        SchemaNode owner = definitions.get(definition);
        SchemaNode original = owner == null ? null : owner.properties().get(property);
        if (owner == null || original == null) {
            return;
        }
        SchemaNode alternative = new SchemaNode(null, Set.of(type), null, null, Map.of(), List.of(), true, null, null,
                List.of(), List.of());
        SchemaNode widened = new SchemaNode(null, Set.of(), null, null, Map.of(), List.of(), true, null, null,
                List.of(), List.of(original, alternative));
        Map<String, SchemaNode> properties = new HashMap<>(owner.properties());
        properties.put(property, widened);
        definitions.put(definition, new SchemaNode(owner.ref(), owner.types(), owner.enumValues(), owner.pattern(),
                properties, owner.required(), owner.additionalAllowed(), owner.additional(), owner.items(),
                owner.allOf(), owner.anyOf()));
    }

    /** Reads the object the parser stands on (START_OBJECT) up to its END_OBJECT. */
    private SchemaNode node(JsonParser json, boolean root) {
        String ref = null;
        Set<JsonType> types = EnumSet.noneOf(JsonType.class);
        List<String> enumValues = null;
        Pattern pattern = null;
        Map<String, SchemaNode> properties = Map.of();
        List<String> required = List.of();
        boolean additionalAllowed = true;
        SchemaNode additional = null;
        SchemaNode items = null;
        List<SchemaNode> allOf = List.of();
        List<SchemaNode> anyOf = List.of();
        while (json.nextToken() == JsonToken.PROPERTY_NAME) {
            String keyword = json.currentName();
            JsonToken token = json.nextToken();
            switch (keyword) {
                case "$ref" -> {
                    String target = json.getString();
                    ref = target.startsWith(DEFINITIONS) ? target.substring(DEFINITIONS.length()) : unsupported(json, "$ref " + target);
                }
                case "type" -> types = types(json, token);
                case "enum" -> enumValues = strings(json, token, keyword);
                case "pattern" -> pattern = Pattern.compile(json.getString());
                case "properties" -> properties = nodes(json, token);
                case "definitions" -> {
                    Map<String, SchemaNode> found = nodes(json, token);
                    if (root) {
                        definitions.putAll(found);
                    }
                }
                case "required" -> required = strings(json, token, keyword);
                case "additionalProperties" -> {
                    if (token == JsonToken.START_OBJECT) {
                        additional = node(json, false);
                    } else {
                        additionalAllowed = token == JsonToken.VALUE_TRUE;
                    }
                }
                case "items" -> {
                    if (token == JsonToken.START_OBJECT) {
                        items = node(json, false);
                    } else {
                        unsupported(json, "items as a list");
                    }
                }
                case "allOf" -> allOf = list(json, token);
                case "anyOf" -> anyOf = list(json, token);
                default -> {
                    if (!ANNOTATIONS.contains(keyword) && !keyword.startsWith("x-")) {
                        unsupported.add(keyword);
                    }
                    json.skipChildren();
                }
            }
        }
        return new SchemaNode(ref, types, enumValues, pattern, properties, required, additionalAllowed, additional,
                items, allOf, anyOf);
    }

    private @Nullable String unsupported(JsonParser json, String what) {
        unsupported.add(what);
        json.skipChildren();
        return null;
    }

    private Set<JsonType> types(JsonParser json, JsonToken token) {
        Set<JsonType> types = EnumSet.noneOf(JsonType.class);
        for (String name : token == JsonToken.START_ARRAY ? strings(json, token, "type") : List.of(json.getString())) {
            types.add(JsonType.valueOf(name.toUpperCase(Locale.ROOT)));
        }
        return types;
    }

    private List<String> strings(JsonParser json, JsonToken token, String keyword) {
        if (token != JsonToken.START_ARRAY) {
            unsupported.add(keyword + " not a list");
            json.skipChildren();
            return List.of();
        }
        List<String> values = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            if (json.currentToken() == JsonToken.VALUE_STRING) {
                values.add(json.getString());
            } else {
                unsupported.add(keyword + " with a " + json.currentToken());
                json.skipChildren();
            }
        }
        return values;
    }

    private Map<String, SchemaNode> nodes(JsonParser json, JsonToken token) {
        if (token != JsonToken.START_OBJECT) {
            json.skipChildren();
            return Map.of();
        }
        Map<String, SchemaNode> nodes = new HashMap<>();
        while (json.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = json.currentName();
            if (json.nextToken() == JsonToken.START_OBJECT) {
                nodes.put(name, node(json, false));
            } else {
                json.skipChildren();
            }
        }
        return nodes;
    }

    private List<SchemaNode> list(JsonParser json, JsonToken token) {
        if (token != JsonToken.START_ARRAY) {
            json.skipChildren();
            return List.of();
        }
        List<SchemaNode> nodes = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            if (json.currentToken() == JsonToken.START_OBJECT) {
                nodes.add(node(json, false));
            } else {
                json.skipChildren();
            }
        }
        return nodes;
    }
}
