package dev.stackdraft.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generates the bundled catalog data from the schemas in the shared folder beside the repository (they are not
 * available at runtime). Run from the repository root:
 *
 * <pre>
 * java -cp backend/target/classes:&lt;jackson-databind, jackson-core, jackson-annotations, jspecify&gt; \
 *     dev.stackdraft.catalog.CatalogGenerator [../shared [backend/src/main/resources/dev/stackdraft/catalog
 *     [path/to/aws-service-spec/db.json.gz]]]
 * </pre>
 *
 * It writes {@value ResourceCatalog#DATA_RESOURCE} (the format is described in {@link ResourceCatalog}),
 * {@value ResourceCatalog#SAM_SCHEMA_RESOURCE} (the SAM schema, byte for byte, gzipped) and
 * {@value PropertySchemas#DATA_RESOURCE} (property schemas for forms, see {@link PropertySchemaGenerator}; the
 * optional third argument is the CDK service specification its CloudFormation descriptions come from, else they are
 * carried over from the file already there). The output is
 * deterministic; {@code ResourceCatalogTest} regenerates it in memory and compares it with the bundled file.
 *
 * <p>Rules:
 * <ul>
 * <li>CloudFormation types come from {@code providers/us_east_1/*.json}. {@code properties} are the top-level
 *     properties minus the top-level read-only ones; a type accepts any property when its schema does not say
 *     {@code additionalProperties: false} or has top-level {@code patternProperties}. Schemas whose
 *     {@code typeName} is not a resource type (cfn-lint's generic {@code Module} schema) are skipped.</li>
 * <li>Attributes follow cfn-lint's GetAtt rules ({@code cfnlint/schema/_getatts.py}): every
 *     {@code readOnlyProperties} pointer, dot-joined; pointers into arrays ({@code /*}) are skipped; a pointer to an
 *     object with {@code properties} yields its leaf properties instead; plus cfn-lint's supplements for legacy
 *     types (below). Additionally a read-only object with {@code patternProperties} and no {@code properties} (a
 *     map, such as {@code Outputs} of {@code AWS::ServiceCatalog::CloudFormationProvisionedProduct}) yields
 *     {@code Name.*}; so does {@code AWS::CloudFormation::Stack} for {@code Outputs.*}.</li>
 * <li>Tagging follows the {@code tagging} block ({@code taggable}, {@code tagProperty} defaulting to
 *     {@code /properties/Tags}), else the older top-level {@code taggable} flag, else the presence of the
 *     property; a type is only taggable if it has the tag property.</li>
 * <li>SAM types come from {@code sam/sam.schema.json}: each resource definition listed in
 *     {@code properties.Resources.additionalProperties.anyOf} with a {@code Type} enum, its {@code Properties}
 *     definition (following {@code $ref} and {@code allOf}). The SAM schema documents no GetAtt attributes, so SAM
 *     types have none and accept any attribute.</li>
 * </ul>
 */
final class CatalogGenerator {

    /**
     * Types where cfn-lint allows {@code Fn::GetAtt} on every property, not only the read-only ones (from
     * aws-cloudformation/cfn-lint {@code src/cfnlint/schema/_getatts.py}, MIT-0).
     */
    static final Set<String> ALL_PROPERTY_GETATT_TYPES = Set.of(
            "AWS::Amplify::Branch", "AWS::Amplify::Domain", "AWS::AppSync::DomainName",
            "AWS::AppSync::FunctionConfiguration", "AWS::AppSync::Resolver", "AWS::AutoScaling::AutoScalingGroup",
            "AWS::Backup::BackupSelection", "AWS::Backup::BackupVault", "AWS::CodeArtifact::Domain",
            "AWS::CodeArtifact::Repository", "AWS::EC2::CapacityReservation", "AWS::EC2::Subnet", "AWS::EC2::VPC",
            "AWS::EFS::MountTarget", "AWS::EKS::Nodegroup", "AWS::ElasticLoadBalancingV2::LoadBalancer",
            "AWS::Events::EventBus", "AWS::EventSchemas::Discoverer", "AWS::EventSchemas::Registry",
            "AWS::EventSchemas::Schema", "AWS::GameLift::GameSessionQueue", "AWS::GameLift::MatchmakingConfiguration",
            "AWS::GameLift::MatchmakingRuleSet", "AWS::Grafana::Workspace", "AWS::ImageBuilder::Component",
            "AWS::ImageBuilder::ContainerRecipe", "AWS::ImageBuilder::DistributionConfiguration",
            "AWS::ImageBuilder::ImagePipeline", "AWS::ImageBuilder::ImageRecipe",
            "AWS::ImageBuilder::InfrastructureConfiguration", "AWS::Neptune::DBCluster", "AWS::RDS::DBParameterGroup",
            "AWS::RoboMaker::RobotApplication", "AWS::RoboMaker::SimulationApplication",
            "AWS::Route53Resolver::ResolverRule", "AWS::Route53Resolver::ResolverRuleAssociation",
            "AWS::S3::AccessPoint", "AWS::SageMaker::DataQualityJobDefinition",
            "AWS::SageMaker::ModelBiasJobDefinition", "AWS::SageMaker::ModelExplainabilityJobDefinition",
            "AWS::SageMaker::ModelQualityJobDefinition", "AWS::SageMaker::MonitoringSchedule", "AWS::SNS::Topic",
            "AWS::SQS::Queue", "AWS::SSM::Parameter", "AWS::StepFunctions::Activity");

    /**
     * Legacy (non-registry) types whose {@code Fn::GetAtt} attributes include properties that are not read-only in
     * their schema (from cfn-lint {@code _getatts.py}, MIT-0).
     */
    static final Map<String, List<String>> EXTRA_GETATTS = Map.ofEntries(
            Map.entry("AWS::AppMesh::GatewayRoute", List.of("GatewayRouteName", "MeshName", "MeshOwner", "VirtualGatewayName")),
            Map.entry("AWS::AppMesh::Mesh", List.of("MeshName")),
            Map.entry("AWS::AppMesh::Route", List.of("MeshName", "MeshOwner", "RouteName", "VirtualRouterName")),
            Map.entry("AWS::AppMesh::VirtualGateway", List.of("MeshName", "MeshOwner", "VirtualGatewayName")),
            Map.entry("AWS::AppMesh::VirtualNode", List.of("MeshName", "MeshOwner", "VirtualNodeName")),
            Map.entry("AWS::AppMesh::VirtualRouter", List.of("MeshName", "MeshOwner", "VirtualRouterName")),
            Map.entry("AWS::AppMesh::VirtualService", List.of("MeshName", "MeshOwner", "VirtualServiceName")),
            Map.entry("AWS::AppSync::DataSource", List.of("Name")),
            Map.entry("AWS::Cloud9::EnvironmentEC2", List.of("Name")),
            Map.entry("AWS::CloudWatch::InsightRule", List.of("RuleName")),
            Map.entry("AWS::DocDB::DBCluster", List.of("Port")),
            Map.entry("AWS::EC2::Instance", List.of("AvailabilityZone")),
            Map.entry("AWS::EC2::SecurityGroup", List.of("VpcId")),
            Map.entry("AWS::Greengrass::ConnectorDefinition", List.of("Name")),
            Map.entry("AWS::Greengrass::CoreDefinition", List.of("Name")),
            Map.entry("AWS::Greengrass::DeviceDefinition", List.of("Name")),
            Map.entry("AWS::Greengrass::FunctionDefinition", List.of("Name")),
            Map.entry("AWS::Greengrass::Group", List.of("Name", "RoleArn")),
            Map.entry("AWS::Greengrass::LoggerDefinition", List.of("Name")),
            Map.entry("AWS::Greengrass::ResourceDefinition", List.of("Name")),
            Map.entry("AWS::Greengrass::SubscriptionDefinition", List.of("Name")),
            Map.entry("AWS::IoT1Click::Device", List.of("Enabled")),
            Map.entry("AWS::IoT1Click::Placement", List.of("PlacementName", "ProjectName")),
            Map.entry("AWS::IoT1Click::Project", List.of("ProjectName")),
            Map.entry("AWS::Kinesis::StreamConsumer", List.of("ConsumerName", "StreamARN")),
            Map.entry("AWS::ManagedBlockchain::Member", List.of("NetworkId")),
            Map.entry("AWS::MediaConvert::JobTemplate", List.of("Name")),
            Map.entry("AWS::MediaConvert::Preset", List.of("Name")),
            Map.entry("AWS::MediaConvert::Queue", List.of("Name")),
            Map.entry("AWS::MediaLive::Input", List.of("Destinations", "Sources")),
            Map.entry("AWS::OpsWorks::Instance", List.of("AvailabilityZone")),
            Map.entry("AWS::OpsWorks::UserProfile", List.of("SshUsername")),
            Map.entry("AWS::Route53Resolver::ResolverEndpoint", List.of("Direction", "Name")),
            Map.entry("AWS::SageMaker::CodeRepository", List.of("CodeRepositoryName")),
            Map.entry("AWS::SageMaker::Endpoint", List.of("EndpointName")),
            Map.entry("AWS::SageMaker::EndpointConfig", List.of("EndpointConfigName")),
            Map.entry("AWS::SageMaker::Model", List.of("ModelName")),
            Map.entry("AWS::SageMaker::NotebookInstance", List.of("NotebookInstanceName")),
            Map.entry("AWS::SageMaker::NotebookInstanceLifecycleConfig", List.of("NotebookInstanceLifecycleConfigName")),
            Map.entry("AWS::SageMaker::Workteam", List.of("WorkteamName")),
            Map.entry("AWS::ServiceDiscovery::Service", List.of("Name")),
            Map.entry("AWS::Transfer::User", List.of("ServerId", "UserName")));

    /** Attributes with a free name: nested stack outputs ({@code !GetAtt Stack.Outputs.Name}). */
    static final Map<String, String> WILDCARD_GETATTS = Map.of("AWS::CloudFormation::Stack", "Outputs.*");

    private static final int MAX_DEPTH = 12;

    private final ObjectMapper mapper = JsonMapper.builder().build();
    private final List<String> notes = new ArrayList<>();

    /** The generated data text and what the generator noticed on the way. */
    record Result(String text, List<String> notes) {
    }

    private CatalogGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        Path out = Path.of(args.length > 1 ? args[1] : "backend/src/main/resources/dev/stackdraft/catalog");
        Path schemas = shared.resolve("schemas");
        Result result = generate(schemas);
        Files.createDirectories(out);
        Path data = out.resolve(ResourceCatalog.DATA_RESOURCE);
        Files.write(data, gzip(result.text().getBytes(StandardCharsets.UTF_8)));
        Path samSchema = out.resolve(ResourceCatalog.SAM_SCHEMA_RESOURCE);
        Files.write(samSchema, gzip(Files.readAllBytes(samSchemaSource(schemas))));
        Path propertyData = out.resolve(PropertySchemas.DATA_RESOURCE);
        Path serviceSpec = args.length > 2 ? Path.of(args[2]) : null;
        Map<String, String> carried = serviceSpec != null || !Files.isRegularFile(propertyData) ? Map.of()
                : PropertySchemaGenerator.descriptions(gunzip(Files.readAllBytes(propertyData)));
        PropertySchemaGenerator.Result properties = PropertySchemaGenerator.generate(schemas, serviceSpec, carried);
        Files.write(propertyData, gzip(properties.text().getBytes(StandardCharsets.UTF_8)));
        for (String note : result.notes()) {
            System.out.println("note: " + note);
        }
        for (String note : properties.notes()) {
            System.out.println("note: " + note);
        }
        if (serviceSpec == null) {
            System.out.println("note: no service specification given: CloudFormation descriptions carried over from "
                    + propertyData);
        }
        System.out.printf("wrote %s (%,d bytes, %,d uncompressed), %s (%,d bytes) and %s (%,d bytes, %,d uncompressed)%n",
                data, Files.size(data), result.text().getBytes(StandardCharsets.UTF_8).length, samSchema,
                Files.size(samSchema), propertyData, Files.size(propertyData),
                properties.text().getBytes(StandardCharsets.UTF_8).length);
    }

    static String gunzip(byte[] bytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path samSchemaSource(Path schemasDir) {
        return schemasDir.resolve("sam").resolve("sam.schema.json");
    }

    /** Generates the data text from the schemas folder ({@code <shared>/schemas}). */
    static Result generate(Path schemasDir) {
        CatalogGenerator generator = new CatalogGenerator();
        String text = generator.run(schemasDir);
        return new Result(text, List.copyOf(generator.notes));
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(bytes.length / 4);
        try (OutputStream out = new GZIPOutputStream(buffer, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    // ---------------------------------------------------------------------------------------------------------

    private String run(Path schemasDir) {
        TreeMap<String, ResourceKind> kinds = new TreeMap<>();
        readProviderSchemas(schemasDir.resolve("providers").resolve("us_east_1"), kinds);
        readSamSchema(samSchemaSource(schemasDir), kinds);
        TreeMap<String, PolicyTemplate> templates = readPolicyTemplates(
                schemasDir.resolve("sam").resolve("policy_templates.json"));
        List<ConnectorProfile> connectors = readConnectorProfiles(
                schemasDir.resolve("sam").resolve("connector_profiles.json"));

        StringBuilder out = new StringBuilder(1 << 20);
        out.append(ResourceCatalog.FORMAT_HEADER).append('\n');
        out.append("# generated by dev.stackdraft.catalog.CatalogGenerator from CloudFormation resource provider schemas"
                + " (us-east-1, as shipped by cfn-lint) and the AWS SAM schema; see README.md\n");
        out.append("# ").append(kinds.size()).append(" resource types, ").append(templates.size())
                .append(" policy templates, ").append(connectors.size()).append(" connector profiles\n");
        for (ResourceKind kind : kinds.values()) {
            out.append("R\t").append(kind.type())
                    .append('\t').append(flags(kind))
                    .append('\t').append(list(kind.properties()))
                    .append('\t').append(list(kind.required()))
                    .append('\t').append(list(kind.attributes()))
                    .append('\t').append(tagging(kind.tagging()))
                    .append('\t').append(list(kind.deprecated()))
                    .append('\n');
        }
        for (PolicyTemplate template : templates.values()) {
            out.append("P\t").append(name(template.name()))
                    .append('\t').append(list(template.parameters()))
                    .append('\t').append(ResourceCatalog.escape(template.description()))
                    .append('\n');
        }
        for (ConnectorProfile profile : connectors) {
            out.append("C\t").append(name(profile.sourceType()))
                    .append('\t').append(name(profile.destinationType()))
                    .append('\t').append(letters(profile.access()));
            if (!profile.validCombinations().isEmpty()) {
                out.append('\t').append(String.join(",", profile.validCombinations().stream()
                        .map(CatalogGenerator::letters).toList()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    // --- CloudFormation provider schemas -------------------------------------------------------------------

    private void readProviderSchemas(Path dir, TreeMap<String, ResourceKind> kinds) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no provider schemas in " + dir);
        }
        int arrayAttributes = 0;
        for (Path file : files) {
            JsonNode schema = read(file);
            String type = schema.path("typeName").asString("");
            if (!type.contains("::")) {
                notes.add("skipped " + file.getFileName() + ": typeName '" + type + "' is not a resource type");
                continue;
            }
            JsonNode properties = schema.path("properties");
            Set<String> readOnlyTop = new TreeSet<>();
            for (JsonNode pointer : schema.path("readOnlyProperties").values()) {
                String[] segments = pointer.asString().split("/");
                if (segments.length == 3 && segments[1].equals("properties")) {
                    readOnlyTop.add(segments[2]);
                }
            }
            Set<String> settable = new TreeSet<>(properties.propertyNames());
            settable.removeAll(readOnlyTop);

            Set<String> required = new TreeSet<>();
            for (JsonNode name : schema.path("required").values()) {
                required.add(name.asString());
            }
            Set<String> requiredReadOnly = new TreeSet<>(required);
            requiredReadOnly.retainAll(readOnlyTop);
            if (!requiredReadOnly.isEmpty()) {
                notes.add(type + ": required and read-only at once: " + requiredReadOnly);
            }

            Set<String> attributes = new TreeSet<>();
            if (ALL_PROPERTY_GETATT_TYPES.contains(type)) {
                for (Map.Entry<String, JsonNode> property : properties.properties()) {
                    collectAttributes(schema, property.getKey(), property.getValue(), attributes, false, 0);
                }
            } else {
                for (String name : EXTRA_GETATTS.getOrDefault(type, List.of())) {
                    JsonNode property = properties.get(name);
                    if (property == null) {
                        notes.add(type + ": cfn-lint's extra GetAtt " + name + " is not a property; skipped");
                    } else {
                        collectAttributes(schema, name, property, attributes, false, 0);
                    }
                }
                for (JsonNode pointer : schema.path("readOnlyProperties").values()) {
                    String path = pointer.asString();
                    if (path.contains("/*")) {
                        arrayAttributes++;
                        continue;
                    }
                    JsonNode target = resolvePointer(schema, path);
                    if (target == null) {
                        notes.add(type + ": read-only pointer " + path + " does not resolve; skipped");
                        continue;
                    }
                    collectAttributes(schema, dotted(path), target, attributes, true, 0);
                }
            }
            String wildcard = WILDCARD_GETATTS.get(type);
            if (wildcard != null) {
                attributes.add(wildcard);
            }

            Set<String> deprecated = new TreeSet<>();
            for (JsonNode pointer : schema.path("deprecatedProperties").values()) {
                deprecated.add(dotted(pointer.asString()));
            }

            JsonNode additional = schema.get("additionalProperties");
            boolean anyProperty = additional == null || !(additional.isBoolean() && !additional.booleanValue())
                    || schema.has("patternProperties");
            boolean anyAttribute = ResourceKind.isCustomType(type);

            Tagging tagging = providerTagging(type, schema);
            add(kinds, new ResourceKind(type, settable, required, attributes, tagging, deprecated, false,
                    anyProperty, anyAttribute));
        }
        notes.add(arrayAttributes + " read-only pointers into arrays (/*/) are not GetAtt attributes; skipped");
    }

    /** cfn-lint's GetAtt flattening: objects yield their leaf properties, anything else the name itself. */
    private void collectAttributes(JsonNode root, String name, JsonNode node, Set<String> out, boolean readOnly,
            int depth) {
        JsonNode resolved = resolve(root, node);
        if (depth > MAX_DEPTH) {
            notes.add("attribute " + name + " nests too deep; cut");
            return;
        }
        JsonNode type = resolved.get("type");
        if (type != null && type.isString() && type.asString().equals("object")) {
            JsonNode properties = resolved.get("properties");
            if (properties != null && !properties.isEmpty()) {
                for (Map.Entry<String, JsonNode> property : properties.properties()) {
                    collectAttributes(root, name + "." + property.getKey(), property.getValue(), out, readOnly,
                            depth + 1);
                }
            } else if (readOnly && resolved.has("patternProperties")) {
                out.add(name + ".*");
            }
            // a free-form object without properties (or a map that is not read-only): no attribute, as in cfn-lint
            return;
        }
        out.add(name(name));
    }

    private Tagging providerTagging(String type, JsonNode schema) {
        JsonNode tagging = schema.get("tagging");
        Boolean declaredTaggable = null;
        String pointer = null;
        if (tagging != null && tagging.isObject()) {
            declaredTaggable = tagging.path("taggable").asBoolean(true);
            JsonNode tagProperty = tagging.get("tagProperty");
            if (tagProperty != null && tagProperty.isString()) {
                pointer = tagProperty.asString();
            }
        } else if (schema.path("taggable").isBoolean()) {
            declaredTaggable = schema.get("taggable").booleanValue();
        }
        if (pointer == null) {
            pointer = "/properties/Tags";
        }
        String[] segments = pointer.split("/");
        if (segments.length < 3 || !segments[1].equals("properties")) {
            notes.add(type + ": unexpected tagProperty " + pointer);
            return new Tagging(false, null, TagFormat.NONE, declaredTaggable != null);
        }
        String property = segments[2];
        JsonNode propertySchema = schema.path("properties").get(property);
        if (propertySchema == null) {
            if (Boolean.TRUE.equals(declaredTaggable)) {
                notes.add(type + ": declared taggable but has no tag property " + pointer + "; recorded as not taggable");
            }
            return declaredTaggable == null ? Tagging.NONE : new Tagging(false, null, TagFormat.NONE, true);
        }
        TagFormat format;
        if (segments.length > 3) {
            format = TagFormat.NESTED;
            notes.add(type + ": tags nested at " + pointer);
        } else {
            format = tagFormat(schema, propertySchema);
        }
        boolean taggable = declaredTaggable != null ? declaredTaggable : true;
        if (declaredTaggable != null && !declaredTaggable) {
            notes.add(type + ": has tag property " + property + " but is declared not taggable");
        }
        if (format == TagFormat.OTHER) {
            notes.add(type + ": tag property " + property + " has an unusual shape");
        }
        return new Tagging(taggable, name(property), format, declaredTaggable != null);
    }

    private TagFormat tagFormat(JsonNode root, JsonNode propertySchema) {
        JsonNode resolved = resolve(root, propertySchema);
        Set<String> types = new TreeSet<>();
        JsonNode type = resolved.get("type");
        if (type != null && type.isString()) {
            types.add(type.asString());
        } else if (type != null && type.isArray()) {
            for (JsonNode t : type.values()) {
                types.add(t.asString());
            }
        }
        if (types.equals(Set.of("array"))) {
            JsonNode items = resolve(root, resolved.path("items"));
            if (hasKeyAndValue(items)) {
                return TagFormat.KEY_VALUE_LIST;
            }
            // e.g. AWS::AppStream::AppBlock: oneOf Key/Value or the deprecated TagKey/TagValue
            for (String combinator : List.of("oneOf", "anyOf")) {
                for (JsonNode alternative : items.path(combinator).values()) {
                    if (hasKeyAndValue(resolve(root, alternative))) {
                        return TagFormat.KEY_VALUE_LIST;
                    }
                }
            }
            return TagFormat.OTHER;
        }
        if (types.contains("object")
                || (types.isEmpty() && (resolved.has("patternProperties") || resolved.path("additionalProperties").isObject()))) {
            return TagFormat.MAP;
        }
        return TagFormat.OTHER;
    }

    private static boolean hasKeyAndValue(JsonNode objectSchema) {
        JsonNode properties = objectSchema.path("properties");
        return properties.has("Key") && properties.has("Value");
    }

    // --- SAM ------------------------------------------------------------------------------------------------

    private void readSamSchema(Path file, TreeMap<String, ResourceKind> kinds) {
        JsonNode root = read(file);
        JsonNode resources = root.path("properties").path("Resources").path("additionalProperties").path("anyOf");
        if (!resources.isArray() || resources.isEmpty()) {
            throw new IllegalStateException("SAM schema: properties.Resources.additionalProperties.anyOf not found");
        }
        int count = 0;
        for (JsonNode reference : resources.values()) {
            JsonNode definition = resolve(root, reference);
            JsonNode typeEnum = definition.path("properties").path("Type").path("enum");
            if (!typeEnum.isArray() || typeEnum.size() != 1) {
                continue; // any_cfn_resource: a pattern, not a type
            }
            String type = typeEnum.get(0).asString();
            JsonNode propertiesRef = definition.path("properties").get("Properties");
            Set<String> properties = new TreeSet<>();
            Set<String> required = new TreeSet<>();
            boolean[] open = {false};
            Map<String, JsonNode> propertySchemas = new TreeMap<>();
            if (propertiesRef == null) {
                notes.add("SAM " + type + ": no Properties definition");
            } else {
                collectSamProperties(root, propertiesRef, propertySchemas, required, open, 0);
            }
            properties.addAll(propertySchemas.keySet());
            Tagging tagging = Tagging.NONE;
            JsonNode tags = propertySchemas.get("Tags");
            if (tags != null) {
                tagging = new Tagging(true, "Tags", tagFormat(root, tags), false);
            }
            add(kinds, new ResourceKind(type, properties, required, Set.of(), tagging, Set.of(), true, open[0], true));
            count++;
        }
        notes.add("SAM schema: " + count + " resource types; it documents no GetAtt attributes for them");
    }

    private void collectSamProperties(JsonNode root, JsonNode node, Map<String, JsonNode> properties,
            Set<String> required, boolean[] open, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("SAM schema: Properties nest too deep");
        }
        JsonNode resolved = resolve(root, node);
        for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
            properties.putIfAbsent(name(property.getKey()), property.getValue());
        }
        for (JsonNode name : resolved.path("required").values()) {
            required.add(name(name.asString()));
        }
        JsonNode additional = resolved.get("additionalProperties");
        if (depth == 0 && (additional == null || !(additional.isBoolean() && !additional.booleanValue()))) {
            open[0] = true;
        }
        for (JsonNode part : resolved.path("allOf").values()) {
            collectSamProperties(root, part, properties, required, open, depth + 1);
        }
    }

    private TreeMap<String, PolicyTemplate> readPolicyTemplates(Path file) {
        JsonNode templates = read(file).path("Templates");
        TreeMap<String, PolicyTemplate> out = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : templates.properties()) {
            List<String> parameters = new ArrayList<>();
            for (String parameter : entry.getValue().path("Parameters").propertyNames()) {
                parameters.add(name(parameter));
            }
            out.put(name(entry.getKey()), new PolicyTemplate(entry.getKey(),
                    entry.getValue().path("Description").asString(""), parameters));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no policy templates in " + file);
        }
        return out;
    }

    private List<ConnectorProfile> readConnectorProfiles(Path file) {
        JsonNode permissions = read(file).path("Permissions");
        TreeMap<String, ConnectorProfile> out = new TreeMap<>();
        for (Map.Entry<String, JsonNode> source : permissions.properties()) {
            for (Map.Entry<String, JsonNode> destination : source.getValue().properties()) {
                Set<ConnectorAccess> access = new LinkedHashSet<>();
                for (String category : destination.getValue().path("Properties").path("AccessCategories").propertyNames()) {
                    switch (category) {
                        case "Read" -> access.add(ConnectorAccess.READ);
                        case "Write" -> access.add(ConnectorAccess.WRITE);
                        default -> notes.add("connector " + source.getKey() + " -> " + destination.getKey()
                                + ": unknown access category " + category + "; skipped");
                    }
                }
                List<Set<ConnectorAccess>> valid = new ArrayList<>();
                for (JsonNode combination : destination.getValue().path("Properties").path("ValidAccessCategories")) {
                    Set<ConnectorAccess> categories = new LinkedHashSet<>();
                    combination.forEach(c -> categories.add(c.asString("").equals("Read") ? ConnectorAccess.READ
                            : ConnectorAccess.WRITE));
                    valid.add(categories);
                }
                out.put(source.getKey() + '\t' + destination.getKey(),
                        new ConnectorProfile(name(source.getKey()), name(destination.getKey()), access, valid));
            }
        }
        return List.copyOf(out.values());
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /** {@code R}, {@code W} or {@code RW}. */
    private static String letters(Set<ConnectorAccess> access) {
        return (access.contains(ConnectorAccess.READ) ? "R" : "") + (access.contains(ConnectorAccess.WRITE) ? "W" : "");
    }

    private void add(TreeMap<String, ResourceKind> kinds, ResourceKind kind) {
        name(kind.type());
        if (kinds.put(kind.type(), kind) != null) {
            throw new IllegalStateException("type defined twice: " + kind.type());
        }
    }

    private JsonNode read(Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Follows local {@code $ref}s ({@code #/definitions/X}); the property schema generator follows them the same way. */
    static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < MAX_DEPTH; i++) {
            JsonNode ref = current.get("$ref");
            if (ref == null || !ref.isString()) {
                return current;
            }
            String target = ref.asString();
            if (!target.startsWith("#/")) {
                throw new IllegalStateException("non-local $ref " + target);
            }
            JsonNode next = root.at(target.substring(1));
            if (next.isMissingNode()) {
                throw new IllegalStateException("dangling $ref " + target);
            }
            current = next;
        }
        throw new IllegalStateException("$ref chain too long");
    }

    /** Walks a {@code /properties/A/B} pointer through nested {@code properties}, following $refs. */
    private static @Nullable JsonNode resolvePointer(JsonNode root, String pointer) {
        String[] segments = pointer.split("/");
        if (segments.length < 3 || !segments[0].isEmpty() || !segments[1].equals("properties")) {
            return null;
        }
        JsonNode current = root;
        for (int i = 2; i < segments.length; i++) {
            JsonNode next = resolve(root, current).path("properties").get(segments[i]);
            if (next == null) {
                return null;
            }
            current = next;
        }
        return current;
    }

    /** {@code /properties/A/B} to {@code A.B}. */
    private static String dotted(String pointer) {
        String prefix = "/properties/";
        if (!pointer.startsWith(prefix)) {
            throw new IllegalStateException("unexpected pointer " + pointer);
        }
        return name(pointer.substring(prefix.length()).replace('/', '.'));
    }

    private static String flags(ResourceKind kind) {
        String flags = (kind.sam() ? "s" : "") + (kind.acceptsAnyProperty() ? "p" : "")
                + (kind.acceptsAnyAttribute() ? "a" : "");
        return flags.isEmpty() ? "-" : flags;
    }

    private static String tagging(Tagging tagging) {
        if (tagging.equals(Tagging.NONE)) {
            return "-";
        }
        String head = (tagging.taggable() ? "T" : "F") + (tagging.declared() ? "D" : "I");
        String property = tagging.property();
        if (property == null) {
            return head;
        }
        char format = switch (tagging.format()) {
            case KEY_VALUE_LIST -> 'L';
            case MAP -> 'M';
            case NESTED -> 'N';
            case OTHER -> 'O';
            case NONE -> throw new IllegalStateException("format NONE with a property");
        };
        return head + ":" + format + ":" + property;
    }

    private static String list(Collection<String> names) {
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(name(name));
        }
        return out.toString();
    }

    /** Checks that a name fits the line format (no separators, not empty). */
    private static String name(String name) {
        if (name.isEmpty()) {
            throw new IllegalStateException("empty name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ',' || c == '\t' || c == '\n' || c == '\r') {
                throw new IllegalStateException("name does not fit the catalog format: " + name);
            }
        }
        return name;
    }
}
