package dev.stackdraft.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.template.EditResult;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdatePropertyTest {

    private static final String TEMPLATE = """
            Parameters:
              SharedLayers:
                Type: CommaDelimitedList
            Resources:
              FnRole:
                Type: AWS::IAM::Role
              OtherRole:
                Type: AWS::IAM::Role
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  # the layers, in order
                  Layers:
                    - arn:aws:lambda:us-east-1:123456789012:layer:a:1   # first
                    - arn:aws:lambda:us-east-1:123456789012:layer:b:1
                  Environment: {Variables: {A: "1", B: "2"}}
                  Role: !GetAtt [FnRole, Arn]
                  Tags:
                    - Key: team
                      Value: orders
            """;

    private final TemplateReader reader = new TemplateReader();
    private final Template template = reader.read("template.yaml", TEMPLATE);

    private List<String> changedLines(String property, String yaml) {
        EditResult result = new Editor().apply(template, new UpdateProperty("Fn", List.of(property),
                reader.readValue("value", yaml)));
        return result.diff().lines().filter(l -> (l.startsWith("+") || l.startsWith("-")) && !l.startsWith("+++")
                && !l.startsWith("---")).toList();
    }

    @Test
    void an_item_added_at_the_end_of_a_list_is_one_new_line() {
        assertThat(changedLines("Layers", """
                - arn:aws:lambda:us-east-1:123456789012:layer:a:1
                - arn:aws:lambda:us-east-1:123456789012:layer:b:1
                - arn:aws:lambda:us-east-1:123456789012:layer:c:1"""))
                .containsExactly("+        - arn:aws:lambda:us-east-1:123456789012:layer:c:1");
    }

    @Test
    void an_item_removed_from_a_list_takes_only_its_line() {
        assertThat(changedLines("Layers", "- arn:aws:lambda:us-east-1:123456789012:layer:a:1"))
                .containsExactly("-        - arn:aws:lambda:us-east-1:123456789012:layer:b:1");
    }

    @Test
    void a_value_inside_a_flow_mapping_changes_in_place() {
        assertThat(changedLines("Environment", "Variables: {A: \"1\", B: \"3\"}"))
                .containsExactly("-      Environment: {Variables: {A: \"1\", B: \"2\"}}",
                        "+      Environment: {Variables: {A: \"1\", B: \"3\"}}");
    }

    @Test
    void a_function_keeps_its_form_and_only_its_changed_argument_changes() {
        assertThat(changedLines("Role", "!GetAtt [OtherRole, Arn]"))
                .containsExactly("-      Role: !GetAtt [FnRole, Arn]", "+      Role: !GetAtt [OtherRole, Arn]");
    }

    @Test
    void a_key_renamed_inside_a_list_item_is_removed_and_added() {
        assertThat(changedLines("Tags", """
                - Key: team
                  Owner: orders"""))
                .containsExactly("-          Value: orders", "+          Owner: orders");
    }

    @Test
    void a_value_of_another_shape_replaces_the_old_one_whole() {
        assertThat(changedLines("Layers", "!Ref SharedLayers"))
                .containsExactly("-      Layers:", "-        - arn:aws:lambda:us-east-1:123456789012:layer:a:1   # first",
                        "-        - arn:aws:lambda:us-east-1:123456789012:layer:b:1", "+      Layers: !Ref SharedLayers");
    }

    @Test
    void a_value_that_means_the_same_writes_nothing() {
        EditResult result = new Editor().apply(template, new UpdateProperty("Fn", List.of("Role"),
                reader.readValue("value", "Fn::GetAtt: FnRole.Arn")));

        assertThat(result.changed()).isFalse();
    }
}
