package dev.stackdraft.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.edit.EditRefusedException;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RemovalsTest {

    private final Template orders = new TemplateReader().read(
            Path.of("src/main/resources/samples/orders-service/template.yaml"));

    @Test
    void removing_the_orders_table_lists_each_place_that_goes_in_file_order() {
        assertThat(Removals.of(orders, "OrdersTable")).extracting(ReferenceRemoval::place, ReferenceRemoval::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Globals.Function.Environment.Variables.TABLE_NAME", 28),
                        org.assertj.core.groups.Tuple.tuple("CreateOrderFunction.Policies", 76),
                        org.assertj.core.groups.Tuple.tuple("GetOrderFunction.Policies", 95),
                        org.assertj.core.groups.Tuple.tuple("ListOrdersFunction.Policies", 114),
                        org.assertj.core.groups.Tuple.tuple("OrdersDataSourceRole.Policies", 169),
                        org.assertj.core.groups.Tuple.tuple("OrdersDataSource", 180),
                        org.assertj.core.groups.Tuple.tuple("GetOrderResolver", 192),
                        org.assertj.core.groups.Tuple.tuple("Outputs.OrdersTableName", 225));
    }

    @Test
    void each_removal_shows_its_source_lines() {
        assertThat(Removals.of(orders, "OrdersTable").getFirst().text()).isEqualTo("TABLE_NAME: !Ref OrdersTable");
        assertThat(Removals.of(orders, "OrdersTable").get(1).text())
                .isEqualTo("Policies:\n  - DynamoDBCrudPolicy:\n      TableName: !Ref OrdersTable");
        assertThat(Removals.of(orders, "OrdersTable").getLast().text())
                .isEqualTo("OrdersTableName:\n  Description: Name of the orders table\n  Value: !Ref OrdersTable");
    }

    @Test
    void a_list_item_is_named_by_its_index_and_starts_at_its_dash() {
        Template template = new TemplateReader().read("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Layer:
                    Type: AWS::Serverless::LayerVersion
                    Properties:
                      ContentUri: layer/
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: app.handler
                      Runtime: python3.12
                      CodeUri: src/
                      Layers:
                        - arn:aws:lambda:us-east-1:123456789012:layer:tools:3
                        - !Ref Layer
                """);

        assertThat(Removals.of(template, "Layer")).containsExactly(new ReferenceRemoval("Fn.Layers[1]", 15, "- !Ref Layer"));
    }

    @Test
    void nothing_refers_to_it_then_nothing_else_goes() {
        assertThat(Removals.of(orders, "OrdersGraphQLApiKey")).isEmpty();
    }

    @Test
    void a_removal_the_engine_would_refuse_says_why() {
        Template template = new TemplateReader().read("template.yaml", """
                Resources:
                  Only:
                    Type: AWS::SQS::Queue
                  Policy:
                    Type: AWS::SQS::QueuePolicy
                    Properties:
                      Queues: [!Ref Only]
                      PolicyDocument: {}
                """);

        assertThatThrownBy(() -> Removals.of(template, "Only")).isInstanceOf(EditRefusedException.class)
                .hasMessageContaining("would leave no resource");
    }
}
