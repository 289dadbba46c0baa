package dev.stackdraft.appsync;

import static dev.stackdraft.appsync.BindResolverTest.apply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.appsync.DataSource.Kind;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Value;
import java.util.LinkedHashMap;
import dev.stackdraft.template.Template;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddDataSourceTest {

    private static Template orders() {
        return Samples.read("template.yaml", Samples.orders());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> statement(Template template, String role, String list) {
        Object document = plain(template.at(DocPath.of("Resources", role, "Properties", list)).orElseThrow());
        if (list.equals("Policies")) {
            document = ((Map<String, Object>) ((List<Object>) document).getFirst()).get("PolicyDocument");
        }
        return (Map<String, Object>) ((List<Object>) ((Map<String, Object>) document).get("Statement")).getFirst();
    }

    /** A value as lists, maps and strings; an intrinsic as its long form. */
    static Object plain(Value value) {
        return switch (value) {
            case Value.Scalar s -> s.text();
            case Value.Sequence seq -> seq.items().stream().map(AddDataSourceTest::plain).toList();
            case Value.Mapping m -> {
                Map<String, Object> map = new LinkedHashMap<>();
                m.entries().forEach(e -> map.put(e.name(), plain(e.value())));
                yield map;
            }
            case Value.Intrinsic fn -> Map.of(fn.fn().longName(), fn.fn() == dev.stackdraft.template.Fn.GET_ATT
                    && fn.argument() instanceof Value.Scalar s ? List.of(s.text().split("\\.", 2)) : plain(fn.argument()));
            case Value.Tagged t -> plain(t.value());
        };
    }

    @Test
    void a_table_gets_a_role_only_appsync_assumes_with_the_six_item_actions_on_that_table_and_its_indexes() {
        Template after = apply(orders(), new AddDataSource("OrdersGraphQLApi", "Orders2", Kind.DYNAMODB, "OrdersTable"));

        assertThat(GraphQlApis.find(after, "OrdersGraphQLApi").orElseThrow().dataSource("Orders2")).contains(
                new DataSource("Orders2", "Orders2DataSource", Kind.DYNAMODB, "OrdersTable"));
        assertThat(statement(after, "Orders2DataSourceRole", "AssumeRolePolicyDocument")).isEqualTo(Map.of("Effect", "Allow",
                "Principal", Map.of("Service", "appsync.amazonaws.com"), "Action", "sts:AssumeRole"));
        assertThat(statement(after, "Orders2DataSourceRole", "Policies")).isEqualTo(Map.of("Effect", "Allow",
                "Action", List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                        "dynamodb:Query", "dynamodb:Scan"),
                "Resource", List.of(Map.of("Fn::GetAtt", List.of("OrdersTable", "Arn")),
                        Map.of("Fn::Sub", "${OrdersTable.Arn}/index/*"))));
        assertThat(after.source().text()).contains("      ServiceRoleArn: !GetAtt Orders2DataSourceRole.Arn\n");
    }

    @Test
    void a_function_gets_a_role_that_may_invoke_that_function_alone() {
        Template after = apply(orders(), new AddDataSource("OrdersGraphQLApi", "Summary", Kind.LAMBDA, "GetOrderFunction"));

        assertThat(statement(after, "SummaryDataSourceRole", "Policies")).isEqualTo(Map.of("Effect", "Allow",
                "Action", List.of("lambda:InvokeFunction"), "Resource", Map.of("Fn::GetAtt", List.of("GetOrderFunction", "Arn"))));
        assertThat(GraphQlApis.find(after, "OrdersGraphQLApi").orElseThrow().dataSource("Summary")).contains(
                new DataSource("Summary", "SummaryDataSource", Kind.LAMBDA, "GetOrderFunction"));
    }

    @Test
    void a_table_outside_the_template_is_named_by_its_arn_in_the_role() {
        Template after = apply(orders(), new AddDataSource("OrdersGraphQLApi", "Legacy", Kind.DYNAMODB, "legacy-orders"));

        assertThat(statement(after, "LegacyDataSourceRole", "Policies").get("Resource")).isEqualTo(List.of(
                Map.of("Fn::Sub", "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/legacy-orders"),
                Map.of("Fn::Sub", "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/legacy-orders/index/*")));
    }

    @Test
    void http_and_none_data_sources_need_no_role() {
        Template after = apply(orders(), new AddDataSource("OrdersGraphQLApi", "Shipping", Kind.HTTP, "https://ship.example.com"));
        after = apply(after, new AddDataSource("OrdersGraphQLApi", "Local", Kind.NONE, ""));

        assertThat(after.resources()).extracting(r -> r.id().value()).contains("ShippingDataSource", "LocalDataSource")
                .doesNotContain("ShippingDataSourceRole", "LocalDataSourceRole");
        assertThat(GraphQlApis.find(after, "OrdersGraphQLApi").orElseThrow().dataSources()).extracting(DataSource::kind)
                .containsExactly(Kind.DYNAMODB, Kind.HTTP, Kind.NONE);
    }

    @Test
    void a_sam_api_gets_sams_own_entries_and_sam_makes_their_roles() {
        Template before = Samples.read("t.yaml", Samples.SERVERLESS);

        Template after = apply(before, new AddDataSource("NotesApi", "Archive", Kind.DYNAMODB, "NotesTable"));
        after = apply(after, new AddDataSource("NotesApi", "Summary2", Kind.LAMBDA, "SummaryFunction"));

        assertThat(after.source().text()).contains("""
                          Notes:
                            TableName: !Ref NotesTable
                            TableArn: !GetAtt NotesTable.Arn
                          Archive:
                            TableName: !Ref NotesTable
                            TableArn: !GetAtt NotesTable.Arn
                        Lambda:
                          Summary:
                            FunctionArn: !GetAtt SummaryFunction.Arn
                          Summary2:
                            FunctionArn: !GetAtt SummaryFunction.Arn
                """).doesNotContain("ServiceRoleArn", "AWS::IAM::Role");
        assertThat(GraphQlApis.of(after).getFirst().dataSource("Archive")).contains(
                new DataSource("Archive", null, Kind.DYNAMODB, "NotesTable"));
    }

    @Test
    void a_sam_api_takes_an_http_endpoint_as_a_resource_beside_it_and_needs_no_none_entry() {
        Template before = Samples.read("t.yaml", Samples.SERVERLESS);

        Template after = apply(before, new AddDataSource("NotesApi", "Geo", Kind.HTTP, "https://geo.example.com"));

        assertThat(GraphQlApis.of(after).getFirst().dataSource("Geo")).contains(
                new DataSource("Geo", "GeoDataSource", Kind.HTTP, "https://geo.example.com"));
        assertThatThrownBy(() -> apply(before, new AddDataSource("NotesApi", "Nothing", Kind.NONE, "")))
                .hasMessageContaining("bind fields with the data source NONE");
    }

    @Test
    void wrong_targets_and_names_are_refused() {
        Template template = orders();

        assertThatThrownBy(() -> apply(template, new AddDataSource("OrdersGraphQLApi", "OrdersTable", Kind.DYNAMODB, "OrdersTable")))
                .hasMessageContaining("has a data source 'OrdersTable' already");
        assertThatThrownBy(() -> apply(template, new AddDataSource("OrdersGraphQLApi", "X", Kind.DYNAMODB, "CommonLayer")))
                .hasMessageContaining("'CommonLayer' is a AWS::Serverless::LayerVersion, not a DynamoDB table");
        assertThatThrownBy(() -> apply(template, new AddDataSource("OrdersGraphQLApi", "X", Kind.LAMBDA, "OrdersTable")))
                .hasMessageContaining("not a function");
        assertThatThrownBy(() -> apply(template, new AddDataSource("OrdersGraphQLApi", "X", Kind.HTTP, "ftp://x")))
                .hasMessageContaining("is not an HTTP endpoint");
        assertThatThrownBy(() -> apply(template, new AddDataSource("OrdersGraphQLApi", "my-table", Kind.NONE, "")))
                .hasMessageContaining("is not a GraphQL data source name");
    }
}
