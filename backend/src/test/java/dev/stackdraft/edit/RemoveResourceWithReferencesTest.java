package dev.stackdraft.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.EditResult;
import dev.stackdraft.template.References;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import dev.stackdraft.template.UnifiedDiff;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoveResourceWithReferencesTest {

    private final TemplateReader reader = new TemplateReader();
    private final Editor editor = new Editor();

    private static final String SAM = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: app.handler
                  Runtime: python3.12
                  CodeUri: src/
                  Environment:
                    Variables:
                      TABLE: !Ref Table
                      STAGE: prod
                  Policies:
                    - DynamoDBCrudPolicy:
                        TableName: !Ref Table
                    - AWSLambdaBasicExecutionRole
              Unrelated:
                Type: AWS::SQS::Queue
            Outputs:
              FnRole:
                Value: !GetAtt FnRole.Arn
              TableName:
                Value: !Ref Table
            """;

    @Test
    void what_refers_to_the_resource_is_listed_in_file_order() {
        Template template = reader.read("template.yaml", SAM);

        assertThat(new RemoveResourceWithReferences("Table").places(template)).containsExactly(
                DocPath.of("Resources", "Fn", "Properties", "Environment", "Variables", "TABLE"),
                DocPath.of("Resources", "Fn", "Properties", "Policies", 0),
                DocPath.of("Outputs", "TableName"));
    }

    @Test
    void each_place_goes_with_its_own_lines_and_nothing_else() {
        Template template = reader.read("template.yaml", SAM);

        EditResult result = editor.apply(template, new RemoveResourceWithReferences("Table"));

        assertThat(result.diff().lines().filter(l -> l.startsWith("+") && !l.startsWith("+++"))).isEmpty();
        // the table's 6 lines, TABLE's 1, the policy's 2, the output's 2
        assertThat(UnifiedDiff.changedLines(SAM, result.text())).isEqualTo(11);
        assertThat(References.in(result.after())).noneMatch(r -> r.target().equals("Table"));
        assertThat(result.text()).contains("      Environment:\n        Variables:\n          STAGE: prod\n")
                .contains("      Policies:\n        - AWSLambdaBasicExecutionRole\n");
    }

    @Test
    void a_name_sam_derives_from_the_resource_goes_with_it() {
        Template template = reader.read("template.yaml", SAM);

        EditResult result = editor.apply(template, new RemoveResourceWithReferences("Fn"));

        assertThat(result.text()).doesNotContain("FnRole").contains("TableName:");
    }

    @Test
    void nothing_refers_to_it_then_it_is_a_plain_removal() {
        Template template = reader.read("template.yaml", SAM);

        assertThat(new RemoveResourceWithReferences("Unrelated").places(template)).isEmpty();
        assertThat(editor.apply(template, new RemoveResourceWithReferences("Unrelated")).text())
                .isEqualTo(editor.apply(template, new RemoveResource("Unrelated")).text());
    }

    @Test
    void a_serverless_function_goes_with_what_names_its_generated_id() {
        Template template = reader.read("serverless.yml", """
                service: app
                provider:
                  name: aws
                functions:
                  hello:
                    handler: hello.handler
                  other:
                    handler: other.handler
                resources:
                  Resources:
                    HelloAlarm:
                      Type: AWS::CloudWatch::Alarm
                      Properties:
                        Namespace: AWS/Lambda
                        MetricName: Errors
                        Dimensions:
                          - Name: FunctionName
                            Value: !Ref HelloLambdaFunction
                        Threshold: 1
                  Outputs:
                    HelloArn:
                      Value: !GetAtt HelloLambdaFunction.Arn
                """);

        EditResult result = editor.apply(template, new RemoveResourceWithReferences("hello"));

        assertThat(result.text()).doesNotContain("hello").doesNotContain("HelloLambdaFunction")
                .doesNotContain("Outputs").contains("HelloAlarm:", "other:");
    }

    @Test
    void a_reference_where_nothing_can_go_is_refused_with_its_line() {
        Template template = reader.read("template.yaml", """
                Conditions:
                  HasQueue: !Not [!Equals [!Ref Queue, ""]]
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                  Other:
                    Type: AWS::SQS::Queue
                """);

        assertThatThrownBy(() -> editor.apply(template, new RemoveResourceWithReferences("Queue")))
                .isInstanceOf(EditRefusedException.class)
                .hasMessage("template.yaml:2:33: Queue is named in Conditions (line 2), which cannot be taken away with it"
                        + " (change that place by hand first)");
    }

    @Test
    void an_unknown_resource_is_refused() {
        Template template = reader.read("template.yaml", SAM);

        assertThatThrownBy(() -> new RemoveResourceWithReferences("Nope").places(template))
                .isInstanceOf(EditRefusedException.class).hasMessageContaining("there is no resource 'Nope'");
    }

    @Test
    void removing_a_resource_in_a_json_template_keeps_the_json_well_formed() {
        Template template = reader.read("template.json", """
                {
                  "Resources": {
                    "Topic": {"Type": "AWS::SNS::Topic"},
                    "Other": {"Type": "AWS::SNS::Topic"},
                    "Alarm": {
                      "Type": "AWS::CloudWatch::Alarm",
                      "Properties": {"AlarmActions": [{"Ref": "Other"}, {"Ref": "Topic"}, {"Fn::GetAtt": ["Topic", "TopicName"]}],
                                     "Threshold": 1}
                    }
                  }
                }
                """);

        EditResult result = editor.apply(template, new RemoveResourceWithReferences("Topic"));

        assertThat(result.text()).contains("\"AlarmActions\": [{\"Ref\": \"Other\"}],").doesNotContain("\"Topic\"");
        assertThat(List.of(result.after().resources().stream().map(r -> r.id().value()).toArray()))
                .containsExactly("Other", "Alarm");
    }
}
