package dev.stackdraft.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.template.EditResult;
import dev.stackdraft.template.ResourceGroup;
import dev.stackdraft.template.ResourceGroups;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import dev.stackdraft.template.UnifiedDiff;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SetGroup} and {@link RemoveGroup} beyond the golden files: minimal diffs and the refusals. */
class GroupEditsTest {

    private static final String GROUPED = """
            Resources:
              A:
                Type: AWS::SQS::Queue
              B:
                Type: AWS::SQS::Queue
              C:
                Type: AWS::SQS::Queue
            Metadata:
              AWS::Composer::Groups:
                Group:
                  Label: Queues
                  Members:
                    - A
                    - B
                    - Ghost  # gone from the template, kept as written
                Group2:
                  Label: Nested
                  Members:
                    - Group
            """;

    private final TemplateReader reader = new TemplateReader();
    private final Editor editor = new Editor();
    private final Template template = reader.read("template.yaml", GROUPED);

    @Test
    void setting_a_group_as_it_is_changes_no_byte() {
        EditResult result = editor.apply(template, new SetGroup("Group", "Queues", List.of("A", "B", "Ghost")));

        assertThat(result.changed()).isFalse();
        assertThat(result.text()).isEqualTo(GROUPED);
    }

    @Test
    void a_new_member_is_one_added_line_and_a_new_label_one_changed_line() {
        EditResult added = editor.apply(template, new SetGroup("Group", "Queues", List.of("A", "B", "Ghost", "C")));
        EditResult relabelled = editor.apply(template, new SetGroup("Group", "All queues", List.of("A", "B", "Ghost")));

        assertThat(added.text()).isEqualTo(GROUPED.replace("        - Ghost  # gone from the template, kept as written\n",
                "        - Ghost  # gone from the template, kept as written\n        - C\n"));
        assertThat(UnifiedDiff.changedLines(GROUPED, relabelled.text())).isEqualTo(2);
        assertThat(relabelled.text()).contains("      Label: All queues\n");
    }

    @Test
    void a_member_replaced_in_place_changes_its_line_only() {
        EditResult result = editor.apply(template, new SetGroup("Group", "Queues", List.of("A", "C", "Ghost")));

        assertThat(result.text()).isEqualTo(GROUPED.replace("        - B\n", "        - C\n"));
    }

    @Test
    void the_groups_read_back_as_set() {
        Template after = editor.apply(template, new SetGroup("Group3", "Third", List.of("C"))).after();

        assertThat(ResourceGroups.of(after)).containsExactly(
                new ResourceGroup("Group", "Queues", List.of("A", "B", "Ghost")),
                new ResourceGroup("Group2", "Nested", List.of("Group")),
                new ResourceGroup("Group3", "Third", List.of("C")));
    }

    @Test
    void what_is_not_a_member_is_refused_with_a_reason() {
        assertThatThrownBy(() -> editor.apply(template, new SetGroup("Group3", "X", List.of("Nope"))))
                .hasMessageContaining("there is no resource or group 'Nope'");
        assertThatThrownBy(() -> editor.apply(template, new SetGroup("Group3", "X", List.of("Ghost"))))
                .as("an unknown member only stays where it was").hasMessageContaining("'Ghost'");
        assertThatThrownBy(() -> editor.apply(template, new SetGroup("Group3", "X", List.of("C", "C"))))
                .hasMessageContaining("'C' is listed twice");
        assertThatThrownBy(() -> editor.apply(template, new SetGroup("Group", "X", List.of("Group2"))))
                .hasMessageContaining("group 'Group2' cannot be put inside 'Group'");
        assertThatThrownBy(() -> editor.apply(template, new SetGroup("My Group", "X", List.of("C"))))
                .hasMessageContaining("not a valid group id");
        assertThatThrownBy(() -> editor.apply(template, new SetGroup("A", "X", List.of("C"))))
                .hasMessageContaining("'A' is the id of a resource");
        assertThatThrownBy(() -> editor.apply(template, new SetGroup("Group3", "X", List.of("Group", "Group2"))))
                .as("taking Group out of Group2 leaves Group2 empty, so it goes: Group3 cannot hold it")
                .hasMessageContaining("group 'Group2' would be left empty by this");
        assertThatThrownBy(() -> editor.apply(template, new RemoveGroup("Group9")))
                .hasMessageContaining("there is no group 'Group9'");
    }

    @Test
    void a_group_moved_out_leaves_its_emptied_parent_behind() {
        Template after = editor.apply(template, new SetGroup("Group3", "Moved", List.of("Group"))).after();

        assertThat(ResourceGroups.of(after)).extracting(ResourceGroup::id).containsExactly("Group", "Group3");
    }

    @Test
    void an_empty_metadata_takes_the_groups() {
        Template empty = reader.read("template.yaml", "Metadata:\nResources:\n  A:\n    Type: AWS::SQS::Queue\n");

        assertThat(editor.apply(empty, new SetGroup("Group", "Queues", List.of("A"))).text()).isEqualTo(
                "Metadata:\n  AWS::Composer::Groups:\n    Group:\n      Label: Queues\n      Members:\n        - A\n"
                        + "Resources:\n  A:\n    Type: AWS::SQS::Queue\n");
    }

    @Test
    void a_serverless_yml_has_no_place_for_groups() {
        Template serverless = reader.read("serverless.yml", "service: s\nprovider:\n  name: aws\nfunctions:\n  f:\n    handler: h\n");

        assertThatThrownBy(() -> editor.apply(serverless, new SetGroup("Group", "F", List.of("f"))))
                .isInstanceOf(EditRefusedException.class).hasMessageContaining("belong to SAM and CloudFormation templates");
    }

    @Test
    void an_edit_elsewhere_leaves_the_groups_byte_for_byte() {
        EditResult result = editor.apply(template, new AddResource("D", "AWS::SQS::Queue", List.of()));

        assertThat(result.text()).endsWith(GROUPED.substring(GROUPED.indexOf("Metadata:")));
        assertThat(UnifiedDiff.changedLines(GROUPED, result.text())).isEqualTo(2);
    }
}
