package dev.stackdraft.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the layer picker on a function's panel reads ({@link FunctionLayerList}) and writes: one function's layer moved
 * to another version ({@link SetLayerVersion}), and a layer's version made a parameter set per environment
 * ({@link LayerParameter}), judged by cfn-lint and the SAM translator.
 */
class LayerPickerEditsTest {

    private static final String V3 = "arn:aws:lambda:us-east-1:123456789012:layer:shared-utils:3";
    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            # layers every function gets
            Globals:
              Function:
                Runtime: python3.12
                Architectures: [arm64]
                Layers:
                  - !Sub arn:aws:lambda:${AWS::Region}:017000801446:layer:AWSLambdaPowertoolsPythonV3-python312-arm64:7
            Resources:
              CommonLayer:
                Type: AWS::Serverless::LayerVersion
                Properties:
                  ContentUri: s3://bucket/common.zip
              First:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: app.handler
                  CodeUri: s3://bucket/first.zip
                  Layers:
                    - !Ref CommonLayer
                    - arn:aws:lambda:us-east-1:123456789012:layer:shared-utils:3  # the team's utilities
              Second:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: app.handler
                  CodeUri: s3://bucket/second.zip
                  Runtime: nodejs22.x
                  Layers:
                    - arn:aws:lambda:us-east-1:123456789012:layer:shared-utils:2
              Image:
                Type: AWS::Lambda::Function
                Properties:
                  PackageType: Image
                  Role: arn:aws:iam::123456789012:role/app
                  Code:
                    ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:latest
            """;

    private final Template template = new TemplateReader().read("template.yaml", TEMPLATE);
    private final Editor editor = new Editor();

    @Test
    void a_functions_layers_are_listed_in_lambdas_order_with_the_inherited_ones_first() {
        FunctionLayerList first = FunctionLayerList.of(template, "First");

        assertThat(first.runtime()).isEqualTo("python3.12");
        assertThat(first.architectures()).containsExactly("arm64");
        assertThat(first.items()).extracting(FunctionLayerList.Item::written).containsExactly(
                "!Sub arn:aws:lambda:${AWS::Region}:017000801446:layer:AWSLambdaPowertoolsPythonV3-python312-arm64:7",
                "!Ref CommonLayer", V3);
        assertThat(first.items()).extracting(FunctionLayerList.Item::inherited).containsExactly(true, false, false);
        assertThat(first.items()).extracting(FunctionLayerList.Item::ownIndex).containsExactly(-1, 0, 1);
        assertThat(first.items().get(1).templateLayer()).contains("CommonLayer");
        assertThat(first.items().get(2).arn()).contains(V3);
        assertThat(first.full()).isFalse();
        assertThat(FunctionLayerList.of(template, "Second").runtime()).isEqualTo("nodejs22.x");
        assertThat(FunctionLayerList.of(template, "Image").runtime()).isNull();
    }

    @Test
    void one_functions_layer_moves_to_another_version_and_nothing_else_changes() {
        String after = editor.apply(template, new SetLayerVersion("First", V3.replace(":3", ":5"))).text();

        assertThat(after).isEqualTo(TEMPLATE.replace("shared-utils:3  #", "shared-utils:5  #"));
        assertThat(editor.apply(template, new SetLayerVersion("First", V3)).changed()).isFalse();
        assertThatThrownBy(() -> editor.apply(template, new SetLayerVersion("First",
                "arn:aws:lambda:us-east-1:017000801446:layer:AWSLambdaPowertoolsPythonV3-python312-arm64:9")))
                .isInstanceOf(EditRefusedException.class).hasMessageContaining("inherits it from Globals");
    }

    @Test
    void a_layer_version_becomes_a_string_parameter_used_by_every_function() {
        Template after = editor.apply(template, new LayerParameter(V3, "SharedUtilsLayerArn")).after();

        assertThat(after.parameter("SharedUtilsLayerArn")).hasValueSatisfying(p -> {
            assertThat(p.type()).isEqualTo("String"); // never AWS::SSM::Parameter::Value<String>
            assertThat(p.defaultValue()).contains(V3);
        });
        assertThat(FunctionLayerList.of(after, "First").items().get(2).parameter()).contains("SharedUtilsLayerArn");
        assertThat(FunctionLayerList.of(after, "Second").items().get(1).parameter()).contains("SharedUtilsLayerArn");
        assertThat(after.source().text()).contains("- !Ref SharedUtilsLayerArn  # the team's utilities")
                .doesNotContain("shared-utils:2");
        assertThatThrownBy(() -> editor.apply(template, new LayerParameter(
                "arn:aws:lambda:us-east-1:123456789012:layer:unused:1", "Unused")))
                .isInstanceOf(EditRefusedException.class).hasMessageContaining("no function uses layer unused");
    }

    @Test
    void the_outside_judges_accept_a_layer_parameter(@TempDir Path dir) throws Exception {
        String after = editor.apply(template, new LayerParameter(V3, "SharedUtilsLayerArn")).text();
        Files.writeString(dir.resolve("before.yaml"), TEMPLATE);
        Files.writeString(dir.resolve("after.yaml"), after);
        if (Judges.hasCfnLint()) {
            Map<String, Set<String>> rules = Judges.cfnLint(dir);
            assertThat(rules.getOrDefault("after.yaml", Set.of())).isSubsetOf(rules.getOrDefault("before.yaml", Set.of()));
        }
        Assumptions.assumeTrue(Judges.hasSamTranslator(), "aws-sam-translator is not installed: outside judge skipped");
        assertThat(Judges.samTranslate(List.of(dir.resolve("after.yaml").toString()))).containsEntry("after.yaml", "OK");
    }
}
