package dev.stackdraft.template;

import static dev.stackdraft.template.ReaderKeptTest.at;
import static dev.stackdraft.template.ReaderKeptTest.resource;
import static dev.stackdraft.template.ReaderKeptTest.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.IntrinsicForm;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.ScalarKind;
import dev.stackdraft.template.Value.Sequence;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Intrinsic functions in their short ({@code !Ref}) and long ({@code Ref:}, {@code Fn::...}) forms, in YAML and
 * JSON, mean the same; and the sections of a template are where one expects them.
 */
class ReaderIntrinsicTest {

    private final TemplateReader reader = new TemplateReader();

    /** One function: its short form, its long form in YAML (as the value of one key), its long form in JSON. */
    record Form(Fn fn, String shortYaml, String longYaml, String longJson) {}

    static final List<Form> FORMS = List.of(
            new Form(Fn.REF, "!Ref Bucket", "{Ref: Bucket}", "{\"Ref\": \"Bucket\"}"),
            new Form(Fn.GET_ATT, "!GetAtt Bucket.Arn", "{Fn::GetAtt: [Bucket, Arn]}", "{\"Fn::GetAtt\": [\"Bucket\", \"Arn\"]}"),
            new Form(Fn.SUB, "!Sub '${AWS::StackName}-${Bucket}'", "{Fn::Sub: '${AWS::StackName}-${Bucket}'}",
                    "{\"Fn::Sub\": \"${AWS::StackName}-${Bucket}\"}"),
            new Form(Fn.JOIN, "!Join ['-', [a, !Ref Bucket]]", "{Fn::Join: ['-', [a, {Ref: Bucket}]]}",
                    "{\"Fn::Join\": [\"-\", [\"a\", {\"Ref\": \"Bucket\"}]]}"),
            new Form(Fn.IF, "!If [IsProd, 5, !Ref AWS::NoValue]", "{Fn::If: [IsProd, 5, {Ref: AWS::NoValue}]}",
                    "{\"Fn::If\": [\"IsProd\", 5, {\"Ref\": \"AWS::NoValue\"}]}"),
            new Form(Fn.EQUALS, "!Equals [!Ref Stage, prod]", "{Fn::Equals: [{Ref: Stage}, prod]}",
                    "{\"Fn::Equals\": [{\"Ref\": \"Stage\"}, \"prod\"]}"),
            new Form(Fn.NOT, "!Not [!Condition IsProd]", "{Fn::Not: [{Condition: IsProd}]}",
                    "{\"Fn::Not\": [{\"Condition\": \"IsProd\"}]}"),
            new Form(Fn.AND, "!And [!Condition A, !Equals [a, b]]", "{Fn::And: [{Condition: A}, {Fn::Equals: [a, b]}]}",
                    "{\"Fn::And\": [{\"Condition\": \"A\"}, {\"Fn::Equals\": [\"a\", \"b\"]}]}"),
            new Form(Fn.OR, "!Or [!Condition A, !Condition B]", "{Fn::Or: [{Condition: A}, {Condition: B}]}",
                    "{\"Fn::Or\": [{\"Condition\": \"A\"}, {\"Condition\": \"B\"}]}"),
            new Form(Fn.SELECT, "!Select [0, !GetAZs '']", "{Fn::Select: [0, {Fn::GetAZs: ''}]}",
                    "{\"Fn::Select\": [0, {\"Fn::GetAZs\": \"\"}]}"),
            new Form(Fn.SPLIT, "!Split [',', 'a,b,c']", "{Fn::Split: [',', 'a,b,c']}", "{\"Fn::Split\": [\",\", \"a,b,c\"]}"),
            new Form(Fn.FIND_IN_MAP, "!FindInMap [Config, !Ref Stage, Size]", "{Fn::FindInMap: [Config, {Ref: Stage}, Size]}",
                    "{\"Fn::FindInMap\": [\"Config\", {\"Ref\": \"Stage\"}, \"Size\"]}"),
            new Form(Fn.IMPORT_VALUE, "!ImportValue shared-vpc", "{Fn::ImportValue: shared-vpc}",
                    "{\"Fn::ImportValue\": \"shared-vpc\"}"),
            new Form(Fn.GET_AZS, "!GetAZs eu-west-1", "{Fn::GetAZs: eu-west-1}", "{\"Fn::GetAZs\": \"eu-west-1\"}"),
            new Form(Fn.BASE64, "!Base64 '#!/bin/bash'", "{Fn::Base64: '#!/bin/bash'}", "{\"Fn::Base64\": \"#!/bin/bash\"}"),
            new Form(Fn.CIDR, "!Cidr [10.0.0.0/16, 6, 8]", "{Fn::Cidr: [10.0.0.0/16, 6, 8]}",
                    "{\"Fn::Cidr\": [\"10.0.0.0/16\", 6, 8]}"),
            new Form(Fn.TRANSFORM, "!Transform {Name: AWS::Include, Parameters: {Location: s3://b/k.yaml}}",
                    "{Fn::Transform: {Name: AWS::Include, Parameters: {Location: s3://b/k.yaml}}}",
                    "{\"Fn::Transform\": {\"Name\": \"AWS::Include\", \"Parameters\": {\"Location\": \"s3://b/k.yaml\"}}}"),
            new Form(Fn.VALUE_OF, "!ValueOf [SubnetId, Tag]", "{Fn::ValueOf: [SubnetId, Tag]}",
                    "{\"Fn::ValueOf\": [\"SubnetId\", \"Tag\"]}"),
            new Form(Fn.LENGTH, "!Length [a, b, c]", "{Fn::Length: [a, b, c]}", "{\"Fn::Length\": [\"a\", \"b\", \"c\"]}"),
            new Form(Fn.TO_JSON_STRING, "!ToJsonString {a: 1, b: [x]}", "{Fn::ToJsonString: {a: 1, b: [x]}}",
                    "{\"Fn::ToJsonString\": {\"a\": 1, \"b\": [\"x\"]}}"));

    static Stream<Arguments> forms() {
        return FORMS.stream().map(f -> Arguments.of(f.fn().shortTag(), f));
    }

    private Value valueOf(String name, String text) {
        Template template = reader.read(name, text);
        assertThat(template.findings()).as("findings of %s", text).isEmpty();
        return at(template, "Resources", "T", "Properties", "V");
    }

    private Value yaml(String value) {
        return valueOf("t.yaml", "Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      V: " + value + "\n");
    }

    private Value blockYaml(String longForm) {
        // the long form as a block mapping: '{Fn::X: arg}' becomes 'Fn::X: arg' on its own line
        String inner = longForm.substring(1, longForm.length() - 1);
        return valueOf("t.yaml", "Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      V:\n        " + inner + "\n");
    }

    private Value json(String value) {
        return valueOf("t.json", "{\"Resources\": {\"T\": {\"Type\": \"AWS::SNS::Topic\", \"Properties\": {\"V\": " + value + "}}}}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void short_and_long_forms_read_as_the_same_intrinsic(String tag, Form form) {
        Value shortForm = yaml(form.shortYaml());
        Value flowLong = yaml(form.longYaml());
        Value blockLong = blockYaml(form.longYaml());
        Value jsonLong = json(form.longJson());
        assertThat(shortForm).isInstanceOfSatisfying(Intrinsic.class, i -> {
            assertThat(i.fn()).isEqualTo(form.fn());
            assertThat(i.form()).isEqualTo(IntrinsicForm.SHORT);
        });
        for (Value longForm : List.of(flowLong, blockLong, jsonLong)) {
            assertThat(longForm).isInstanceOfSatisfying(Intrinsic.class, i -> {
                assertThat(i.fn()).isEqualTo(form.fn());
                assertThat(i.form()).isEqualTo(IntrinsicForm.LONG);
            });
            assertThat(Plain.of(longForm)).as("%s long form %s", tag, longForm).isEqualTo(Plain.of(shortForm));
        }
        assertThat(Plain.of(shortForm)).isInstanceOfSatisfying(Map.class,
                m -> assertThat(m.keySet()).containsExactly(form.fn().longName()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void a_short_form_spans_its_tag_and_argument_and_a_long_form_its_mapping(String tag, Form form) {
        String text = "Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      V: " + form.shortYaml()
                + "\n      W: " + form.longYaml() + "\n";
        Template template = reader.read("t.yaml", text);
        Intrinsic shortForm = (Intrinsic) at(template, "Resources", "T", "Properties", "V");
        assertThat(written(template, shortForm)).isEqualTo(form.shortYaml());
        assertThat(form.shortYaml()).endsWith(written(template, shortForm.argument()));
        Intrinsic longForm = (Intrinsic) at(template, "Resources", "T", "Properties", "W");
        assertThat(written(template, longForm)).isEqualTo(form.longYaml());
    }

    @Test
    void long_form_function_under_a_short_tag_is_a_function_too() {
        Template template = reader.read("t.yaml", """
                Resources:
                  Sg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      VpcId: !ImportValue
                        Fn::Sub: "${VpcStack}-VpcId"
                Parameters:
                  VpcStack:
                    Type: String
                """);
        Value vpc = template.resource("Sg").orElseThrow().property("VpcId").orElseThrow();
        assertThat(vpc).isInstanceOfSatisfying(Value.Intrinsic.class, fn -> {
            assertThat(fn.fn()).isEqualTo(Fn.IMPORT_VALUE);
            assertThat(fn.argument()).isInstanceOfSatisfying(Value.Intrinsic.class, sub -> assertThat(sub.fn()).isEqualTo(Fn.SUB));
        });
        assertThat(References.in(template)).extracting(Reference::target).contains("VpcStack");
    }

    @Test
    void every_function_the_brief_names_is_covered() {
        Set<Fn> covered = FORMS.stream().map(Form::fn).collect(Collectors.toCollection(() -> EnumSet.noneOf(Fn.class)));
        assertThat(covered).containsAll(EnumSet.complementOf(EnumSet.of(Fn.CONDITION, Fn.CONTAINS, Fn.EACH_MEMBER_EQUALS,
                Fn.EACH_MEMBER_IN, Fn.REF_ALL, Fn.VALUE_OF_ALL)));
        assertThat(Arrays.stream(Fn.values()).map(Fn::shortTag)).contains("!Ref", "!GetAtt", "!Sub", "!Join", "!If",
                "!Equals", "!Not", "!And", "!Or", "!Select", "!Split", "!FindInMap", "!ImportValue", "!GetAZs", "!Base64",
                "!Cidr", "!Condition", "!Transform", "!ValueOf", "!Length", "!ToJsonString");
    }

    @Test
    void get_att_with_a_dot_equals_the_list_form() {
        Value dotted = yaml("!GetAtt Bucket.Arn");
        Value listed = yaml("!GetAtt [Bucket, Arn]");
        Value longForm = blockYaml("{Fn::GetAtt: [Bucket, Arn]}");
        assertThat(Plain.of(dotted)).isEqualTo(Plain.of(listed)).isEqualTo(Plain.of(longForm))
                .isEqualTo(Map.of("Fn::GetAtt", List.of(new Plain.Atom("Bucket", ScalarKind.STRING),
                        new Plain.Atom("Arn", ScalarKind.STRING))));
        // a nested attribute keeps its own dots: Db.Endpoint.Address is [Db, Endpoint.Address]
        assertThat(Plain.of(yaml("!GetAtt Db.Endpoint.Address"))).isEqualTo(Plain.of(json("{\"Fn::GetAtt\": [\"Db\", \"Endpoint.Address\"]}")));
        assertThat(Plain.of(dotted)).isNotEqualTo(Plain.of(yaml("!GetAtt Bucket.DomainName")));
        assertThat(((Scalar) ((Intrinsic) dotted).argument()).text()).isEqualTo("Bucket.Arn");
    }

    @Test
    void condition_in_short_form_is_an_intrinsic_and_in_long_form_stays_the_mapping_it_equals() {
        Value shortForm = yaml("!Condition IsProd");
        Value longForm = yaml("{Condition: IsProd}");
        assertThat(shortForm).isInstanceOfSatisfying(Intrinsic.class, i -> {
            assertThat(i.fn()).isEqualTo(Fn.CONDITION);
            assertThat(i.form()).isEqualTo(IntrinsicForm.SHORT);
        });
        // 'Condition:' as a key is far more often the resource attribute than the function
        assertThat(longForm).isInstanceOf(Mapping.class);
        assertThat(Plain.of(shortForm)).isEqualTo(Plain.of(longForm)).isEqualTo(Plain.of(json("{\"Condition\": \"IsProd\"}")));
    }

    @Test
    void quoted_long_form_keys_are_intrinsics_too_but_a_mapping_with_more_keys_is_not() {
        assertThat(yaml("{'Fn::Sub': x}")).isInstanceOf(Intrinsic.class);
        assertThat(yaml("{\"Ref\": x}")).isInstanceOf(Intrinsic.class);
        assertThat(yaml("{Ref: x, Other: y}")).isInstanceOf(Mapping.class);
        assertThat(yaml("!!map {Ref: x}")).isInstanceOf(Mapping.class);
        assertThat(json("{\"Ref\": \"x\", \"Other\": \"y\"}")).isInstanceOf(Mapping.class);
    }

    @Test
    void nested_intrinsics_in_block_style_keep_their_forms_and_meaning() {
        Template template = reader.read("t.yaml", """
                Resources:
                  T:
                    Type: AWS::SNS::Topic
                    Properties:
                      Short: !If
                        - IsProd
                        - !Sub
                          - '${Name}-prod'
                          - Name: !Ref Stage
                        - !Ref AWS::NoValue
                      Long:
                        Fn::If:
                          - IsProd
                          - Fn::Sub:
                              - '${Name}-prod'
                              - Name:
                                  Ref: Stage
                          - Ref: AWS::NoValue
                """);
        Intrinsic shortIf = (Intrinsic) at(template, "Resources", "T", "Properties", "Short");
        Intrinsic longIf = (Intrinsic) at(template, "Resources", "T", "Properties", "Long");
        assertThat(Plain.of(shortIf)).isEqualTo(Plain.of(longIf));
        Intrinsic shortSub = (Intrinsic) ((Sequence) shortIf.argument()).items().get(1);
        Intrinsic longSub = (Intrinsic) ((Sequence) longIf.argument()).items().get(1);
        assertThat(shortSub.form()).isEqualTo(IntrinsicForm.SHORT);
        assertThat(longSub.form()).isEqualTo(IntrinsicForm.LONG);
        assertThat(written(template, longSub)).startsWith("Fn::Sub:").endsWith("Ref: Stage");
        assertThat(template.findings()).isEmpty();
    }

    // --- Transform and dialect -------------------------------------------------------------------------------

    @Test
    void transform_as_a_string_makes_a_sam_template() {
        Template template = reader.read("t.yaml", "Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n"
                + "    Type: AWS::Serverless::Function\n");
        assertThat(template.transforms()).containsExactly("AWS::Serverless-2016-10-31");
        assertThat(template.dialect()).isEqualTo(Dialect.SAM);
        assertThat(template.isSam()).isTrue();
    }

    @Test
    void transform_as_a_list_is_read_in_order_and_makes_sam_when_it_holds_the_sam_transform() {
        Template both = reader.read("t.yaml", "Transform:\n  - AWS::LanguageExtensions\n  - AWS::Serverless-2016-10-31\n"
                + "Resources:\n  F:\n    Type: AWS::Serverless::Function\n");
        assertThat(both.transforms()).containsExactly("AWS::LanguageExtensions", "AWS::Serverless-2016-10-31");
        assertThat(both.dialect()).isEqualTo(Dialect.SAM);
        Template flow = reader.read("t.json", "{\"Transform\": [\"AWS::Serverless-2016-10-31\"], \"Resources\": "
                + "{\"F\": {\"Type\": \"AWS::Serverless::Function\"}}}");
        assertThat(flow.dialect()).isEqualTo(Dialect.SAM);
        Template extensionsOnly = reader.read("t.yaml", "Transform: [AWS::LanguageExtensions]\nResources:\n  T:\n"
                + "    Type: AWS::SNS::Topic\n");
        assertThat(extensionsOnly.transforms()).containsExactly("AWS::LanguageExtensions");
        assertThat(extensionsOnly.dialect()).isEqualTo(Dialect.CLOUDFORMATION);
    }

    @Test
    void a_template_without_the_sam_transform_is_cloudformation_even_with_serverless_types() {
        Template template = reader.read("t.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  F:\n"
                + "    Type: AWS::Serverless::Function\n");
        assertThat(template.transforms()).isEmpty();
        assertThat(template.dialect()).isEqualTo(Dialect.CLOUDFORMATION);
        assertThat(template.resources().getFirst().type().isSam()).isTrue();
    }

    // --- sections --------------------------------------------------------------------------------------------

    @Test
    void every_section_of_a_sam_template_is_reachable() {
        Template template = reader.read("sam-sections.yaml", resource("sam-sections.yaml"));
        assertThat(template.dialect()).isEqualTo(Dialect.SAM);
        assertThat(template.findings()).isEmpty();
        assertThat(template.root().keys()).containsExactly("AWSTemplateFormatVersion", "Transform", "Description",
                "Metadata", "Parameters", "Mappings", "Conditions", "Globals", "Resources", "Outputs");

        assertThat(template.section("Metadata").orElseThrow().mapping("AWS::ServerlessRepo::Application").orElseThrow()
                .string("Name")).contains("sections");
        assertThat(template.parameters()).extracting(p -> p.id().value(), Parameter::type, p -> p.defaultValue().orElse(""),
                Parameter::line).containsExactly(
                        tuple("Stage", "String", "dev", 11),
                        tuple("Memory", "Number", "256", 15));
        assertThat(template.parameter("Stage").orElseThrow().definition().get("AllowedValues").orElseThrow())
                .isInstanceOfSatisfying(Sequence.class, s -> assertThat(s.items()).hasSize(2));
        assertThat(at(template, "Mappings", "StageConfig", "prod", "LogLevel")).isInstanceOfSatisfying(Scalar.class,
                s -> assertThat(s.text()).isEqualTo("WARN"));
        assertThat(template.conditionNames()).containsExactly("IsProd", "IsDev");
        assertThat(at(template, "Conditions", "IsProd")).isInstanceOfSatisfying(Intrinsic.class,
                i -> assertThat(i.fn()).isEqualTo(Fn.EQUALS));
        assertThat(at(template, "Conditions", "IsDev")).isInstanceOfSatisfying(Intrinsic.class, i -> {
            assertThat(i.fn()).isEqualTo(Fn.NOT);
            assertThat(i.form()).isEqualTo(IntrinsicForm.LONG);
        });
        Mapping function = template.globals().orElseThrow().mapping("Function").orElseThrow();
        assertThat(function.string("Runtime")).contains("python3.12");
        assertThat(function.get("MemorySize").orElseThrow()).isInstanceOf(Intrinsic.class);
        assertThat(at(template, "Globals", "Function", "Environment", "Variables", "LOG_LEVEL"))
                .isInstanceOfSatisfying(Intrinsic.class, i -> assertThat(i.fn()).isEqualTo(Fn.FIND_IN_MAP));
        Mapping outputs = template.section("Outputs").orElseThrow();
        assertThat(outputs.keys()).containsExactly("ApiUrl", "TableName");
        assertThat(outputs.mapping("ApiUrl").orElseThrow().string("Condition")).contains("IsProd");
        assertThat(at(template, "Outputs", "TableName", "Export", "Name")).isInstanceOf(Intrinsic.class);
        assertThat(template.section("Nope")).isEmpty();
    }

    @Test
    void resources_carry_type_properties_depends_on_condition_and_metadata() {
        Template template = reader.read("sam-sections.yaml", resource("sam-sections.yaml"));
        assertThat(template.resources()).extracting(r -> r.id().value(), r -> r.type().value()).containsExactly(
                tuple("Table", "AWS::Serverless::SimpleTable"),
                tuple("Api", "AWS::Serverless::Api"),
                tuple("Handler", "AWS::Serverless::Function"));
        Resource table = template.resource("Table").orElseThrow();
        assertThat(table.properties()).isEmpty();
        assertThat(table.dependsOn()).isEmpty();
        assertThat(table.line()).isEqualTo(41);
        Resource api = template.resource("Api").orElseThrow();
        assertThat(api.dependsOn()).containsExactly("Table");
        assertThat(api.condition()).contains("IsProd");
        assertThat(api.property("StageName")).get().isInstanceOf(Intrinsic.class);
        Resource handler = template.resource("Handler").orElseThrow();
        assertThat(handler.dependsOn()).containsExactly("Table", "Api");
        assertThat(handler.type().isFunction()).isTrue();
        assertThat(handler.definition().mapping("Metadata").orElseThrow().string("BuildMethod")).contains("python3.12");
        assertThat(handler.path()).isEqualTo(DocPath.of("Resources", "Handler"));
        assertThat(handler.propertiesPath()).isEqualTo(DocPath.of("Resources", "Handler", "Properties"));
        assertThat(template.at(handler.propertiesPath().child("Events"))).get().isInstanceOfSatisfying(Mapping.class,
                events -> assertThat(events.keys()).containsExactly("Get"));
        assertThat(template.source().bytes()).isEqualTo(resource("sam-sections.yaml"));
    }

    @Test
    void for_each_loops_in_resources_are_not_resources() {
        Template template = reader.read("t.yaml", """
                Transform: AWS::LanguageExtensions
                Resources:
                  Fn::ForEach::Topics:
                    - Name
                    - [Orders, Payments]
                    - Topic${Name}:
                        Type: AWS::SNS::Topic
                        Properties:
                          TopicName: !Sub '${Name}'
                  Queue:
                    Type: AWS::SQS::Queue
                """);
        assertThat(template.resources()).extracting(r -> r.id().value()).containsExactly("Queue");
        assertThat(template.root().mapping("Resources").orElseThrow().keys()).containsExactly("Fn::ForEach::Topics", "Queue");
        assertThat(at(template, "Resources", "Fn::ForEach::Topics")).isInstanceOfSatisfying(Sequence.class,
                loop -> assertThat(loop.items()).hasSize(3));
        assertThat(template.findings()).isEmpty();
    }

    @Test
    void intrinsics_are_found_across_the_corpus_in_both_forms() {
        // the corpus uses both forms: reading it finds every Fn the short-form test list covers in at least one form
        Set<Fn> seen = EnumSet.noneOf(Fn.class);
        Set<IntrinsicForm> forms = EnumSet.noneOf(IntrinsicForm.class);
        Corpus.files().forEach(file -> collect(reader.read(file).root(), seen, forms));
        assertThat(forms).containsExactlyInAnyOrder(IntrinsicForm.SHORT, IntrinsicForm.LONG);
        assertThat(seen).contains(Fn.REF, Fn.GET_ATT, Fn.SUB, Fn.JOIN, Fn.IF, Fn.EQUALS, Fn.NOT, Fn.AND, Fn.OR, Fn.SELECT,
                Fn.SPLIT, Fn.FIND_IN_MAP, Fn.IMPORT_VALUE, Fn.GET_AZS, Fn.BASE64);
    }

    private static void collect(Value value, Set<Fn> seen, Set<IntrinsicForm> forms) {
        switch (value) {
            case Intrinsic i -> {
                seen.add(i.fn());
                forms.add(i.form());
                collect(i.argument(), seen, forms);
            }
            case Mapping m -> m.entries().forEach(e -> collect(e.value(), seen, forms));
            case Sequence s -> s.items().forEach(item -> collect(item, seen, forms));
            case Value.Tagged t -> collect(t.value(), seen, forms);
            case Scalar s -> { }
        }
    }
}
