package dev.stackdraft.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import dev.stackdraft.validation.TemplateValidator;
import org.junit.jupiter.api.Test;

/** Infrastructure Composer's groups name resources by plain id: no references, so no edges, nodes or findings. */
class ComposerGroupsTest {

    private static final String WITHOUT = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Table:
                Type: AWS::Serverless::SimpleTable
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: app.handler
                  Runtime: python3.12
                  CodeUri: src/
                  Environment:
                    Variables:
                      TABLE: !Ref Table
            """;
    private static final String WITH = WITHOUT + """
            Metadata:
              AWS::Composer::Groups:
                Group:
                  Label: Service
                  Members:
                    - Fn
                    - Table
                    - Group2
                Group2:
                  Label: Unknown things
                  Members:
                    - NotAResource
            """;

    private final TemplateReader reader = new TemplateReader();

    @Test
    void groups_draw_no_edges_and_no_nodes() {
        ResourceGraph without = ResourceGraph.of(reader.read("template.yaml", WITHOUT));
        ResourceGraph with = ResourceGraph.of(reader.read("template.yaml", WITH));

        assertThat(with.edges()).isEqualTo(without.edges()).containsExactly(new Edge("Fn", "Table", Edge.REF));
        assertThat(with.nodes()).isEqualTo(without.nodes());
    }

    @Test
    void groups_are_no_references_for_validation() {
        Template template = reader.read("template.yaml", WITH);

        assertThat(new TemplateValidator().validate(template)).isEmpty();
    }
}
