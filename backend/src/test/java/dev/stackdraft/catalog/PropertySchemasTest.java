package dev.stackdraft.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PropertySchemasTest {

    private final ResourceCatalog catalog = ResourceCatalog.bundled();

    private PropertySchema schema(String type, String property) {
        return catalog.propertySchemas(type).stream().filter(s -> s.name().equals(property)).findFirst()
                .orElseThrow(() -> new AssertionError(type + "." + property + " has no schema"));
    }

    @Test
    void sqs_delay_seconds_is_an_integer_with_its_description_and_docs_page() {
        PropertySchema delay = schema("AWS::SQS::Queue", "DelaySeconds");

        assertThat(delay.valueType()).isEqualTo("integer");
        assertThat(delay.required()).isFalse();
        assertThat(delay.itemType()).isNull();
        assertThat(delay.enumValues()).isEmpty();
        assertThat(delay.description()).startsWith("The time in seconds for which the delivery of all messages in the queue is delayed.");
        assertThat(delay.docsUrl()).isEqualTo(
                "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sqs-queue.html#cfn-sqs-queue-delayseconds");
    }

    @Test
    void lambda_runtime_is_an_enum_and_the_required_properties_come_first() {
        List<PropertySchema> function = catalog.propertySchemas("AWS::Lambda::Function");

        assertThat(function.subList(0, 2)).extracting(PropertySchema::name).containsExactly("Code", "Role");
        assertThat(function.subList(0, 2)).allMatch(PropertySchema::required);
        assertThat(function.subList(2, function.size())).noneMatch(PropertySchema::required)
                .extracting(PropertySchema::name).isSorted();
        PropertySchema runtime = schema("AWS::Lambda::Function", "Runtime");
        assertThat(runtime.valueType()).isEqualTo("string");
        assertThat(runtime.enumValues()).contains("python3.12", "nodejs20.x", "java21", "provided.al2023");
        assertThat(schema("AWS::Lambda::Function", "Code").valueType()).isEqualTo("object");
        assertThat(schema("AWS::Lambda::Function", "Architectures"))
                .extracting(PropertySchema::valueType, PropertySchema::itemType, PropertySchema::enumValues)
                .containsExactly("array", "string", List.of("x86_64", "arm64"));
    }

    @Test
    void sam_function_properties_take_the_types_of_what_sam_passes_them_to() {
        PropertySchema runtime = schema("AWS::Serverless::Function", "Runtime");
        PropertySchema timeout = schema("AWS::Serverless::Function", "Timeout");
        PropertySchema events = schema("AWS::Serverless::Function", "Events");

        assertThat(runtime.valueType()).isEqualTo("string");
        assertThat(runtime.enumValues()).contains("python3.12", "nodejs22.x");
        assertThat(runtime.description()).startsWith("The identifier of the function's runtime.");
        assertThat(timeout.valueType()).isEqualTo("integer");
        assertThat(timeout.description()).isEqualTo("The maximum time in seconds that the function can run before it is stopped.");
        assertThat(timeout.docsUrl()).isEqualTo(
                "https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html#sam-function-timeout");
        assertThat(events.valueType()).isEqualTo("object");
        assertThat(events.description()).isEqualTo("Specifies the events that trigger this function.");
        assertThat(schema("AWS::Serverless::Function", "Policies"))
                .extracting(PropertySchema::valueType, PropertySchema::itemType)
                .containsExactly("string|array|object", "string|object");
        assertThat(schema("AWS::Serverless::Api", "StageName").required()).isTrue();
        assertThat(schema("AWS::Serverless::WebSocketApi", "Name").valueType()).isEqualTo("string");
    }

    @Test
    void unions_keep_every_type_the_schema_allows() {
        assertThat(schema("AWS::IAM::Role", "AssumeRolePolicyDocument").valueType()).isEqualTo("string|object");
        assertThat(schema("AWS::Serverless::Function", "Tracing"))
                .extracting(PropertySchema::valueType, PropertySchema::enumValues)
                .containsExactly("string|object", List.of("Active", "PassThrough", "Disabled"));
        assertThat(schema("AWS::SQS::QueuePolicy", "Queues"))
                .extracting(PropertySchema::valueType, PropertySchema::itemType, PropertySchema::required)
                .containsExactly("array", "string", true);
    }

    @Test
    void custom_resources_have_the_service_token_and_unknown_types_nothing() {
        assertThat(catalog.propertySchemas("Custom::Thing")).extracting(PropertySchema::name).containsExactly("ServiceToken", "ServiceTimeout");
        assertThat(catalog.propertySchemas("AWS::No::Such")).isEmpty();
        assertThat(catalog.propertySchemas("Serverless::Function")).isEmpty();
    }

    @Test
    void every_type_has_a_schema_for_each_of_its_settable_properties() {
        for (String type : catalog.types()) {
            ResourceKind kind = catalog.kind(type).orElseThrow();
            assertThat(catalog.propertySchemas(type).stream().map(PropertySchema::name).collect(Collectors.toSet()))
                    .as(type).isEqualTo(kind.properties());
            assertThat(catalog.propertySchemas(type).stream().filter(PropertySchema::required).map(PropertySchema::name)
                    .collect(Collectors.toSet())).as(type).isEqualTo(kind.required());
        }
    }

    @Test
    void descriptions_are_short_plain_text_and_docs_links_follow_the_docs_pages() {
        Map<String, List<PropertySchema>> all = PropertySchemas.parse(ResourceCatalog.readGzipResource(PropertySchemas.DATA_RESOURCE)).all();
        long described = 0;
        long count = 0;
        for (Map.Entry<String, List<PropertySchema>> type : all.entrySet()) {
            for (PropertySchema schema : type.getValue()) {
                count++;
                described += schema.description().isEmpty() ? 0 : 1;
                assertThat(schema.description()).as(type.getKey() + "." + schema.name())
                        .doesNotContain("](", "<a ", "`", "**", "\n").hasSizeLessThanOrEqualTo(DocText.MAX_LENGTH + 1);
                assertThat(schema.valueType()).matches("any|(string|integer|number|boolean|array|object)(\\|(integer|number|boolean|array|object))*");
                String prefix = type.getKey().startsWith("AWS::Serverless::")
                        ? "https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-"
                        : "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-";
                assertThat(schema.docsUrl()).as(type.getKey() + "." + schema.name()).startsWith(prefix);
            }
        }
        assertThat(count).isGreaterThan(10_000);
        assertThat(described).as("properties with a description").isGreaterThan(count * 9 / 10);
    }

    @Test
    void documentation_becomes_one_or_two_plain_sentences() {
        assertThat(DocText.summary("The name of the queue. To create a FIFO queue, see [FIFO queues](https://x.example/f.html)"
                + " in the *Amazon SQS Developer Guide* . Another sentence."))
                .isEqualTo("The name of the queue. To create a FIFO queue, see FIFO queues in the Amazon SQS Developer Guide.");
        assertThat(DocText.summary("The maximum time in seconds that the function can run before it is stopped.  \n"
                + "*Type*: Integer  \n*Required*: No"))
                .isEqualTo("The maximum time in seconds that the function can run before it is stopped.");
        assertThat(DocText.summary("Use <a href=\"https://x\">this</a> value, e.g. `alias/aws/sqs` ( default )."))
                .isEqualTo("Use this value, e.g. alias/aws/sqs (default).");
        assertThat(DocText.summary("x".repeat(400))).hasSize(DocText.MAX_LENGTH).endsWith("\u2026");
    }

    @Test
    void bundled_property_schemas_match_the_shared_schemas_and_stay_small() throws IOException {
        String shared = System.getProperty("stackdraft.shared");
        Path schemas = shared == null ? null : Path.of(shared, "schemas");
        Assumptions.assumeTrue(schemas != null && Files.isDirectory(schemas),
                "skipped: the shared schemas folder is not available (system property stackdraft.shared = " + shared + ")");
        String bundled = ResourceCatalog.readGzipResource(PropertySchemas.DATA_RESOURCE);

        // the CloudFormation descriptions come from the CDK service specification, which is not in the shared folder:
        // they are carried over, everything else is generated again and must be what is bundled
        PropertySchemaGenerator.Result regenerated = PropertySchemaGenerator.generate(schemas, null,
                PropertySchemaGenerator.descriptions(bundled));

        assertThat(regenerated.text()).as("the bundled %s is stale: rerun CatalogGenerator", PropertySchemas.DATA_RESOURCE)
                .isEqualTo(bundled);
        try (InputStream in = ResourceCatalog.class.getResourceAsStream(PropertySchemas.DATA_RESOURCE)) {
            assertThat(in.readAllBytes().length).as("gzipped size").isLessThan(1_500_000);
        }
    }
}
