package dev.stackdraft.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceGroupsTest {

    private final TemplateReader reader = new TemplateReader();

    @Test
    void groups_are_read_in_file_order_with_their_members_as_written() {
        Template template = reader.read("template.yaml", """
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                  Fn:
                    Type: AWS::Serverless::Function
                Metadata:
                  AWS::Composer::Groups:
                    Group:
                      Label: Network
                      Members:
                        - Api
                        - Group2
                    Group2:
                      Members: [Fn, Gone]
                """);

        assertThat(ResourceGroups.of(template)).containsExactly(
                new ResourceGroup("Group", "Network", List.of("Api", "Group2")),
                new ResourceGroup("Group2", "Group2", List.of("Fn", "Gone")));
    }

    @Test
    void json_groups_read_the_same() {
        Template template = reader.read("template.json", """
                {"Resources": {"Q": {"Type": "AWS::SQS::Queue"}},
                 "Metadata": {"AWS::Composer::Groups": {"Group": {"Label": "Queues", "Members": ["Q"]}}}}
                """);

        assertThat(ResourceGroups.of(template)).containsExactly(new ResourceGroup("Group", "Queues", List.of("Q")));
    }

    @Test
    void a_template_without_groups_has_none() {
        Template template = reader.read("template.yaml", """
                Metadata:
                  AWS::CloudFormation::Interface: {}
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                """);

        assertThat(ResourceGroups.of(template)).isEmpty();
        assertThat(ResourceGroups.section(template)).isEmpty();
    }
}
