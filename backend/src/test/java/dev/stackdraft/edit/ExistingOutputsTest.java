package dev.stackdraft.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.arn.Arns;
import dev.stackdraft.catalog.ResourceCatalog;
import dev.stackdraft.catalog.ResourceKind;
import dev.stackdraft.edit.ExistingKinds.Companion;
import dev.stackdraft.edit.ExistingKinds.Expression;
import dev.stackdraft.edit.ExistingKinds.Kind;
import dev.stackdraft.edit.ExistingKinds.Output;
import dev.stackdraft.template.Corpus;
import dev.stackdraft.template.Fn;
import dev.stackdraft.template.SubString;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code existing-outputs.tsv} and {@code existing-companions.tsv} checked against what they stand for: the provider
 * schemas (Ref gives the primaryIdentifier, each attribute is one GetAtt reads), the ARN formats (each derived value,
 * worked out on the type's example ARN, is what that resource gives), and the catalog.
 */
class ExistingOutputsTest {

    private static final ResourceCatalog CATALOG = ResourceCatalog.bundled();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What each type's example ARN (arn-formats.tsv) stands for, output by output. */
    private static final Map<String, Map<String, String>> EXAMPLES = Map.ofEntries(
            Map.entry("AWS::DynamoDB::Table", Map.of("Ref", "Orders", "Arn", "arn:aws:dynamodb:us-east-1:123456789012:table/Orders")),
            Map.entry("AWS::SQS::Queue", Map.of("Ref", "https://sqs.us-east-1.amazonaws.com/123456789012/orders",
                    "QueueUrl", "https://sqs.us-east-1.amazonaws.com/123456789012/orders", "QueueName", "orders",
                    "Arn", "arn:aws:sqs:us-east-1:123456789012:orders")),
            Map.entry("AWS::SNS::Topic", Map.of("Ref", "arn:aws:sns:us-east-1:123456789012:alerts", "TopicName", "alerts")),
            Map.entry("AWS::S3::Bucket", Map.of("Ref", "my-bucket", "DomainName", "my-bucket.s3.amazonaws.com")),
            Map.entry("AWS::Lambda::Function", Map.of("Ref", "orders")),
            Map.entry("AWS::Serverless::Function", Map.of("Ref", "orders")),
            Map.entry("AWS::Serverless::SimpleTable", Map.of("Ref", "Orders")),
            Map.entry("AWS::Kinesis::Stream", Map.of("Ref", "clicks")),
            Map.entry("AWS::Events::EventBus", Map.of("Ref", "orders", "Name", "orders")),
            Map.entry("AWS::SecretsManager::Secret", Map.of("Ref", "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbC123")),
            Map.entry("AWS::KMS::Key", Map.of("Ref", "1234abcd-12ab-34cd-56ef-1234567890ab", "KeyId", "1234abcd-12ab-34cd-56ef-1234567890ab")),
            Map.entry("AWS::Cognito::UserPool", Map.of("Ref", "us-east-1_AbCdEf123", "UserPoolId", "us-east-1_AbCdEf123",
                    "ProviderName", "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123",
                    "ProviderURL", "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123")),
            Map.entry("AWS::StepFunctions::StateMachine", Map.of("Name", "checkout")),
            Map.entry("AWS::Serverless::StateMachine", Map.of("Name", "checkout")),
            Map.entry("AWS::Logs::LogGroup", Map.of("Ref", "/aws/lambda/orders")),
            Map.entry("AWS::EC2::VPC", Map.of("Ref", "vpc-0a1b2c3d4e5f67890", "VpcId", "vpc-0a1b2c3d4e5f67890")),
            Map.entry("AWS::EC2::Subnet", Map.of("Ref", "subnet-0a1b2c3d4e5f67890", "SubnetId", "subnet-0a1b2c3d4e5f67890")),
            Map.entry("AWS::EC2::SecurityGroup", Map.of("Ref", "sg-0a1b2c3d4e5f67890", "GroupId", "sg-0a1b2c3d4e5f67890",
                    "Id", "sg-0a1b2c3d4e5f67890")),
            Map.entry("AWS::ECR::Repository", Map.of("Ref", "orders",
                    "RepositoryUri", "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders")),
            Map.entry("AWS::SSM::Parameter", Map.of("Ref", "/orders/table-name", "Value", "{{resolve:ssm:/orders/table-name}}")));

    @Test
    void ref_gives_the_primary_identifier_and_each_attribute_is_one_getatt_reads() throws Exception {
        Path providers = Corpus.shared().resolve("schemas/providers/us_east_1");
        Assumptions.assumeTrue(Files.isDirectory(providers), "the provider schemas are not at " + providers);
        assertThat(ExistingKinds.KINDS).hasSizeGreaterThanOrEqualTo(20);
        for (Kind kind : ExistingKinds.KINDS.values()) {
            String type = ExistingPlan.cloudFormationType(kind.type());
            JsonNode schema = JSON.readTree(Files.readString(providers.resolve(type.toLowerCase(Locale.ROOT).replace("::", "-") + ".json")));
            String primary = schema.get("primaryIdentifier").get(0).asString().replace("/properties/", "");
            assertThat(kind.ref().gives()).as("what Ref of %s gives", kind.type()).isEqualTo(primary);
            Set<String> readOnly = new HashSet<>();
            if (schema.has("readOnlyProperties")) {
                schema.get("readOnlyProperties").forEach(p -> readOnly.add(p.asString().replace("/properties/", "")));
            }
            ResourceKind catalogKind = CATALOG.kind(type).orElseThrow();
            for (Output output : kind.outputs().values()) {
                if (output.name().equals("Ref") || output.name().equals("(given)")) {
                    continue;
                }
                assertThat(catalogKind.hasAttribute(output.name())).as("GetAtt %s.%s", type, output.name()).isTrue();
                assertThat(readOnly.contains(output.name()) || schema.get("properties").has(output.name()))
                        .as("%s.%s is a property of the schema", type, output.name()).isTrue();
            }
        }
    }

    @Test
    void each_derived_value_of_a_types_example_arn_is_what_that_resource_gives() {
        for (Kind kind : ExistingKinds.KINDS.values()) {
            String example = Arns.example(kind.type()).orElseThrow(() -> new AssertionError("no ARN form for " + kind.type()));
            assertThat(Arns.pattern(kind.type())).as(kind.type()).hasValueSatisfying(p -> assertThat(example).matches(p));
            String given = kind.byName() ? UseExisting.parameterValue(kind.type(), example) : example;
            ExistingValues values = new ExistingValues("R", kind, Set.of());
            Map<String, String> expected = EXAMPLES.getOrDefault(kind.type(), Map.of());
            for (Output output : kind.outputs().values()) {
                if (output.name().equals("(given)") || output.value() instanceof Expression.Ask) {
                    continue;
                }
                String value = evaluate(values.of(output.name()), values, given);
                if (expected.containsKey(output.name())) {
                    assertThat(value).as("%s %s of %s", kind.type(), output.name(), example).isEqualTo(expected.get(output.name()));
                } else if (output.value() instanceof Expression.Given) {
                    assertThat(value).isEqualTo(given);
                } else {
                    throw new AssertionError("say what " + kind.type() + " " + output.name() + " of " + example + " is: " + value);
                }
            }
        }
    }

    @Test
    void an_ssm_parameter_is_given_by_the_name_its_arn_names() {
        assertThat(UseExisting.parameterValue("AWS::SSM::Parameter", "arn:aws:ssm:us-east-1:123456789012:parameter/app/db")).isEqualTo("/app/db");
        assertThat(UseExisting.parameterValue("AWS::SSM::Parameter", "arn:aws:ssm:us-east-1:123456789012:parameter/db")).isEqualTo("db");
        assertThat(UseExisting.parameterValue("AWS::SQS::Queue", "arn:aws:sqs:us-east-1:123456789012:q"))
                .isEqualTo("arn:aws:sqs:us-east-1:123456789012:q");
    }

    @Test
    void every_companion_names_what_it_configures_by_a_property_of_its_type() {
        assertThat(ExistingKinds.COMPANIONS).isNotEmpty();
        for (Companion companion : ExistingKinds.COMPANIONS) {
            assertThat(CATALOG.kind(companion.type())).as(companion.type()).hasValueSatisfying(
                    k -> assertThat(k.hasProperty(companion.property())).as(companion.type() + "." + companion.property()).isTrue());
            assertThat(companion.of()).allSatisfy(type -> assertThat(ExistingKinds.KINDS).containsKey(type));
        }
    }

    /** A derived value worked out as CloudFormation would, with the parameter set to {@code given}. */
    private static String evaluate(Value value, ExistingValues values, String given) {
        return switch (value) {
            case Scalar s -> s.text();
            case Intrinsic fn when fn.fn() == Fn.REF -> {
                String name = ((Scalar) fn.argument()).text();
                assertThat(name).isEqualTo(ExistingValues.parameter("R", values.kind()));
                yield given;
            }
            case Intrinsic fn when fn.fn() == Fn.SELECT -> {
                List<Value> args = ((Sequence) fn.argument()).items();
                Intrinsic split = (Intrinsic) args.get(1);
                List<Value> splitArgs = ((Sequence) split.argument()).items();
                String[] parts = evaluate(splitArgs.get(1), values, given).split(java.util.regex.Pattern.quote(
                        ((Scalar) splitArgs.get(0)).text()), -1);
                yield parts[Integer.parseInt(((Scalar) args.get(0)).text())];
            }
            case Intrinsic fn when fn.fn() == Fn.SUB -> {
                String text;
                Map<String, String> variables = new java.util.HashMap<>(Map.of("AWS::URLSuffix", "amazonaws.com"));
                if (fn.argument() instanceof Sequence seq) {
                    text = ((Scalar) seq.items().get(0)).text();
                    ((Mapping) seq.items().get(1)).entries().forEach(e -> variables.put(e.name(), evaluate(e.value(), values, given)));
                } else {
                    text = ((Scalar) fn.argument()).text();
                }
                variables.put(ExistingValues.parameter("R", values.kind()), given);
                String result = text;
                for (SubString.Variable v : SubString.variables(text)) {
                    assertThat(variables).as("variable %s of %s", v.name(), text).containsKey(v.name());
                    result = result.replace("${" + v.name() + "}", variables.get(v.name()));
                }
                yield result;
            }
            default -> throw new AssertionError("not a derived value: " + value);
        };
    }
}
