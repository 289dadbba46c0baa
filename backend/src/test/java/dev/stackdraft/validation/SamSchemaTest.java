package dev.stackdraft.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.stackdraft.catalog.ResourceCatalog;
import dev.stackdraft.template.Corpus;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.TemplateReader;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import dev.stackdraft.template.Value.Tagged;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fast evaluator against the published SAM schema, judged by a complete draft-04 implementation (networknt):
 * on every SAM resource of the corpus both must reach the same verdict, and each place the evaluator blames must
 * be one networknt blames too.
 */
class SamSchemaTest {

    private static SamSchema official;
    private static ObjectNode schemaJson;

    @BeforeAll
    static void load() throws Exception {
        System.setProperty("slf4j.internal.verbosity", "ERROR"); // networknt logs through slf4j; no binding in tests
        official = SamSchema.load(false);
        try (InputStream in = ResourceCatalog.samSchema()) {
            schemaJson = (ObjectNode) new ObjectMapper().readTree(in);
        }
    }

    @Test
    void the_bundled_schema_uses_no_keyword_the_evaluator_does_not_know() {
        assertThat(official.unsupportedKeywords()).isEmpty();
        assertThat(SamSchema.bundled().unsupportedKeywords()).isEmpty();
    }

    @Test
    void every_sam_type_of_the_catalog_has_its_schema_and_no_other() {
        Set<String> samTypes = ResourceCatalog.bundled().types().stream()
                .filter(t -> t.startsWith("AWS::Serverless::")).collect(Collectors.toSet());
        assertThat(official.resourceTypes()).containsExactlyInAnyOrderElementsOf(samTypes);
        assertThat(official.globals()).isPresent();
    }

    @Test
    void function_events_are_told_apart_by_their_type() {
        SchemaNode function = official.resolve(official.resource("AWS::Serverless::Function").orElseThrow());
        SchemaNode properties = official.resolve(function.properties().get("Properties"));
        SchemaNode events = official.resolve(properties.properties().get("Events"));
        var discriminator = official.discriminator(events.additional().anyOf());
        assertThat(discriminator).isPresent();
        assertThat(discriminator.get().property()).isEqualTo("Type");
        assertThat(discriminator.get().branches()).containsKeys("Api", "SQS", "S3", "HttpApi", "Schedule");
    }

    @Test
    void the_evaluator_agrees_with_networknt_on_every_sam_resource_of_the_corpus() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        SchemaEvaluator evaluator = new SchemaEvaluator(official, false);
        int compared = 0;
        int invalid = 0;
        List<String> disagreements = new ArrayList<>();
        for (Path file : Corpus.files().toList()) {
            Template template;
            try {
                template = new TemplateReader().read(file);
            } catch (TemplateException e) {
                continue;
            }
            for (Resource resource : template.resources()) {
                Optional<SchemaNode> node = official.resource(resource.type().value());
                if (node.isEmpty() || hasTag(resource.definition())) {
                    continue;
                }
                Schema schema = registry.getSchema(wrapper(node.get().ref()));
                ObjectNode instance = JsonNodeFactory.instance.objectNode();
                instance.set("R", json(resource.definition()));
                Set<String> theirs = new TreeSet<>();
                schema.validate(instance).forEach(e -> theirs.add(pointer(e.getInstanceLocation().toString())));
                Set<String> ours = new TreeSet<>();
                for (SchemaError error : evaluator.evaluate(node.get(), resource.definition(), DocPath.ROOT, resource.key().span())) {
                    DocPath at = error.kind() == SchemaError.Kind.ADDITIONAL ? error.path().parent() : error.path();
                    ours.add(at.toString());
                }
                compared++;
                invalid += theirs.isEmpty() ? 0 : 1;
                if (theirs.isEmpty() != ours.isEmpty() || !theirs.containsAll(ours)) {
                    disagreements.add(Corpus.label(file) + " " + resource.id() + ": networknt " + theirs + ", ours " + ours);
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(compared).isGreaterThan(300);
        assertThat(invalid).isGreaterThan(10);
    }

    private static boolean hasTag(Value value) {
        return switch (value) {
            case Tagged t -> true;
            case Mapping m -> m.entries().stream().anyMatch(e -> hasTag(e.value()));
            case Sequence s -> s.items().stream().anyMatch(SamSchemaTest::hasTag);
            case Intrinsic fn -> hasTag(fn.argument());
            case Scalar s -> false;
        };
    }

    private static JsonNode wrapper(String definition) {
        ObjectNode wrapper = schemaJson.deepCopy();
        wrapper.remove("required");
        ObjectNode properties = wrapper.putObject("properties");
        properties.putObject("R").put("$ref", "#/definitions/" + definition);
        return wrapper;
    }

    /** A networknt instance location ({@code /R/Properties/Events/0}) as a {@link DocPath} string. */
    private static String pointer(String location) {
        List<Object> segments = new ArrayList<>();
        String[] parts = location.split("/", -1);
        for (int i = 2; i < parts.length; i++) {
            String part = parts[i].replace("~1", "/").replace("~0", "~");
            // numeric segments are list indexes: no SAM schema error lands under a mapping key made of digits
            segments.add(!part.isEmpty() && part.chars().allMatch(Character::isDigit) ? (Object) Integer.parseInt(part) : part);
        }
        return new DocPath(segments).toString();
    }

    /** The JSON form of a value: intrinsic functions as their long-form one-key objects. */
    static JsonNode json(Value value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (value) {
            case Scalar s -> switch (s.kind()) {
                case STRING -> f.stringNode(s.text());
                case NULL -> f.nullNode();
                case BOOLEAN -> f.booleanNode(s.text().toLowerCase(Locale.ROOT).equals("true"));
                case NUMBER -> number(s.text());
            };
            case Sequence seq -> {
                ArrayNode array = f.arrayNode();
                seq.items().forEach(item -> array.add(json(item)));
                yield array;
            }
            case Mapping m -> {
                ObjectNode object = f.objectNode();
                for (Entry e : m.entries()) {
                    object.set(e.name(), json(e.value()));
                }
                yield object;
            }
            case Intrinsic fn -> {
                ObjectNode object = f.objectNode();
                object.set(fn.fn().longName(), json(fn.argument()));
                yield object;
            }
            case Tagged t -> f.nullNode();
        };
    }

    private static JsonNode number(String text) {
        try {
            return JsonNodeFactory.instance.numberNode(Long.parseLong(text));
        } catch (NumberFormatException e) {
            try {
                return JsonNodeFactory.instance.numberNode(new BigDecimal(text));
            } catch (NumberFormatException again) {
                return JsonNodeFactory.instance.stringNode(text);
            }
        }
    }
}
