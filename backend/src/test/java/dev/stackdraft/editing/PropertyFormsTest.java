package dev.stackdraft.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.edit.EditRefusedException;
import dev.stackdraft.edit.Editor;
import dev.stackdraft.edit.RemoveProperty;
import dev.stackdraft.edit.SetProperty;
import dev.stackdraft.template.EditResult;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PropertyFormsTest {

    static String sample(String path) {
        try (InputStream in = PropertyFormsTest.class.getResourceAsStream("/samples/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final Template orders = new TemplateReader().read("template.yaml", sample("orders-service/template.yaml"));
    private final Editor editor = new Editor();

    private static Map<String, PropertyField> byName(List<PropertyField> fields) {
        return fields.stream().collect(Collectors.toMap(PropertyField::name, f -> f));
    }

    private EditResult submit(Template template, String resource, String property, String input) {
        return editor.apply(template, PropertyForms.set(template, resource, property, input));
    }

    @Test
    void intrinsic_fields_show_their_short_form_and_collections_show_as_yaml() {
        Map<String, PropertyField> fields = byName(PropertyForms.of(orders, "CreateOrderFunction"));

        assertThat(fields.get("Layers").value()).isEqualTo(new FieldValue.Yaml("- !Ref CommonLayer"));
        assertThat(fields.get("Events").value()).isEqualTo(new FieldValue.Yaml("""
                CreateOrder:
                  Type: Api
                  Properties:
                    RestApiId: !Ref OrdersApi
                    Path: /orders
                    Method: post"""));
        assertThat(fields.get("Handler").value()).isEqualTo(new FieldValue.Scalar("app.handler", "string"));
        assertThat(fields.get("Timeout").value()).isEqualTo(new FieldValue.Absent());
        assertThat(fields.get("Timeout").schema().valueType()).isEqualTo("integer");

        Map<String, PropertyField> source = byName(PropertyForms.of(orders, "OrdersDataSource"));
        assertThat(source.get("ApiId").value()).isEqualTo(new FieldValue.Intrinsic("Fn::GetAtt", "!GetAtt OrdersGraphQLApi.ApiId"));
        assertThat(source.get("DynamoDBConfig").value()).isEqualTo(new FieldValue.Yaml("""
                TableName: !Ref OrdersTable
                AwsRegion: !Ref AWS::Region"""));
        Map<String, PropertyField> layer = byName(PropertyForms.of(orders, "CommonLayer"));
        assertThat(layer.get("LayerName").value()).isEqualTo(new FieldValue.Intrinsic("Fn::Sub", "!Sub \"orders-common-${Stage}\""));
        assertThat(layer.get("CompatibleRuntimes").value()).isEqualTo(new FieldValue.Yaml("[python3.12]"));
    }

    @Test
    void every_field_submitted_as_shown_writes_nothing() {
        for (var resource : orders.resources()) {
            for (PropertyField field : PropertyForms.of(orders, resource.id().value())) {
                String shown = switch (field.value()) {
                    case FieldValue.Absent a -> "";
                    case FieldValue.Scalar s -> s.text();
                    case FieldValue.Intrinsic i -> i.yaml();
                    case FieldValue.Yaml y -> y.yaml();
                };
                EditResult result = submit(orders, resource.id().value(), field.name(), shown);
                assertThat(result.changed()).as(resource.id() + "." + field.name()).isFalse();
            }
        }
    }

    @Test
    void a_changed_scalar_changes_one_line() {
        EditCommand command = PropertyForms.set(orders, "GetOrderFunction", "Handler", "app.get");

        EditResult result = editor.apply(orders, command);

        assertThat(command).isInstanceOf(SetProperty.class);
        assertThat(changedLines(result)).containsExactly("-      Handler: app.handler", "+      Handler: app.get");
    }

    @Test
    void a_typed_ref_writes_a_ref_and_a_typed_getatt_a_getatt_in_the_files_form() {
        EditResult ref = submit(orders, "CreateOrderFunction", "Description", "!Ref Stage");
        assertThat(changedLines(ref)).containsExactly("-      Description: Validates and stores a new order",
                "+      Description: !Ref Stage");
        assertThat(PropertyForms.of(ref.after(), "CreateOrderFunction").stream()
                .filter(f -> f.name().equals("Description")).findFirst().orElseThrow().value())
                .isEqualTo(new FieldValue.Intrinsic("Ref", "!Ref Stage"));

        Template json = new TemplateReader().read("template.json", """
                {
                  "Resources": {
                    "Orders": {"Type": "AWS::DynamoDB::Table", "Properties": {"BillingMode": "PAY_PER_REQUEST"}},
                    "Alarm": {
                      "Type": "AWS::CloudWatch::Alarm",
                      "Properties": {
                        "AlarmDescription": "orders"
                      }
                    }
                  }
                }
                """);
        EditResult getAtt = submit(json, "Alarm", "AlarmDescription", "!GetAtt Orders.Arn");
        assertThat(changedLines(getAtt)).containsExactly("-        \"AlarmDescription\": \"orders\"",
                "+        \"AlarmDescription\": { \"Fn::GetAtt\": [\"Orders\", \"Arn\"] }");
    }

    @Test
    void one_changed_line_inside_a_yaml_field_changes_that_line_only() {
        String events = """
                # the public endpoint
                CreateOrder:
                  Type: Api
                  Properties:
                    RestApiId: !Ref OrdersApi
                    Path: /orders/new
                    Method: post""";
        EditCommand command = PropertyForms.set(orders, "CreateOrderFunction", "Events", events);

        EditResult result = editor.apply(orders, command);

        assertThat(changedLines(result)).containsExactly("-            Path: /orders", "+            Path: /orders/new");
    }

    @Test
    void a_value_that_means_the_same_writes_nothing() {
        EditResult reformatted = submit(orders, "CreateOrderFunction", "Layers", "[!Ref CommonLayer]");
        EditResult longForm = submit(orders, "OrdersDataSource", "ApiId", "Fn::GetAtt: [OrdersGraphQLApi, ApiId]");

        assertThat(reformatted.changed()).isFalse();
        assertThat(longForm.changed()).isFalse();
    }

    @Test
    void plain_values_are_typed_by_the_schema() {
        EditResult code = submit(orders, "CreateOrderFunction", "Description", "0123");
        EditResult yes = submit(orders, "CreateOrderFunction", "Description", "true");
        EditResult timeout = submit(orders, "CreateOrderFunction", "Timeout", "30");
        EditResult tracing = submit(orders, "OrdersApi", "TracingEnabled", "false");

        assertThat(changedLines(code)).contains("+      Description: \"0123\"");
        assertThat(changedLines(yes)).contains("+      Description: \"true\"");
        assertThat(changedLines(timeout)).containsExactly("+      Timeout: 30");
        assertThat(changedLines(tracing)).containsExactly("-      TracingEnabled: true", "+      TracingEnabled: false");
        assertThatThrownBy(() -> PropertyForms.set(orders, "CreateOrderFunction", "Timeout", "soon"))
                .isInstanceOf(EditRefusedException.class)
                .hasMessageContaining("Timeout takes a whole number, not 'soon'");
    }

    @Test
    void text_that_starts_like_a_tag_stays_text_and_a_plain_value_replacing_a_function_is_typed() {
        EditResult important = submit(orders, "CreateOrderFunction", "Description", "!important");
        EditResult literal = submit(orders, "OrdersApi", "StageName", "0123");

        assertThat(changedLines(important)).contains("+      Description: \"!important\"");
        assertThat(changedLines(literal)).containsExactly("-      StageName: !Ref Stage", "+      StageName: \"0123\"");
    }

    @Test
    void yaml_that_does_not_parse_is_refused_with_its_line_and_column() {
        String broken = """
                CreateOrder:
                  Type: Api
                  Properties: [RestApiId, Path""";

        assertThatThrownBy(() -> PropertyForms.set(orders, "CreateOrderFunction", "Events", broken))
                .isInstanceOf(EditRefusedException.class)
                .hasMessageStartingWith("value of Events:3:15: this '[' is never closed");
        assertThatThrownBy(() -> PropertyForms.set(orders, "CreateOrderFunction", "Description", "!Sub \"a"))
                .isInstanceOf(EditRefusedException.class)
                .hasMessageStartingWith("value of Description:1:6:");
    }

    @Test
    void blank_input_removes_the_property() {
        EditCommand command = PropertyForms.set(orders, "CreateOrderFunction", "Layers", "  ");

        EditResult result = editor.apply(orders, command);

        assertThat(command).isInstanceOf(RemoveProperty.class);
        assertThat(changedLines(result)).containsExactly("-      Layers:", "-        - !Ref CommonLayer");
        assertThat(submit(orders, "CreateOrderFunction", "Timeout", "").changed()).isFalse();
    }

    @Test
    void required_properties_come_first_and_unknown_ones_last() {
        Template template = new TemplateReader().read("template.yaml", """
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: python3.12
                      Colour: blue
                      Code: {ZipFile: "print(1)"}
                      Role: arn:aws:iam::123456789012:role/r
                """);

        List<PropertyField> fields = PropertyForms.of(template, "Fn");

        assertThat(fields.subList(0, 2)).extracting(PropertyField::name).containsExactly("Code", "Role");
        assertThat(fields.get(0).value()).isEqualTo(new FieldValue.Yaml("{ZipFile: \"print(1)\"}"));
        assertThat(fields.getLast().name()).isEqualTo("Colour");
        assertThat(fields.getLast().schema().valueType()).isEqualTo("unknown");
        assertThat(fields.getLast().schema().description()).isEmpty();
        assertThat(fields.getLast().value()).isEqualTo(new FieldValue.Scalar("blue", "string"));
        assertThat(fields.stream().filter(f -> f.name().equals("Runtime")).findFirst().orElseThrow().schema().enumValues())
                .contains("python3.12", "nodejs20.x");
    }

    @Test
    void a_missing_resource_is_refused() {
        assertThatThrownBy(() -> PropertyForms.of(orders, "Nope"))
                .isInstanceOf(EditRefusedException.class).hasMessageContaining("there is no resource 'Nope'");
        assertThatThrownBy(() -> PropertyForms.set(orders, "Nope", "Timeout", "3"))
                .isInstanceOf(EditRefusedException.class).hasMessageContaining("there is no resource 'Nope'");
    }

    @Test
    void serverless_functions_get_the_frameworks_keys() {
        Template notes = new TemplateReader().read("serverless.yml", sample("notes-serverless/serverless.yml"));

        Map<String, PropertyField> fields = byName(PropertyForms.of(notes, "createNote"));

        assertThat(fields).containsKeys("handler", "runtime", "memorySize", "timeout", "environment", "events", "layers",
                "description");
        assertThat(fields.get("handler").value()).isEqualTo(new FieldValue.Scalar("src/notes.create", "string"));
        assertThat(fields.get("layers").value()).isEqualTo(new FieldValue.Yaml("- !Ref CommonLambdaLayer"));
        assertThat(fields.get("runtime").schema().enumValues()).contains("nodejs20.x");
        assertThat(fields.get("timeout").schema().docsUrl()).startsWith("https://www.serverless.com/framework/docs/");

        EditResult timeout = submit(notes, "createNote", "timeout", "30");
        assertThat(changedLines(timeout)).containsExactly("+    timeout: 30");
        assertThat(submit(notes, "createNote", "events", fields.get("events").value() instanceof FieldValue.Yaml y ? y.yaml() : "")
                .changed()).isFalse();
    }

    /** The changed lines of a result's diff, without the file headers. */
    static List<String> changedLines(EditResult result) {
        return result.diff().lines().filter(l -> (l.startsWith("+") || l.startsWith("-")) && !l.startsWith("+++")
                && !l.startsWith("---")).toList();
    }
}
