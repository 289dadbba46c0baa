package dev.stackdraft.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stackdraft.template.Finding;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateValidatorTest {

    private static final String SAM = "Transform: AWS::Serverless-2016-10-31\n";

    private final TemplateValidator validator = new TemplateValidator();

    private List<Finding> validate(String name, String text) {
        Template template = new TemplateReader().read(name, text);
        return validator.validate(template);
    }

    private List<Finding> validate(String text) {
        return validate("template.yaml", text);
    }

    private static List<Finding> coded(List<Finding> findings, String code) {
        return findings.stream().filter(f -> f.code().equals(code)).toList();
    }

    // 1. the reader's findings

    @Test
    void reader_findings_come_first_hand() {
        List<Finding> findings = validate("""
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      DelaySeconds: 1
                      DelaySeconds: 2
                """);
        assertThat(findings).extracting(Finding::code, f -> f.location().line(), f -> f.location().column())
                .containsExactly(tuple("duplicate-key", 6, 7));
    }

    @Test
    void a_valid_template_has_no_findings() {
        List<Finding> findings = validate(SAM + """
                Globals:
                  Function:
                    Runtime: python3.12
                    MemorySize: 256
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      BillingMode: PAY_PER_REQUEST
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  Handler:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: app.handler
                      CodeUri: src/
                      Environment:
                        Variables:
                          TABLE: !Ref Table
                      Policies:
                        - DynamoDBCrudPolicy: {TableName: !Ref Table}
                      Events:
                        Get:
                          Type: Api
                          Properties: {Path: /items, Method: get}
                Outputs:
                  Arn:
                    Value: !GetAtt Table.Arn
                  Url:
                    Value: !Sub "https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod"
                """);
        assertThat(findings).isEmpty();
    }

    // 2. references

    @Test
    void ref_to_nothing_is_reported_at_the_name() {
        List<Finding> findings = validate("""
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Ref Missing
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("unresolved-reference");
            assertThat(f.isError()).isTrue();
            assertThat(f.location().line()).isEqualTo(5);
            assertThat(f.location().column()).isEqualTo(23);
            assertThat(f.message()).startsWith("!Ref Missing: no resource or parameter named Missing");
        });
    }

    @Test
    void sub_variable_is_pointed_at_inside_the_string_with_a_suggestion() {
        List<Finding> findings = validate("""
                Parameters:
                  Stage:
                    Type: String
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Sub "app-${Stag}-queue"
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("unresolved-reference");
            assertThat(f.location().line()).isEqualTo(8);
            assertThat(f.location().column()).isEqualTo(28);
            assertThat(f.message()).isEqualTo("${Stag} in !Sub: no resource or parameter named Stag; did you mean Stage?");
        });
    }

    @Test
    void a_sam_derived_name_belongs_to_the_longest_id_it_starts_with() {
        List<Finding> findings = validate(SAM + """
                Resources:
                  Worker:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: worker.asl.json
                  WorkerFunction:
                    Type: AWS::Lambda::Function
                    Properties:
                      Handler: app.handler
                      Runtime: python3.12
                      Role: arn:aws:iam::123456789012:role/worker
                      Code: {ZipFile: "def handler(e, c): pass"}
                Outputs:
                  Role:
                    Value: !GetAtt WorkerRole.Arn
                  NoRole:
                    Value: !GetAtt WorkerFunctionRole.Arn
                """);
        assertThat(coded(findings, "unresolved-reference")).extracting(f -> f.location().line(), Finding::message)
                .containsExactly(tuple(18, "!GetAtt WorkerFunctionRole.Arn: no resource named WorkerFunctionRole: "
                        + "add it to the template or fix the name"));
    }

    @Test
    void long_form_ref_and_depends_on_are_named_as_written() {
        List<Finding> findings = validate("""
                {
                  "Resources": {
                    "Queue": {
                      "Type": "AWS::SQS::Queue",
                      "DependsOn": ["Topic"],
                      "Properties": {"QueueName": {"Ref": "Name"}}
                    }
                  }
                }
                """);
        assertThat(findings).extracting(f -> f.location().line(), f -> f.location().column(), Finding::message)
                .containsExactly(
                        tuple(5, 21, "DependsOn Topic: no resource named Topic: add it to the template or fix the name"),
                        tuple(6, 43, "Ref: Name: no resource or parameter named Name: add it to the template or fix the name"));
    }

    @Test
    void get_att_of_an_attribute_the_type_lacks_suggests_the_close_one() {
        List<Finding> findings = validate("""
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                Outputs:
                  QueueArn:
                    Value: !GetAtt Queue.Arnn
                  Name:
                    Value: !Sub "${Queue.QueueNam}"
                """);
        assertThat(findings).extracting(Finding::code, f -> f.location().line(), f -> f.location().column(), Finding::message)
                .containsExactly(
                        tuple("unknown-attribute", 6, 20, "!GetAtt Queue.Arnn: AWS::SQS::Queue has no attribute Arnn; did you mean Arn?"),
                        tuple("unknown-attribute", 8, 18,
                                "${Queue.QueueNam} in !Sub: AWS::SQS::Queue has no attribute QueueNam; did you mean QueueName?"));
    }

    @Test
    void get_att_of_custom_and_sam_resources_is_not_judged() {
        List<Finding> findings = validate(SAM + """
                Resources:
                  Thing:
                    Type: Custom::Thing
                    Properties:
                      ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:x
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties: {Handler: a.b, Runtime: python3.12, CodeUri: .}
                Outputs:
                  A:
                    Value: !GetAtt Thing.Whatever
                  B:
                    Value: !GetAtt Fn.Arn
                  C:
                    Value: !GetAtt FnRole.Arn
                """);
        assertThat(findings).isEmpty();
    }

    @Test
    void parameters_have_no_attributes_and_are_no_dependencies() {
        List<Finding> findings = validate("""
                Parameters:
                  Stage:
                    Type: String
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    DependsOn: Stage
                    Properties:
                      QueueName: !GetAtt Stage.Value
                """);
        assertThat(findings).extracting(Finding::code, f -> f.location().line(), f -> f.location().column(), Finding::message)
                .containsExactly(
                        tuple("unresolved-reference", 7, 16, "DependsOn Stage: Stage is a parameter; DependsOn names resources only"),
                        tuple("unresolved-reference", 9, 26,
                                "!GetAtt Stage.Value: Stage is a parameter, and parameters have no attributes: use !Ref Stage"));
    }

    @Test
    void unknown_condition_is_an_error_at_its_name() {
        List<Finding> findings = validate("""
                Conditions:
                  IsProd: !Equals [!Ref AWS::AccountId, "123"]
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Condition: IsProdd
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("unknown-condition");
            assertThat(f.location().line()).isEqualTo(6);
            assertThat(f.location().column()).isEqualTo(16);
            assertThat(f.message()).contains("no condition named IsProdd").contains("did you mean IsProd?");
        });
    }

    @Test
    void for_each_identifiers_and_generated_ids_resolve() {
        List<Finding> findings = validate("""
                Transform: AWS::LanguageExtensions
                Resources:
                  Fn::ForEach::Buckets:
                    - Name
                    - [a, b]
                    - Bucket${Name}:
                        Type: AWS::S3::Bucket
                        Properties:
                          BucketName: !Sub "${Name}-bucket"
                Outputs:
                  First:
                    Value: !Ref Bucketa
                  Other:
                    Value: !Ref Nothing
                """);
        assertThat(findings).extracting(Finding::code, f -> f.location().line())
                .containsExactly(tuple("unresolved-reference", 14));
    }

    // 3. types and properties

    @Test
    void unknown_type_is_a_warning_with_a_suggestion() {
        List<Finding> findings = validate("""
                Resources:
                  Bucket:
                    Type: AWS::S3::Buckett
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("unknown-type");
            assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
            assertThat(f.location().line()).isEqualTo(3);
            assertThat(f.location().column()).isEqualTo(11);
            assertThat(f.message()).contains("did you mean AWS::S3::Bucket?");
        });
    }

    @Test
    void custom_resources_and_unknown_sam_types_are_told_apart() {
        List<Finding> findings = validate(SAM + """
                Resources:
                  Thing:
                    Type: Custom::Anything
                    Properties: {ServiceToken: x, Whatever: 1}
                  Func:
                    Type: AWS::Serverless::Functions
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("unknown-type");
            assertThat(f.isError()).isTrue();
            assertThat(f.location().line()).isEqualTo(7);
            assertThat(f.message()).contains("did you mean AWS::Serverless::Function?");
        });
    }

    @Test
    void unknown_property_points_at_the_key_and_suggests_the_close_name() {
        List<Finding> findings = validate("""
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      DelaySecond: 3
                      visibilitytimeout: 30
                      Colour: red
                """);
        assertThat(findings).extracting(Finding::code, f -> f.location().line(), f -> f.location().column(), Finding::message)
                .containsExactly(
                        tuple("unknown-property", 5, 7, "resource Queue: AWS::SQS::Queue has no property DelaySecond; did you mean DelaySeconds?"),
                        tuple("unknown-property", 6, 7,
                                "resource Queue: AWS::SQS::Queue has no property visibilitytimeout; did you mean VisibilityTimeout?"),
                        tuple("unknown-property", 7, 7,
                                "resource Queue: AWS::SQS::Queue has no property Colour; remove it or check the spelling"));
    }

    @Test
    void unknown_resource_key_is_reported_and_a_typo_of_properties_is_caught() {
        List<Finding> findings = validate("""
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Description: my queue
                    Propertes:
                      DelaySeconds: 3
                """);
        assertThat(findings).extracting(Finding::code, f -> f.location().line(), f -> f.location().column())
                .containsExactly(tuple("unknown-resource-key", 4, 5), tuple("unknown-resource-key", 5, 5));
        assertThat(findings.get(1).message()).contains("did you mean Properties?");
    }

    @Test
    void missing_required_property_is_reported_at_properties() {
        List<Finding> findings = validate("""
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: python3.12
                  Other:
                    Type: AWS::Lambda::Function
                """);
        assertThat(findings).extracting(Finding::code, f -> f.location().line(), f -> f.location().column(), Finding::message)
                .containsExactly(
                        tuple("missing-property", 4, 5, "resource Fn: AWS::Lambda::Function requires Code, Role; add them under Properties"),
                        tuple("missing-property", 6, 3, "resource Other: AWS::Lambda::Function requires Code, Role; add them under Properties"));
    }

    @Test
    void properties_as_an_intrinsic_function_are_not_judged() {
        List<Finding> findings = validate("""
                Conditions:
                  Yes: !Equals [a, a]
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties: !If [Yes, {Code: {ZipFile: x}, Role: r}, {Code: {ZipFile: y}, Role: r}]
                """);
        assertThat(findings).isEmpty();
    }

    @Test
    void sam_required_properties_may_come_from_globals() {
        String resources = """
                Resources:
                  Provider:
                    Type: AWS::Serverless::CapacityProvider
                    Properties:
                      OperatorRole: arn:aws:iam::123456789012:role/x
                """;
        List<Finding> withGlobals = validate(SAM + """
                Globals:
                  CapacityProvider:
                    VpcConfig: {SubnetIds: [subnet-1]}
                """ + resources);
        List<Finding> without = validate(SAM + resources);
        assertThat(withGlobals).isEmpty();
        assertThat(without).extracting(Finding::code, f -> f.location().line(), f -> f.location().column())
                .containsExactly(tuple("missing-property", 5, 5));
        assertThat(without.getFirst().message()).contains("requires VpcConfig");
    }

    @Test
    void serverless_functions_are_left_alone_but_their_resources_are_checked() {
        List<Finding> findings = validate("serverless.yml", """
                service: demo
                provider:
                  name: aws
                functions:
                  hello:
                    handler: handler.hello
                    whateverTheFrameworkTakes: true
                resources:
                  Resources:
                    Queue:
                      Type: AWS::SQS::Queue
                      Properties:
                        QueueNme: ${self:service}-queue
                """);
        assertThat(findings).extracting(Finding::code, f -> f.location().line(), f -> f.location().column())
                .containsExactly(tuple("unknown-property", 13, 9));
        assertThat(findings.getFirst().message()).contains("did you mean QueueName?");
    }

    @Test
    void sam_resources_without_the_transform_are_reported_once_and_checked_as_sam() {
        List<Finding> findings = validate("""
                Globals:
                  Function:
                    Runtime: python3.12
                Resources:
                  A:
                    Type: AWS::Serverless::Function
                    Properties: {Handler: a.b, CodeUri: .}
                  B:
                    Type: AWS::Serverless::Function
                    Properties: {Handler: a.b, CodeUri: ., Role: !GetAtt ARole.Arn}
                """);
        assertThat(findings).extracting(Finding::code, f -> f.location().line(), f -> f.location().column())
                .containsExactly(tuple("missing-transform", 6, 11));
    }

    // 4. the SAM schema

    @Test
    void sam_event_with_unknown_property_is_reported_at_the_key() {
        List<Finding> findings = validate(SAM + """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.b
                      Runtime: python3.12
                      CodeUri: .
                      Events:
                        Get:
                          Type: Api
                          Properties:
                            Path: /
                            Method: get
                            Verb: get
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("sam-schema");
            assertThat(f.location().line()).isEqualTo(15);
            assertThat(f.location().column()).isEqualTo(13);
            assertThat(f.message()).startsWith("Fn: SAM does not know 'Verb' in Properties.Events.Get.Properties");
        });
    }

    @Test
    void sam_event_type_typo_gives_one_error_with_the_choices() {
        List<Finding> findings = validate(SAM + """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.b
                      Runtime: python3.12
                      CodeUri: .
                      Events:
                        Queue:
                          Type: SQs
                          Properties: {Queue: arn:aws:sqs:us-east-1:123456789012:q}
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("sam-schema");
            assertThat(f.location().line()).isEqualTo(11);
            assertThat(f.location().column()).isEqualTo(17);
            assertThat(f.message()).startsWith("Fn: Properties.Events.Queue.Type is 'SQs'; SAM accepts one of ")
                    .contains("Api").endsWith("did you mean SQS?");
        });
    }

    @Test
    void sam_type_errors_and_missing_event_properties_are_reported() {
        List<Finding> findings = validate(SAM + """
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      Auth: token
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.b
                      Runtime: python3.12
                      CodeUri: .
                      Events:
                        Stream:
                          Type: SQS
                          Properties:
                            BatchSize: 10
                """);
        assertThat(findings).extracting(Finding::code, f -> f.location().line(), f -> f.location().column(), Finding::message)
                .containsExactly(
                        tuple("sam-schema", 7, 13, "Api: Properties.Auth is a string; SAM expects a mapping"),
                        tuple("sam-schema", 17, 11,
                                "Fn: Properties.Events.Stream.Properties lacks Queue, which SAM requires: add it"));
    }

    @Test
    void intrinsic_functions_pass_where_a_value_is_computed_but_not_for_fixed_choices() {
        List<Finding> findings = validate(SAM + """
                Parameters:
                  Kind:
                    Type: String
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.b
                      Runtime: python3.12
                      CodeUri: !Sub "s3://bucket/${AWS::Region}/code.zip"
                      Events:
                        Queue:
                          Type: !Ref Kind
                          Properties: {Queue: !GetAtt Q.Arn}
                  Q:
                    Type: AWS::SQS::Queue
                """);
        assertThat(findings).extracting(Finding::code, f -> f.location().line(), f -> f.location().column())
                .containsExactly(tuple("sam-schema", 14, 17));
    }

    @Test
    void globals_are_checked_against_the_schema_once_and_merged_deeply_into_resources() {
        List<Finding> findings = validate(SAM + """
                Globals:
                  Function:
                    Runtime: python3.12
                    CapacityProviderConfig:
                      Arn: arn:aws:lambda:us-east-1:123456789012:capacity-provider:x
                  Functions:
                    Timeout: 3
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.b
                      CodeUri: .
                      CapacityProviderConfig:
                        PerExecutionEnvironmentMaxConcurrency: 4
                """);
        assertThat(findings).extracting(Finding::code, f -> f.location().line(), f -> f.location().column())
                .containsExactly(tuple("sam-schema", 7, 3));
        assertThat(findings.getFirst().message()).startsWith("Globals: SAM does not know 'Functions'")
                .endsWith("did you mean Function?");
    }

    @Test
    void sam_schema_errors_that_the_property_check_already_made_are_not_repeated() {
        List<Finding> findings = validate(SAM + """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.b
                      Runtime: python3.12
                      CodeUri: .
                      MemorySiz: 512
                """);
        assertThat(findings).extracting(Finding::code, f -> f.location().line(), f -> f.location().column())
                .containsExactly(tuple("unknown-property", 9, 7));
        assertThat(findings.getFirst().message()).endsWith("did you mean MemorySize?");
    }

    // 5. limits

    @Test
    void globals_layers_count_before_the_functions_own() {
        List<Finding> findings = validate(SAM + """
                Globals:
                  Function:
                    Layers: [arn:aws:lambda:us-east-1:123456789012:layer:a:1, arn:aws:lambda:us-east-1:123456789012:layer:b:1,
                             arn:aws:lambda:us-east-1:123456789012:layer:c:1]
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.b
                      Runtime: python3.12
                      CodeUri: .
                      Layers:
                        - arn:aws:lambda:us-east-1:123456789012:layer:d:1
                        - arn:aws:lambda:us-east-1:123456789012:layer:e:1
                        - arn:aws:lambda:us-east-1:123456789012:layer:f:1
                  Lean:
                    Type: AWS::Serverless::Function
                    IgnoreGlobals: [Layers]
                    Properties:
                      Handler: a.b
                      Runtime: python3.12
                      CodeUri: .
                      Layers:
                        - arn:aws:lambda:us-east-1:123456789012:layer:d:1
                        - arn:aws:lambda:us-east-1:123456789012:layer:e:1
                        - arn:aws:lambda:us-east-1:123456789012:layer:f:1
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("too-many-layers");
            assertThat(f.location().line()).isEqualTo(13);
            assertThat(f.location().column()).isEqualTo(7);
            assertThat(f.message()).isEqualTo("function Fn has 3 layers from Globals.Function.Layers and 3 of its own, 6 in all,"
                    + " over Lambda's limit of 5: remove 1 or merge some into one layer");
        });
    }

    @Test
    void serverless_provider_layers_apply_only_to_functions_without_their_own() {
        List<Finding> findings = validate("serverless.yml", """
                service: demo
                provider:
                  name: aws
                  layers: [a, b, c, d, e, f]
                functions:
                  own:
                    handler: h.h
                    layers: [x]
                  many:
                    handler: h.h
                    layers: [a, b, c, d, e, f, g]
                """);
        assertThat(findings).extracting(Finding::code, f -> f.location().line(), f -> f.location().column())
                .containsExactly(tuple("too-many-layers", 4, 3), tuple("too-many-layers", 11, 5));
        assertThat(findings.get(1).message()).startsWith("function many: 7 layers");
    }

    @Test
    void layers_as_a_single_value_are_reported() {
        List<Finding> findings = validate(SAM + """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.b
                      Runtime: python3.12
                      CodeUri: .
                      Layers: arn:aws:lambda:us-east-1:123456789012:layer:a:1
                """);
        assertThat(findings).extracting(Finding::code, f -> f.location().line(), f -> f.location().column())
                .containsExactly(tuple("invalid-layers", 9, 15));
    }

    @Test
    void lambda_settings_outside_their_ranges_are_reported_at_the_value() {
        String description = "x".repeat(257);
        String big = "v".repeat(2100);
        List<Finding> findings = validate("""
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Code: {ZipFile: x}
                      Role: arn:aws:iam::123456789012:role/r
                      MemorySize: 64
                      Timeout: 901
                      EphemeralStorage: {Size: 20000}
                      Description: %s
                      ReservedConcurrentExecutions: -1
                      Environment:
                        Variables:
                          A: %s
                          B: %s
                          C: !Ref AWS::Region
                """.formatted(description, big, big));
        assertThat(findings).extracting(Finding::code, f -> f.location().line(), f -> f.location().column())
                .containsExactly(tuple("lambda-limit", 7, 19), tuple("lambda-limit", 8, 16), tuple("lambda-limit", 9, 32),
                        tuple("lambda-limit", 10, 20), tuple("lambda-limit", 11, 37), tuple("lambda-limit", 13, 9));
        assertThat(findings.getFirst().message()).isEqualTo("function Fn: MemorySize 64 MB is outside Lambda's range of 128 to 10240 MB");
        assertThat(findings.getLast().message()).contains("4203 bytes").contains("4 KB");
    }

    @Test
    void serverless_settings_are_checked_in_provider_and_functions() {
        List<Finding> findings = validate("serverless.yml", """
                service: demo
                provider:
                  name: aws
                  memorySize: 20000
                functions:
                  slow:
                    handler: h.h
                    timeout: 1000
                    ephemeralStorageSize: 100
                """);
        assertThat(findings).extracting(Finding::code, f -> f.location().line(), f -> f.location().column())
                .containsExactly(tuple("lambda-limit", 4, 15), tuple("lambda-limit", 8, 14), tuple("lambda-limit", 9, 27));
    }

    @Test
    void a_stack_over_cloudformations_limits_is_reported_at_the_section() {
        StringBuilder text = new StringBuilder("Parameters:\n");
        for (int i = 0; i < 201; i++) {
            text.append("  P").append(i).append(":\n    Type: String\n");
        }
        text.append("Resources:\n");
        for (int i = 0; i < 501; i++) {
            text.append("  Topic").append(i).append(":\n    Type: AWS::SNS::Topic\n");
        }
        List<Finding> findings = validate(text.toString());
        assertThat(findings).extracting(Finding::code, f -> f.location().line(), f -> f.location().column())
                .containsExactly(tuple("stack-limit", 1, 1), tuple("stack-limit", 404, 1));
        assertThat(findings.get(1).message()).startsWith("the template has 501 resources, over CloudFormation's limit of 500");
    }

    // 6. cycles

    @Test
    void a_dependency_cycle_is_reported_once_at_the_reference_that_closes_it() {
        List<Finding> findings = validate("""
                Resources:
                  Role:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument: {}
                      Description: !Ref Queue
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Sub "${Role.Arn}"
                """);
        assertThat(findings).extracting(Finding::code, f -> f.location().line(), f -> f.location().column())
                .containsExactly(tuple("circular-dependency", 6, 25));
        assertThat(findings.getFirst().message()).startsWith("Role and Queue depend on each other in a cycle");
    }

    @Test
    void findings_are_sorted_by_line_then_column() {
        List<Finding> findings = validate("""
                Resources:
                  B:
                    Type: AWS::SQS::Queue
                    Properties: {QueueName: !Ref X, DelaySecondz: 1}
                  A:
                    Type: AWS::SQS::Queu
                """);
        assertThat(findings).extracting(f -> f.location().line(), f -> f.location().column())
                .containsExactly(tuple(4, 34), tuple(4, 37), tuple(6, 11));
    }
}
