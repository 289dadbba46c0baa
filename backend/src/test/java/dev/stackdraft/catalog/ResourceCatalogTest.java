package dev.stackdraft.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ResourceCatalogTest {

    private final ResourceCatalog catalog = ResourceCatalog.bundled();

    private ResourceKind kind(String type) {
        return catalog.kind(type).orElseThrow(() -> new AssertionError(type + " missing from the catalog"));
    }

    @Test
    void bundled_catalog_loads_once_with_every_cloudformation_and_sam_type() {
        assertThat(ResourceCatalog.bundled()).isSameAs(catalog);
        assertThat(catalog.types()).hasSizeGreaterThan(1500)
                .contains("AWS::Lambda::Function", "AWS::Serverless::Function", "AWS::Serverless::Api",
                        "AWS::Serverless::HttpApi", "AWS::Serverless::StateMachine", "AWS::Serverless::Connector",
                        "AWS::Serverless::GraphQLApi", "AWS::Serverless::CapacityProvider")
                .doesNotContain("Module");
        assertThat(List.copyOf(catalog.types())).isSorted();
        assertThat(catalog.types().stream().filter(t -> t.startsWith("AWS::Serverless::"))).hasSize(11);
    }

    @Test
    void lambda_function_knows_its_layers_property_and_arn_attribute() {
        ResourceKind function = kind("AWS::Lambda::Function");
        assertThat(function.hasProperty("Layers")).isTrue();
        assertThat(function.hasAttribute("Arn")).isTrue();
        assertThat(function.hasAttribute("SnapStartResponse.ApplyOn")).isTrue();
        assertThat(function.hasAttribute("Layers")).isFalse();
        assertThat(function.required()).containsExactly("Code", "Role");
        assertThat(function.sam()).isFalse();
        assertThat(function.acceptsAnyProperty()).isFalse();
        assertThat(function.acceptsAnyAttribute()).isFalse();
    }

    @Test
    void read_only_properties_are_attributes_but_not_settable_properties() {
        ResourceKind function = kind("AWS::Lambda::Function");
        assertThat(function.properties()).doesNotContain("Arn");
        assertThat(function.hasProperty("Arn")).isFalse();
        assertThat(function.hasProperty("FunctionNameTypo")).isFalse();
    }

    @Test
    void serverless_function_has_layers_events_and_policies_from_the_sam_schema() {
        ResourceKind function = kind("AWS::Serverless::Function");
        assertThat(function.sam()).isTrue();
        assertThat(function.properties()).contains("Layers", "Events", "Policies", "CodeUri", "InlineCode", "Runtime");
        assertThat(function.required()).isEmpty();
        assertThat(function.tagging()).isEqualTo(new Tagging(true, "Tags", TagFormat.MAP, false));
    }

    @Test
    void sam_types_list_no_attributes_but_accept_any_since_the_sam_schema_documents_none() {
        ResourceKind api = kind("AWS::Serverless::Api");
        assertThat(api.attributes()).isEmpty();
        assertThat(api.acceptsAnyAttribute()).isTrue();
        assertThat(api.hasAttribute("RootResourceId")).isTrue();
        assertThat(api.required()).containsExactly("StageName");
        assertThat(kind("AWS::Serverless::Connector").required())
                .containsExactlyInAnyOrder("Source", "Destination", "Permissions");
        assertThat(kind("AWS::Serverless::LayerVersion").isTaggable()).isFalse();
    }

    @Test
    void dynamodb_table_has_a_stream_arn_attribute() {
        ResourceKind table = kind("AWS::DynamoDB::Table");
        assertThat(table.attributes()).contains("Arn", "StreamArn");
        assertThat(table.hasAttribute("StreamArn")).isTrue();
        assertThat(table.isRequired("KeySchema")).isTrue();
    }

    @Test
    void s3_bucket_takes_tags_as_a_list_of_key_value_pairs() {
        Tagging tagging = kind("AWS::S3::Bucket").tagging();
        assertThat(tagging.taggable()).isTrue();
        assertThat(tagging.propertyName()).contains("Tags");
        assertThat(tagging.format()).isEqualTo(TagFormat.KEY_VALUE_LIST);
        assertThat(tagging.declared()).isTrue();
    }

    @Test
    void tagging_covers_maps_other_property_names_nested_tags_and_untaggable_types() {
        assertThat(kind("AWS::ApiGatewayV2::Api").tagging().format()).isEqualTo(TagFormat.MAP);
        assertThat(kind("AWS::Backup::BackupVault").tagging().property()).isEqualTo("BackupVaultTags");
        assertThat(kind("AWS::EC2::CapacityReservation").tagging())
                .isEqualTo(new Tagging(true, "TagSpecifications", TagFormat.NESTED, true));
        assertThat(kind("AWS::Lightsail::Alarm").tagging())
                .isEqualTo(new Tagging(false, null, TagFormat.NONE, true));
        // a legacy type without tagging metadata: taggable inferred from its Tags property
        assertThat(kind("AWS::CodeBuild::Project").tagging())
                .isEqualTo(new Tagging(true, "Tags", TagFormat.KEY_VALUE_LIST, false));
        assertThat(kind("AWS::IAM::Policy").tagging()).isEqualTo(new Tagging(false, null, TagFormat.NONE, true));
    }

    @Test
    void nested_read_only_attributes_are_dot_joined() {
        ResourceKind instance = kind("AWS::RDS::DBInstance");
        assertThat(instance.attributes()).contains("Endpoint.Address", "Endpoint.Port");
        assertThat(instance.hasAttribute("Endpoint")).isFalse();
        assertThat(instance.isDeprecated("TdeCredentialArn")).isTrue();
    }

    @Test
    void nested_stack_outputs_are_attributes_with_any_name() {
        ResourceKind stack = kind("AWS::CloudFormation::Stack");
        assertThat(stack.hasAttribute("Outputs.BucketName")).isTrue();
        assertThat(stack.hasAttribute("Outputs.")).isFalse();
        assertThat(stack.hasAttribute("Outputs")).isFalse();
        assertThat(stack.hasAttribute("Arn")).isFalse();
    }

    @Test
    void legacy_get_att_names_from_cfn_lint_are_attributes() {
        assertThat(kind("AWS::SQS::Queue").hasAttribute("QueueName")).isTrue();
        assertThat(kind("AWS::SQS::Queue").hasAttribute("QueueUrl")).isTrue();
        assertThat(kind("AWS::EC2::SecurityGroup").hasAttribute("VpcId")).isTrue();
    }

    @Test
    void custom_resources_accept_any_property_and_attribute() {
        ResourceKind custom = kind("Custom::OrderCounter");
        assertThat(custom.type()).isEqualTo("Custom::OrderCounter");
        assertThat(custom.isCustom()).isTrue();
        assertThat(custom.acceptsAnyProperty()).isTrue();
        assertThat(custom.hasProperty("AnythingAtAll")).isTrue();
        assertThat(custom.hasAttribute("Whatever.It.Returns")).isTrue();
        assertThat(custom.required()).containsExactly("ServiceToken");
        assertThat(catalog.isKnown("Custom::OrderCounter")).isTrue();
        assertThat(catalog.types()).doesNotContain("Custom::OrderCounter");

        ResourceKind generic = kind("AWS::CloudFormation::CustomResource");
        assertThat(generic.isCustom()).isTrue();
        assertThat(generic.hasProperty("TableName")).isTrue();
        assertThat(kind("AWS::CDK::Metadata").acceptsAnyProperty()).isTrue();
    }

    @Test
    void unknown_types_are_not_known() {
        assertThat(catalog.kind("AWS::NoSuch::Thing")).isEmpty();
        assertThat(catalog.isKnown("AWS::NoSuch::Thing")).isFalse();
        assertThat(catalog.kind("AWS::Serverless::NoSuchThing")).isEmpty();
        assertThat(catalog.isKnown("Custom::")).isFalse();
        assertThat(catalog.kind("aws::lambda::function")).isEmpty();
    }

    @Test
    void policy_template_dynamodb_crud_policy_takes_a_table_name() {
        PolicyTemplate crud = catalog.policyTemplate("DynamoDBCrudPolicy").orElseThrow();
        assertThat(crud.parameters()).containsExactly("TableName");
        assertThat(crud.hasParameter("TableName")).isTrue();
        assertThat(crud.description()).isNotBlank();
        assertThat(catalog.policyTemplateNames()).hasSize(81).contains("S3ReadPolicy", "VPCAccessPolicy");
        assertThat(List.copyOf(catalog.policyTemplateNames())).isSorted();
        assertThat(catalog.policyTemplate("VPCAccessPolicy").orElseThrow().parameters()).isEmpty();
        assertThat(catalog.policyTemplate("EFSWriteAccessPolicy").orElseThrow().parameters())
                .containsExactly("AccessPoint", "FileSystem");
        assertThat(catalog.policyTemplate("NoSuchPolicy")).isEmpty();
    }

    @Test
    void connector_profiles_tell_which_permissions_a_pair_supports() {
        ConnectorProfile toTable = catalog.connectorProfile("AWS::Lambda::Function", "AWS::DynamoDB::Table").orElseThrow();
        assertThat(toTable.access()).containsExactly(ConnectorAccess.READ, ConnectorAccess.WRITE);
        ConnectorProfile topicToQueue = catalog.connectorProfile("AWS::SNS::Topic", "AWS::SQS::Queue").orElseThrow();
        assertThat(topicToQueue.allows(ConnectorAccess.WRITE)).isTrue();
        assertThat(topicToQueue.allows(ConnectorAccess.READ)).isFalse();
        assertThat(catalog.connectorProfile("AWS::SQS::Queue", "AWS::SNS::Topic")).isEmpty();
        assertThat(catalog.connectorProfiles()).hasSize(31);
        assertThat(ConnectorAccess.READ.templateName()).isEqualTo("Read");
    }

    @Test
    void connector_profiles_say_which_permission_combinations_sam_accepts() {
        ConnectorProfile toTable = catalog.connectorProfile("AWS::Lambda::Function", "AWS::DynamoDB::Table").orElseThrow();
        assertThat(toTable.combinations()).containsExactly(Set.of(ConnectorAccess.READ), Set.of(ConnectorAccess.WRITE),
                Set.of(ConnectorAccess.READ, ConnectorAccess.WRITE));
        ConnectorProfile queueToFunction = catalog.connectorProfile("AWS::SQS::Queue", "AWS::Lambda::Function").orElseThrow();
        assertThat(queueToFunction.combinations()).containsExactly(Set.of(ConnectorAccess.READ, ConnectorAccess.WRITE));
        assertThat(queueToFunction.accepts(Set.of(ConnectorAccess.READ))).isFalse();
        ConnectorProfile machines = catalog.connectorProfile("AWS::StepFunctions::StateMachine",
                "AWS::StepFunctions::StateMachine").orElseThrow();
        assertThat(machines.combinations()).containsExactly(Set.of(ConnectorAccess.READ),
                Set.of(ConnectorAccess.READ, ConnectorAccess.WRITE));
        assertThat(ConnectorProfile.endType("AWS::Serverless::SimpleTable")).isEqualTo("AWS::DynamoDB::Table");
        assertThat(ConnectorProfile.endType("AWS::SQS::Queue")).isEqualTo("AWS::SQS::Queue");
    }

    @Test
    void kinds_are_decoded_once_even_under_concurrent_lookups() throws Exception {
        ResourceCatalog fresh = ResourceCatalog.parse(ResourceCatalog.readGzipResource(ResourceCatalog.DATA_RESOURCE));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ResourceKind>> lookups = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                lookups.add(() -> fresh.kind("AWS::ECS::Service").orElseThrow());
            }
            Set<ResourceKind> identities = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (Future<ResourceKind> result : pool.invokeAll(lookups)) {
                identities.add(result.get());
            }
            assertThat(identities).hasSize(1);
            assertThat(identities.iterator().next().hasProperty("TaskDefinition")).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void every_bundled_kind_decodes_consistently() {
        int taggable = 0;
        for (String type : catalog.types()) {
            ResourceKind kind = kind(type);
            assertThat(kind.type()).isEqualTo(type);
            assertThat(kind.properties()).as(type).containsAll(kind.required());
            assertThat(kind.sam()).as(type).isEqualTo(type.startsWith("AWS::Serverless::"));
            if (kind.isTaggable()) {
                taggable++;
                assertThat(kind.hasProperty(kind.tagging().property())).as(type).isTrue();
            }
        }
        assertThat(taggable).isGreaterThan(900);
    }

    @Test
    void sam_schema_is_bundled() throws IOException {
        JsonNode schema;
        try (InputStream in = ResourceCatalog.samSchema()) {
            schema = JsonMapper.builder().build().readTree(in);
        }
        assertThat(schema.path("title").asString()).isEqualTo("SamModel");
        assertThat(schema.path("definitions").propertyNames())
                .contains("samtranslator__internal__schema_source__aws_serverless_function__Properties");
    }

    @Test
    void bundled_catalog_matches_the_shared_schemas() throws IOException {
        String shared = System.getProperty("stackdraft.shared");
        Path schemas = shared == null ? null : Path.of(shared, "schemas");
        Assumptions.assumeTrue(schemas != null && Files.isDirectory(schemas),
                "skipped: the shared schemas folder is not available (system property stackdraft.shared = " + shared
                        + "); the bundled catalog cannot be compared with its sources here");

        CatalogGenerator.Result regenerated = CatalogGenerator.generate(schemas);
        String bundled = ResourceCatalog.readGzipResource(ResourceCatalog.DATA_RESOURCE);
        assertThat(regenerated.text())
                .as("the bundled %s is stale: rerun CatalogGenerator", ResourceCatalog.DATA_RESOURCE)
                .isEqualTo(bundled);

        byte[] bundledSamSchema;
        try (InputStream in = ResourceCatalog.samSchema()) {
            bundledSamSchema = in.readAllBytes();
        }
        assertThat(bundledSamSchema)
                .as("the bundled %s is stale: rerun CatalogGenerator", ResourceCatalog.SAM_SCHEMA_RESOURCE)
                .isEqualTo(Files.readAllBytes(CatalogGenerator.samSchemaSource(schemas)));
    }

    @Test
    void malformed_data_is_refused_with_a_line_number() {
        assertThatThrownBy(() -> ResourceCatalog.parse("not a catalog"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("format header");
        assertThatThrownBy(() -> ResourceCatalog.parse(ResourceCatalog.FORMAT_HEADER + "\nX\tfoo\tbar\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 2");
        ResourceCatalog broken = ResourceCatalog.parse(ResourceCatalog.FORMAT_HEADER + "\nR\tAWS::A::B\t-\tX\n");
        assertThatThrownBy(() -> broken.kind("AWS::A::B")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void descriptions_survive_escaping() {
        String text = "tab\there, newline\nthere, backslash \\ and \\t literally";
        assertThat(ResourceCatalog.unescape(ResourceCatalog.escape(text))).isEqualTo(text);
        assertThat(ResourceCatalog.escape(text)).doesNotContain("\t", "\n");
    }

    @Test
    void name_sets_are_sorted_immutable_and_equal_to_other_sets() {
        Set<String> names = NameSet.copyOf(List.of("b", "a", "c", "a"));
        assertThat(names).containsExactly("a", "b", "c");
        assertThat(names).isEqualTo(new HashSet<>(List.of("c", "b", "a")));
        assertThat(names.hashCode()).isEqualTo(Set.of("a", "b", "c").hashCode());
        assertThat(names.contains("b")).isTrue();
        assertThat(names.contains("d")).isFalse();
        assertThatThrownBy(() -> names.add("d")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void tagging_refuses_inconsistent_values() {
        assertThatThrownBy(() -> new Tagging(true, null, TagFormat.NONE, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tagging(false, "Tags", TagFormat.NONE, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Tagging.NONE.propertyName()).isEmpty();
    }
}
