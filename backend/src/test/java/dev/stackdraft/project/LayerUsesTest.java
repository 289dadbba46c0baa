package dev.stackdraft.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.edit.Editor;
import dev.stackdraft.edit.LayerArn;
import dev.stackdraft.edit.UpgradeLayer;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import org.junit.jupiter.api.Test;

class LayerUsesTest {

    static final String SHARED = "arn:aws:lambda:eu-west-1:123456789012:layer:shared-utils:";
    static final LayerArn V5 = LayerArn.parse(SHARED + "5").orElseThrow();

    /** Every place UpgradeLayer moves, and some it must not count. */
    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            # arn:aws:lambda:eu-west-1:123456789012:layer:shared-utils:1 in a comment is no use
            Parameters:
              UtilsLayers:
                Type: CommaDelimitedList
                Default: arn:aws:lambda:eu-west-1:123456789012:layer:shared-utils:2,arn:aws:lambda:eu-west-1:123456789012:layer:other:9
            Mappings:
              Layers:
                eu-west-1:
                  Utils: arn:aws:lambda:eu-west-1:123456789012:layer:shared-utils:12
            Globals:
              Function:
                Layers:
                  - arn:aws:lambda:eu-west-1:123456789012:layer:shared-utils:3
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: app.handler
                  Runtime: python3.12
                  CodeUri: src/
                  Layers:
                    - !Sub arn:${AWS::Partition}:lambda:${AWS::Region}:123456789012:layer:shared-utils:4
                    - Fn::Sub: "arn:aws:lambda:eu-west-1:${AWS::AccountId}:layer:shared-utils:4"
                    - arn:aws:lambda:eu-west-1:999999999999:layer:shared-utils:1
                    - arn:aws:lambda:us-east-1:123456789012:layer:shared-utils:1
                    - arn:aws:lambda:eu-west-1:123456789012:layer:shared-utils-extra:1
                  Environment:
                    Variables:
                      arn:aws:lambda:eu-west-1:123456789012:layer:shared-utils:7: a key is no use
                      EMBEDDED: !Rain::Embed arn:aws:lambda:eu-west-1:123456789012:layer:shared-utils:8
            """;

    final TemplateReader reader = new TemplateReader();

    @Test
    void every_use_the_upgrade_moves_is_counted_and_nothing_else() {
        Template template = reader.read("template.yaml", TEMPLATE);

        assertThat(LayerUses.versions(template, V5)).containsExactly(2, 3, 4, 12);
    }

    @Test
    void after_the_upgrade_every_counted_use_is_on_the_new_version() {
        Template template = reader.read("template.yaml", TEMPLATE);
        LayerArn v6 = V5.withVersion(6);

        Template after = new Editor().apply(template, new UpgradeLayer(v6.toString())).after();

        assertThat(LayerUses.versions(after, v6)).containsExactly(6);
        assertThat(after.source().text()).as("what the engine leaves alone is not counted")
                .contains("shared-utils:7: a key is no use", "shared-utils:8", "999999999999:layer:shared-utils:1",
                        "us-east-1:123456789012:layer:shared-utils:1", "shared-utils-extra:1", "layer:other:9");
    }

    @Test
    void a_template_without_the_layer_uses_no_version() {
        Template template = reader.read("template.yaml", TEMPLATE.replace("shared-utils:", "shared-tools:"));

        assertThat(LayerUses.versions(template, V5)).isEmpty();
    }

    @Test
    void a_json_template_is_read_the_same() {
        Template template = reader.read("template.json", """
                {"Resources": {"Fn": {"Type": "AWS::Lambda::Function", "Properties": {
                  "Layers": ["arn:aws:lambda:eu-west-1:123456789012:layer:shared-utils:3",
                             {"Fn::Sub": "arn:aws:lambda:${AWS::Region}:123456789012:layer:shared-utils:1"}]}}}}
                """);

        assertThat(LayerUses.versions(template, V5)).containsExactly(1, 3);
    }

    @Test
    void text_that_does_not_read_as_a_template_still_shows_its_mentions() {
        String broken = "Resources:\n  Fn:\n    Layers: [" + SHARED + "3\n  bad: : :\n";

        assertThat(LayerUses.versions(broken, V5)).containsExactly(3);
    }

    @Test
    void arns_are_found_wherever_they_stand_in_a_string() {
        assertThat(LayerUses.arns("x${Prefix}" + SHARED + "17/suffix and arn:aws:lambda:us-east-1:123456789012:layer:b:2}"
                + " arn:aws:lambda:us-east-1:123456789012:function:f:3 arn:aws:lambda:us-east-1:1234:layer:c:1 arn:"))
                .extracting(LayerArn::toString)
                .containsExactly(SHARED + "17", "arn:aws:lambda:us-east-1:123456789012:layer:b:2");
        assertThat(LayerUses.arns(SHARED + "123456")).extracting(LayerArn::version).containsExactly(123456);
        assertThat(LayerUses.arns(SHARED + "x")).isEmpty();
        assertThat(LayerUses.arns("")).isEmpty();
    }
}
