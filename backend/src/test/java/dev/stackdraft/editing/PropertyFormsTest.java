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
}
