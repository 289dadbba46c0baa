package dev.stackdraft.template;

import static dev.stackdraft.template.ReaderKeptTest.at;
import static dev.stackdraft.template.ReaderKeptTest.resource;
import static dev.stackdraft.template.ReaderKeptTest.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.ScalarStyle;
import dev.stackdraft.template.Value.Sequence;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code serverless.yml}: functions, layers, provider, CloudFormation resources, and variables kept as text. */
class ReaderServerlessTest {

    private final TemplateReader reader = new TemplateReader();

    private Template fixture() {
        return reader.read("project/serverless.yml", resource("serverless/serverless.yml"));
    }

    @Test
    void a_serverless_file_is_read_as_serverless_without_findings() {
        Template template = fixture();
        assertThat(template.dialect()).isEqualTo(Dialect.SERVERLESS);
        assertThat(template.findings()).isEmpty();
        assertThat(template.transforms()).isEmpty();
        assertThat(template.source().bytes()).isEqualTo(resource("serverless/serverless.yml"));
    }

    @Test
    void functions_layers_and_cloudformation_resources_are_resources() {
        Template template = fixture();
        assertThat(template.resources()).extracting(r -> r.id().value(), r -> r.type().value()).containsExactly(
                tuple("create", "Serverless::Function"),
                tuple("report", "Serverless::Function"),
                tuple("shared", "Serverless::Layer"),
                tuple("OrdersTable", "AWS::DynamoDB::Table"),
                tuple("OrdersQueue", "AWS::SQS::Queue"));
        Resource create = template.resource("create").orElseThrow();
        assertThat(create.type().isFunction()).isTrue();
        assertThat(create.path()).isEqualTo(DocPath.of("functions", "create"));
        assertThat(create.properties()).contains(create.definition());
        assertThat(create.property("handler")).get().isInstanceOfSatisfying(Scalar.class,
                s -> assertThat(s.text()).isEqualTo("src/create.handler"));
        assertThat(template.resource("shared").orElseThrow().type().isLayer()).isTrue();
        Resource table = template.resource("OrdersTable").orElseThrow();
        assertThat(table.path()).isEqualTo(DocPath.of("resources", "Resources", "OrdersTable"));
        assertThat(table.property("BillingMode")).get().isInstanceOfSatisfying(Scalar.class,
                s -> assertThat(s.text()).isEqualTo("PAY_PER_REQUEST"));
        assertThat(template.resource("OrdersQueue").orElseThrow().dependsOn()).containsExactly("OrdersTable");
        assertThat(create.line()).isEqualTo(29);
    }

    @Test
    void function_events_and_layers_are_reachable() {
        Template template = fixture();
        Value events = template.resource("create").orElseThrow().property("events").orElseThrow();
        assertThat(events).isInstanceOfSatisfying(Sequence.class, list -> assertThat(list.items()).hasSize(2));
        assertThat(at(template, "functions", "create", "events", 0, "httpApi", "path"))
                .isInstanceOfSatisfying(Scalar.class, s -> assertThat(s.text()).isEqualTo("/orders"));
        assertThat(at(template, "functions", "create", "events", 1, "sqs", "arn"))
                .isInstanceOfSatisfying(Intrinsic.class, i -> assertThat(i.fn()).isEqualTo(Fn.GET_ATT));
        assertThat(at(template, "functions", "report", "events", 0, "schedule"))
                .isInstanceOfSatisfying(Scalar.class, s -> assertThat(s.text()).isEqualTo("rate(1 hour)"));
        Value layers = template.resource("create").orElseThrow().property("layers").orElseThrow();
        assertThat(layers).isInstanceOfSatisfying(Sequence.class, list -> {
            assertThat(list.items().get(0)).isInstanceOfSatisfying(Intrinsic.class, i -> assertThat(i.fn()).isEqualTo(Fn.REF));
            assertThat(list.items().get(1)).isInstanceOfSatisfying(Scalar.class, s -> assertThat(s.text())
                    .isEqualTo("arn:aws:lambda:${self:provider.region}:123456789012:layer:tools:3"));
        });
        assertThat(at(template, "layers", "shared", "compatibleRuntimes")).isInstanceOf(Sequence.class);
    }

    @Test
    void provider_custom_and_resources_outputs_are_reachable() {
        Template template = fixture();
        Mapping provider = template.root().mapping("provider").orElseThrow();
        assertThat(provider.string("name")).contains("aws");
        assertThat(provider.string("runtime")).contains("nodejs20.x");
        assertThat(at(template, "provider", "environment", "QUEUE_URL")).isInstanceOfSatisfying(Intrinsic.class,
                i -> assertThat(i.fn()).isEqualTo(Fn.REF));
        assertThat(at(template, "provider", "iam", "role", "statements", 0, "Resource")).isInstanceOf(Intrinsic.class);
        assertThat(at(template, "resources", "Outputs", "QueueArn", "Value")).isInstanceOf(Intrinsic.class);
        assertThat(template.root().keys()).containsExactly("service", "frameworkVersion", "custom", "provider", "layers",
                "functions", "resources");
    }

    @Test
    void variables_are_kept_as_the_text_written() {
        Template template = fixture();
        record Variable(Object[] path, String text) {}
        List<Variable> variables = List.of(
                new Variable(new Object[] {"service"}, "orders-${opt:stage, 'dev'}"),
                new Variable(new Object[] {"custom", "tableName"}, "orders-${self:provider.stage}"),
                new Variable(new Object[] {"custom", "bucket"}, "${ssm:/orders/bucket}"),
                new Variable(new Object[] {"provider", "stage"}, "${opt:stage, 'dev'}"),
                new Variable(new Object[] {"provider", "region"}, "${opt:region, 'eu-west-1'}"),
                new Variable(new Object[] {"provider", "environment", "TABLE"}, "${self:custom.tableName}"),
                new Variable(new Object[] {"functions", "report", "timeout"}, "${self:custom.timeouts.${opt:stage, 'dev'}, 6}"));
        for (Variable v : variables) {
            Value value = at(template, v.path());
            assertThat(value).as("%s", List.of(v.path())).isInstanceOfSatisfying(Scalar.class, s -> {
                assertThat(s.text()).isEqualTo(v.text());
                assertThat(s.style()).isEqualTo(ScalarStyle.PLAIN);
                assertThat(written(template, s)).isEqualTo(v.text());
            });
        }
        Scalar quoted = (Scalar) at(template, "resources", "Resources", "OrdersTable", "Properties", "TableName");
        assertThat(quoted.text()).isEqualTo("${self:custom.tableName}");
        assertThat(written(template, quoted)).isEqualTo("\"${self:custom.tableName}\"");
    }

    @Test
    void serverless_is_recognised_by_name_or_by_its_sections() {
        assertThat(reader.read("serverless.yaml", "service: a\n").dialect()).isEqualTo(Dialect.SERVERLESS);
        assertThat(reader.read("deploy/sls.yml", "service: a\nprovider: {name: aws}\n").dialect()).isEqualTo(Dialect.SERVERLESS);
        assertThat(reader.read("api.yml", "service: a\nfunctions: {hello: {handler: h.main}}\n").resources())
                .extracting(r -> r.id().value()).containsExactly("hello");
        // a CloudFormation template with a 'service' key stays CloudFormation
        assertThat(reader.read("serverless.yml", "AWSTemplateFormatVersion: '2010-09-09'\nservice: x\nprovider: y\n"
                + "Resources:\n  T:\n    Type: AWS::SNS::Topic\n").dialect()).isEqualTo(Dialect.CLOUDFORMATION);
    }

    @Test
    void resources_written_as_a_list_of_files_or_mappings_are_read_leniently() {
        Template template = reader.read("serverless.yml", """
                service: app
                provider:
                  name: aws
                functions:
                  hello:
                    handler: handler.hello
                  broken: handler.only
                resources:
                  - ${file(resources/bucket.yml)}
                  - Resources:
                      Bucket:
                        Type: AWS::S3::Bucket
                      NoType:
                        Properties: {}
                  - Resources:
                      Topic:
                        Type: AWS::SNS::Topic
                """);
        assertThat(template.resources()).extracting(r -> r.id().value()).containsExactly("hello", "Bucket", "Topic");
        assertThat(template.resource("Topic").orElseThrow().path()).isEqualTo(DocPath.of("resources", 2, "Resources", "Topic"));
        assertThat(template.findings()).isEmpty();
    }

    @Test
    void a_duplicate_function_is_read_last_wins_and_reported() {
        Template template = reader.read("serverless.yml", """
                service: app
                functions:
                  hello:
                    handler: old.hello
                  hello:
                    handler: new.hello
                """);
        assertThat(template.resources()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(5);
            assertThat(r.property("handler")).get().isInstanceOfSatisfying(Scalar.class,
                    s -> assertThat(s.text()).isEqualTo("new.hello"));
        });
        assertThat(template.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("duplicate-key");
            assertThat(f.location().line()).isEqualTo(5);
            assertThat(f.message()).contains("first at line 3");
        });
    }
}
