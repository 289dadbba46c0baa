package dev.stackdraft.editing;

import static dev.stackdraft.editing.PropertyFormsTest.changedLines;
import static dev.stackdraft.editing.PropertyFormsTest.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.edit.EditRefusedException;
import dev.stackdraft.edit.Editor;
import dev.stackdraft.edit.RemoveSectionEntry;
import dev.stackdraft.edit.SetSectionEntry;
import dev.stackdraft.template.EditResult;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import org.junit.jupiter.api.Test;

class TemplateSectionsTest {

    private final TemplateReader reader = new TemplateReader();
    private final Template orders = reader.read("template.yaml", sample("orders-service/template.yaml"));
    private final Editor editor = new Editor();

    private EditResult apply(Template template, EditCommand command) {
        return editor.apply(template, command);
    }

    @Test
    void every_entry_of_the_sections_in_file_order_with_its_line_and_yaml() {
        assertThat(TemplateSections.of(orders)).containsExactly(
                new SectionEntry("Parameters", "Stage", 13, """
                        Type: String
                        Default: dev
                        AllowedValues: [dev, prod]
                        Description: Deployment stage, used in names and the API stage"""),
                new SectionEntry("Globals", "Function", 21, """
                        Runtime: python3.12
                        Architectures: [arm64]
                        MemorySize: 256
                        Timeout: 10
                        Environment:
                          Variables:
                            TABLE_NAME: !Ref OrdersTable
                            STAGE: !Ref Stage"""),
                new SectionEntry("Outputs", "OrdersApiUrl", 219, """
                        Description: Base URL of the REST API
                        Value: !Sub "https://${OrdersApi}.execute-api.${AWS::Region}.amazonaws.com/${Stage}\""""),
                new SectionEntry("Outputs", "GraphQLUrl", 222, """
                        Description: Endpoint of the GraphQL API
                        Value: !GetAtt OrdersGraphQLApi.GraphQLUrl"""),
                new SectionEntry("Outputs", "OrdersTableName", 225, """
                        Description: Name of the orders table
                        Value: !Ref OrdersTable"""));
    }

    @Test
    void a_new_parameter_goes_after_the_last_one() {
        EditCommand command = TemplateSections.set(orders, "Parameters", "LogLevel", """
                Type: String
                Default: INFO
                AllowedValues: [DEBUG, INFO]""");

        EditResult result = apply(orders, command);

        assertThat(command).isInstanceOf(SetSectionEntry.class);
        assertThat(command.describe()).isEqualTo("Set parameter LogLevel");
        assertThat(result.diff()).contains("""
                     Description: Deployment stage, used in names and the API stage
                +  LogLevel:
                +    Type: String
                +    Default: INFO
                +    AllowedValues:
                +      - DEBUG
                +      - INFO
                \s
                 # Settings every function shares.""");
    }

    @Test
    void a_new_section_goes_where_templates_have_it_with_a_blank_line_after_it() {
        EditResult result = apply(orders, TemplateSections.set(orders, "Conditions", "IsProd", "!Equals [!Ref Stage, prod]"));

        assertThat(result.diff()).contains("""
                         STAGE: !Ref Stage
                \s
                +Conditions:
                +  IsProd: !Equals [!Ref Stage, prod]
                +
                 Resources:
                   # ---- Data ----""");

        Template plain = reader.read("template.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Description: A queue
                # the queue
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                """);
        EditResult parameter = apply(plain, TemplateSections.set(plain, "Parameters", "Delay", "Type: Number"));
        assertThat(parameter.text()).isEqualTo("""
                AWSTemplateFormatVersion: "2010-09-09"
                Description: A queue
                Parameters:
                  Delay:
                    Type: Number
                # the queue
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                """);
    }

    @Test
    void a_changed_entry_changes_only_its_changed_lines() {
        String globals = TemplateSections.of(orders).get(1).yaml().replace("MemorySize: 256", "MemorySize: 512");

        EditResult result = apply(orders, TemplateSections.set(orders, "Globals", "Function", globals));

        assertThat(changedLines(result)).containsExactly("-    MemorySize: 256", "+    MemorySize: 512");
        assertThat(apply(orders, TemplateSections.set(orders, "Outputs", "GraphQLUrl", """
                Description: Endpoint of the GraphQL API
                Value: !GetAtt OrdersGraphQLApi.GraphQLUrl""")).changed()).isFalse();
    }

    @Test
    void an_entry_in_use_is_not_removed_and_the_reason_says_where() {
        assertThatThrownBy(() -> TemplateSections.remove(orders, "Parameters", "Stage"))
                .isInstanceOf(EditRefusedException.class)
                .hasMessageContaining("template.yaml:13:3: parameter Stage is still used at lines 29, 52, 65, 129, 221")
                .hasMessageContaining("remove or change those references first");

        Template conditional = reader.read("template.yaml", """
                Conditions:
                  IsProd: !Equals [!Ref AWS::Region, eu-west-1]
                Mappings:
                  Sizes:
                    eu-west-1: {Memory: 512}
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Condition: IsProd
                    Properties:
                      DelaySeconds: !FindInMap [Sizes, !Ref AWS::Region, Memory]
                """);
        assertThatThrownBy(() -> TemplateSections.remove(conditional, "Conditions", "IsProd"))
                .hasMessageContaining("condition IsProd is still used at line 9");
        assertThatThrownBy(() -> TemplateSections.remove(conditional, "Mappings", "Sizes"))
                .hasMessageContaining("mapping Sizes is still used at line 11");
    }

    @Test
    void removing_the_last_entry_removes_the_section_with_its_comments() {
        EditResult one = apply(orders, TemplateSections.remove(orders, "Outputs", "GraphQLUrl"));
        assertThat(changedLines(one)).containsExactly("-  GraphQLUrl:", "-    Description: Endpoint of the GraphQL API",
                "-    Value: !GetAtt OrdersGraphQLApi.GraphQLUrl");

        Template template = reader.read("template.yaml", """
                Parameters:
                  # unused
                  Unused:
                    Type: String
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                """);
        EditCommand remove = TemplateSections.remove(template, "Parameters", "Unused");
        assertThat(remove).isInstanceOf(RemoveSectionEntry.class);
        assertThat(remove.describe()).isEqualTo("Remove parameter Unused");
        assertThat(apply(template, remove).text()).isEqualTo("""
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                """);
    }

    @Test
    void bad_yaml_and_what_cloudformation_refuses_are_refused_with_the_reason() {
        assertThatThrownBy(() -> TemplateSections.set(orders, "Parameters", "Size", "Type: Number\nDefault: [1, 2"))
                .isInstanceOf(EditRefusedException.class)
                .hasMessageStartingWith("value of Parameters.Size:2:10: this '[' is never closed");
        assertThatThrownBy(() -> TemplateSections.set(orders, "Parameters", "Size", "Default: 1"))
                .hasMessageContaining("parameter 'Size' has no Type");
        assertThatThrownBy(() -> TemplateSections.set(orders, "Parameters", "Size-2", "Type: Number"))
                .hasMessageContaining("'Size-2' cannot name a parameter");
        assertThatThrownBy(() -> TemplateSections.set(orders, "Parameters", "OrdersTable", "Type: String"))
                .hasMessageContaining("a resource is already called 'OrdersTable'");
        assertThatThrownBy(() -> TemplateSections.set(orders, "Globals", "Queue", "Timeout: 3"))
                .hasMessageContaining("SAM has no Globals for 'Queue'");
        assertThatThrownBy(() -> TemplateSections.set(orders, "Resources", "Queue", "Type: AWS::SQS::Queue"))
                .hasMessageContaining("'Resources' is not one of the sections");
    }

    @Test
    void json_templates_have_the_same_panels() {
        Template json = reader.read("template.json", """
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Parameters": {
                    "Env": {"Type": "String", "Default": "dev"}
                  },
                  "Resources": {
                    "Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Fn::Sub": "${Env}-queue"}}}
                  },
                  "Outputs": {
                    "QueueUrl": {
                      "Value": {"Ref": "Queue"}
                    }
                  }
                }
                """);

        assertThat(TemplateSections.of(json)).containsExactly(
                new SectionEntry("Parameters", "Env", 4, "{\"Type\": \"String\", \"Default\": \"dev\"}"),
                new SectionEntry("Outputs", "QueueUrl", 10, "{\n  \"Value\": {\"Ref\": \"Queue\"}\n}"));

        EditResult added = apply(json, TemplateSections.set(json, "Conditions", "IsDev", "!Equals [!Ref Env, dev]"));
        assertThat(changedLines(added)).containsExactly("+  \"Conditions\": {", "+    \"IsDev\": {",
                "+      \"Fn::Equals\": [", "+        {\"Ref\": \"Env\"},", "+        \"dev\"", "+      ]", "+    }", "+  },");
        EditResult removed = apply(json, TemplateSections.remove(json, "Outputs", "QueueUrl"));
        assertThat(reader.read("template.json", removed.text()).section("Outputs")).isEmpty();
        assertThatThrownBy(() -> TemplateSections.remove(json, "Parameters", "Env"))
                .hasMessageContaining("parameter Env is still used at line 7");
    }

    @Test
    void a_serverless_yml_has_its_sections_under_resources() {
        Template notes = reader.read("serverless.yml", sample("notes-serverless/serverless.yml"));

        assertThat(TemplateSections.of(notes)).containsExactly(
                new SectionEntry("Outputs", "NotesTableName", 89, "Value: !Ref NotesTable"));
        EditResult added = apply(notes, TemplateSections.set(notes, "Outputs", "Service", "Value: notes"));
        assertThat(changedLines(added)).containsExactly("+    Service:", "+      Value: notes");
    }
}
