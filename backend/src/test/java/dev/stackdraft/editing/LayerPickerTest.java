package dev.stackdraft.editing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.aws.Layer;
import dev.stackdraft.aws.LayerVersion;
import dev.stackdraft.aws.LayerVersionArn;
import dev.stackdraft.edit.FunctionLayerList;
import dev.stackdraft.environment.Environment;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the layer dropdown shows for an environment: versions resolved, matched with the account's layers. */
class LayerPickerTest {

    private static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              UtilsLayerArn:
                Type: String
                Default: arn:aws:lambda:eu-west-1:111111111111:layer:utils:2
            Globals:
              Function:
                Runtime: python3.12
                Layers:
                  - !Sub arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:layer:tools:3
            Resources:
              Common:
                Type: AWS::Serverless::LayerVersion
                Properties:
                  ContentUri: layers/common/
              Spare:
                Type: AWS::Serverless::LayerVersion
                Properties:
                  ContentUri: layers/spare/
              Handler:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: app.handler
                  CodeUri: src/
                  Layers:
                    - !Ref UtilsLayerArn
                    - !Ref Common
            """;

    private final Template template = new TemplateReader().read("template.yaml", TEMPLATE);
    private final FunctionLayerList layers = FunctionLayerList.of(template, "Handler");

    private static LayerVersion version(String arn, List<String> runtimes) {
        return new LayerVersion(LayerVersionArn.parse(arn), "", runtimes, List.of(), null);
    }

    private static final Layer TOOLS = new Layer("tools", "arn:aws:lambda:eu-west-1:111111111111:layer:tools", List.of(
            version("arn:aws:lambda:eu-west-1:111111111111:layer:tools:3", List.of("nodejs22.x")),
            version("arn:aws:lambda:eu-west-1:111111111111:layer:tools:4", List.of("python3.12"))));
    private static final Layer UTILS = new Layer("utils", "arn:aws:lambda:eu-west-1:111111111111:layer:utils", List.of(
            version("arn:aws:lambda:eu-west-1:111111111111:layer:utils:2", List.of()),
            version("arn:aws:lambda:eu-west-1:111111111111:layer:utils:5", List.of())));
    private static final Layer OTHER = new Layer("other", "arn:aws:lambda:eu-west-1:111111111111:layer:other", List.of(
            version("arn:aws:lambda:eu-west-1:111111111111:layer:other:1", List.of())));

    private static Environment environment(Map<String, String> overrides) {
        return new Environment("prod", "orders-prod", "eu-west-1", "111111111111", overrides, Map.of(), List.of());
    }

    @Test
    void each_layer_is_resolved_to_what_the_environment_deploys_and_matched_with_the_account() {
        List<LayerRow> rows = LayerPicker.rows(template, layers, environment(Map.of()), List.of(TOOLS, UTILS, OTHER));

        assertThat(rows).extracting(LayerRow::label).containsExactly("tools · version 3", "utils · version 2",
                "Common · defined in this template");
        LayerRow tools = rows.getFirst();
        assertThat(tools.item().inherited()).isTrue();
        assertThat(tools.fit()).hasValueSatisfying(fit -> assertThat(fit.fits()).isFalse()); // nodejs22.x only
        assertThat(tools.newer()).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(4));
        LayerRow utils = rows.get(1);
        assertThat(utils.fromEnvironment()).isFalse(); // the parameter's default
        assertThat(utils.newer()).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(5));
        assertThat(rows.get(2).resolved()).isEmpty();
        assertThat(LayerPicker.accountLayers(rows, List.of(TOOLS, UTILS, OTHER))).containsExactly(OTHER);
        assertThat(LayerPicker.templateLayers(template, layers)).containsExactly("Spare");
    }

    @Test
    void a_layer_parameter_shows_the_environments_own_value() {
        List<LayerRow> rows = LayerPicker.rows(template, layers,
                environment(Map.of("UtilsLayerArn", "arn:aws:lambda:eu-west-1:111111111111:layer:utils:5")), List.of(UTILS));

        LayerRow utils = rows.get(1);
        assertThat(utils.fromEnvironment()).isTrue();
        assertThat(utils.resolved()).hasValueSatisfying(arn -> assertThat(arn.version()).isEqualTo(5));
        assertThat(utils.newer()).isEmpty();
    }

    @Test
    void without_an_environment_a_sub_arn_cannot_be_resolved_and_nothing_is_matched() {
        List<LayerRow> rows = LayerPicker.rows(template, layers, null, List.of());

        assertThat(rows.getFirst().resolved()).isEmpty();
        assertThat(rows.getFirst().label()).startsWith("!Sub arn:aws:lambda:${AWS::Region}");
        assertThat(rows.get(1).resolved()).isPresent(); // the default
        assertThat(rows).allSatisfy(r -> assertThat(r.layer()).isEmpty());
    }
}
