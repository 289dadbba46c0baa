package dev.stackdraft.appsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.appsync.DataSource.Kind;
import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.edit.EditRefusedException;
import dev.stackdraft.edit.Editor;
import dev.stackdraft.template.Template;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BindResolverTest {

    private static final Editor EDITOR = new Editor();

    static Template apply(Template template, EditCommand command) {
        return EDITOR.apply(template, command).after();
    }

    /** The sample with one data source of each kind. */
    static Template ordersWithEveryKind() {
        return ordersWithEveryKind(Samples.orders());
    }

    static Template ordersWithEveryKind(String text) {
        Template template = Samples.read("template.yaml", text);
        template = apply(template, new AddDataSource("OrdersGraphQLApi", "GetOrderFn", Kind.LAMBDA, "GetOrderFunction"));
        template = apply(template, new AddDataSource("OrdersGraphQLApi", "Shipping", Kind.HTTP, "https://shipping.example.com"));
        return apply(template, new AddDataSource("OrdersGraphQLApi", "Local", Kind.NONE, ""));
    }

    @ParameterizedTest
    @CsvSource({"OrdersTable, DYNAMODB, listOrders, ddb.scan", "GetOrderFn, LAMBDA, orderSummary, operation: 'Invoke'",
            "Shipping, HTTP, shippingQuote, method: 'GET'", "Local, NONE, echo, payload: ctx.args"})
    void a_unit_resolver_is_bound_per_kind_and_unbinding_it_gives_the_bytes_back(String dataSource, Kind kind, String field,
                                                                                  String starter) {
        Template before = ordersWithEveryKind();

        Template bound = apply(before, new BindResolver("OrdersGraphQLApi", "Query", field, dataSource, null));

        GraphQlApi api = GraphQlApis.find(bound, "OrdersGraphQLApi").orElseThrow();
        Resolver resolver = api.resolver("Query", field).orElseThrow();
        assertThat(resolver.isResource()).isTrue();
        assertThat(resolver.kind()).isEqualTo(Resolver.Kind.UNIT);
        assertThat(api.dataSource(resolver.dataSource()).orElseThrow().kind()).isEqualTo(kind);
        assertThat(resolver.runtime()).isEqualTo(CodeRuntime.APPSYNC_JS);
        assertThat(((Code.Inline) resolver.code()).text()).contains(starter);
        assertThat(bound.resource(resolver.id()).orElseThrow().dependsOn()).containsExactly("OrdersGraphQLSchema");
        assertThat(bound.source().text()).startsWith(before.source().text().substring(0,
                before.source().text().indexOf("\nOutputs:"))); // only lines added, at the end of Resources

        Template unbound = apply(bound, new UnbindResolver("OrdersGraphQLApi", "Query", field));

        assertThat(unbound.source().text()).isEqualTo(before.source().text());
    }

    @ParameterizedTest
    @CsvSource({"Notes, DYNAMODB, createNote, ddb.put", "Summary, LAMBDA, summary, operation: 'Invoke'",
            "Weather, HTTP, weather, method: 'GET'", "NONE, NONE, listNotes, payload: ctx.args"})
    void a_sam_api_gets_a_resolver_of_one_function_per_kind_and_unbinding_it_gives_the_bytes_back(String dataSource,
                                                                                                   Kind kind, String field,
                                                                                                   String starter) {
        Template before = Samples.read("template.yaml", Samples.SERVERLESS);
        String type = field.equals("createNote") ? "Mutation" : "Query";

        Template bound = apply(before, new BindResolver("NotesApi", type, field, dataSource, null));

        GraphQlApi api = GraphQlApis.of(bound).getFirst();
        Resolver resolver = api.resolver(type, field).orElseThrow();
        assertThat(resolver.isResource()).isFalse();
        assertThat(resolver.pipeline()).containsExactly(field + "Function");
        PipelineFunction function = api.function(field + "Function").orElseThrow();
        assertThat(api.dataSource(function.dataSource()).orElseThrow().kind()).isEqualTo(kind);
        assertThat(((Code.Inline) function.code()).text()).contains(starter);

        Template unbound = apply(bound, new UnbindResolver("NotesApi", type, field));

        assertThat(unbound.source().text()).isEqualTo(before.source().text());
    }

    @Test
    void the_samples_get_order_unbound_then_bound_again_reads_its_table_by_the_tables_key() {
        Template sample = Samples.read("template.yaml", Samples.orders());

        Template unbound = apply(sample, new UnbindResolver("OrdersGraphQLApi", "Query", "getOrder"));
        GraphQlApi withoutResolver = GraphQlApis.find(unbound, "OrdersGraphQLApi").orElseThrow();
        String sdl = ((SchemaSource.Inline) withoutResolver.schema()).text();
        assertThat(SchemaFields.of(withoutResolver, sdl)).singleElement().satisfies(f -> assertThat(f.resolver()).isNull());
        assertThat(unbound.source().text()).doesNotContain("GetOrderResolver", "# Query.getOrder reads");

        Template bound = apply(unbound, new BindResolver("OrdersGraphQLApi", "Query", "getOrder", "OrdersTable", null));

        GraphQlApi api = GraphQlApis.find(bound, "OrdersGraphQLApi").orElseThrow();
        assertThat(SchemaFields.of(api, sdl)).singleElement().satisfies(f -> {
            assertThat(f.resolver()).isNotNull();
            assertThat(f.resolver().id()).isEqualTo("QueryGetOrderResolver");
            assertThat(f.dataSources()).containsExactly("OrdersTable");
            assertThat(((Code.Inline) f.resolver().code()).text())
                    .contains("ddb.get({ key: { orderId: ctx.args.orderId } })");
        });
        assertThat(apply(bound, new UnbindResolver("OrdersGraphQLApi", "Query", "getOrder")).source().text())
                .isEqualTo(unbound.source().text());
    }

    @Test
    void a_json_template_is_bound_and_unbound_in_json() {
        Template before = Samples.read("template.json", """
                {
                  "Resources": {
                    "Api": {"Type": "AWS::AppSync::GraphQLApi", "Properties": {"Name": "a", "AuthenticationType": "API_KEY"}},
                    "Schema": {
                      "Type": "AWS::AppSync::GraphQLSchema",
                      "Properties": {"ApiId": {"Fn::GetAtt": ["Api", "ApiId"]}, "Definition": "type Query { ping: String }"}
                    },
                    "Local": {
                      "Type": "AWS::AppSync::DataSource",
                      "Properties": {"ApiId": {"Fn::GetAtt": ["Api", "ApiId"]}, "Name": "Local", "Type": "NONE"}
                    }
                  }
                }
                """);

        Template bound = apply(before, new BindResolver("Api", "Query", "ping", "Local", null));

        GraphQlApi api = GraphQlApis.of(bound).getFirst();
        assertThat(SchemaFields.of(api, ((SchemaSource.Inline) api.schema()).text())).singleElement()
                .satisfies(f -> assertThat(f.dataSources()).containsExactly("Local"));
        assertThat(bound.source().text()).contains("\"DataSourceName\": {\"Fn::GetAtt\": [\"Local\", \"Name\"]}");
        assertThat(apply(bound, new UnbindResolver("Api", "Query", "ping")).source().text()).isEqualTo(before.source().text());
    }

    @Test
    void rebinding_a_bound_field_changes_its_data_source_and_keeps_its_code() {
        Template before = ordersWithEveryKind();

        Template rebound = apply(before, new BindResolver("OrdersGraphQLApi", "Query", "getOrder", "GetOrderFn", null));

        Resolver resolver = GraphQlApis.find(rebound, "OrdersGraphQLApi").orElseThrow().resolver("Query", "getOrder").orElseThrow();
        assertThat(resolver.dataSource()).isEqualTo("GetOrderFn");
        assertThat(resolver.code()).isEqualTo(GraphQlApis.find(before, "OrdersGraphQLApi").orElseThrow()
                .resolver("Query", "getOrder").orElseThrow().code());
        assertThat(rebound.source().text()).isEqualTo(before.source().text().replace(
                "DataSourceName: !GetAtt OrdersDataSource.Name", "DataSourceName: !GetAtt GetOrderFnDataSource.Name"));
    }

    @Test
    void code_given_as_a_file_path_replaces_inline_code_with_the_path() {
        Template sample = Samples.read("template.yaml", Samples.orders());

        Template rebound = apply(sample, new BindResolver("OrdersGraphQLApi", "Query", "getOrder", "OrdersTable",
                "resolvers/getOrder.js"));

        Resolver resolver = GraphQlApis.find(rebound, "OrdersGraphQLApi").orElseThrow().resolver("Query", "getOrder").orElseThrow();
        assertThat(resolver.code()).isEqualTo(new Code.File("resolvers/getOrder.js"));
        assertThat(rebound.source().text()).contains("      CodeS3Location: resolvers/getOrder.js\n\nOutputs:")
                .doesNotContain("operation: 'GetItem'")
                .contains("# Query.getOrder reads one item straight from the table");
        assertThat(BindResolver.isFilePath("resolvers/getOrder.js")).isTrue();
        assertThat(BindResolver.isFilePath("export function request(ctx) { return {}; }")).isFalse();
    }

    @Test
    void inline_code_given_is_written_as_it_is() {
        String code = "export function request(ctx) {\n  return {};\n}\n\nexport function response(ctx) {\n  return ctx.result;\n}\n";

        Template bound = apply(Samples.read("template.yaml", Samples.orders()),
                new BindResolver("OrdersGraphQLApi", "Query", "ping", "OrdersTable", code));

        Resolver resolver = GraphQlApis.find(bound, "OrdersGraphQLApi").orElseThrow().resolver("Query", "ping").orElseThrow();
        assertThat(resolver.code()).isEqualTo(new Code.Inline(code));
    }

    @Test
    void an_api_written_in_vtl_gets_vtl_templates_keyed_by_its_tables_keys() {
        Template before = Samples.read("template.yaml", Samples.VTL);

        Template bound = apply(before, new BindResolver("Api", "Mutation", "putItem", "Items", null));

        Resolver resolver = GraphQlApis.of(bound).getFirst().resolver("Mutation", "putItem").orElseThrow();
        assertThat(resolver.runtime()).isEqualTo(CodeRuntime.VTL);
        assertThat(resolver.code()).isInstanceOfSatisfying(Code.Vtl.class, vtl -> {
            assertThat(((Code.Inline) vtl.request()).text()).contains("\"operation\": \"PutItem\"")
                    .contains("\"pk\": $util.dynamodb.toDynamoDBJson($util.defaultIfNullOrBlank($ctx.args.pk, $util.autoId()))")
                    .contains("\"sk\": $util.dynamodb.toDynamoDBJson($ctx.args.sk)");
            assertThat(((Code.Inline) vtl.response()).text()).isEqualTo("$util.toJson($ctx.result)\n");
        });
        assertThat(bound.source().text()).doesNotContain("APPSYNC_JS");
        assertThat(apply(bound, new UnbindResolver("Api", "Mutation", "putItem")).source().text())
                .isEqualTo(before.source().text());
    }

    @Test
    void a_sam_function_no_other_resolver_uses_is_pointed_at_the_new_data_source() {
        Template before = Samples.read("template.yaml", Samples.SERVERLESS);

        Template rebound = apply(before, new BindResolver("NotesApi", "Query", "getNote", "Summary", null));

        assertThat(rebound.source().text()).isEqualTo(before.source().text().replace(
                "          DataSource: Notes\n", "          DataSource: Summary\n"));
    }

    @Test
    void a_sam_function_shared_with_another_resolver_is_left_alone_and_the_field_gets_its_own() {
        Template shared = apply(Samples.read("template.yaml", Samples.SERVERLESS),
                new BindResolver("NotesApi", "Query", "summary", "Summary", null));
        shared = Samples.read("template.yaml", shared.source().text().replace("- summaryFunction", "- getNoteFunction"));

        Template rebound = apply(shared, new BindResolver("NotesApi", "Query", "summary", "Summary", null));

        GraphQlApi api = GraphQlApis.of(rebound).getFirst();
        Resolver summary = api.resolver("Query", "summary").orElseThrow();
        assertThat(summary.pipeline()).containsExactly("QuerySummaryFunction"); // summaryFunction is taken
        assertThat(api.function("QuerySummaryFunction").orElseThrow().code()).isEqualTo(new Code.File("resolvers/getNote.js"));
        assertThat(api.function("QuerySummaryFunction").orElseThrow().dataSource()).isEqualTo("Summary");
        assertThat(api.function("getNoteFunction").orElseThrow().dataSource()).isEqualTo("Notes");
    }

    @Test
    void a_sam_resolver_of_several_functions_is_not_rebound() {
        Template template = Samples.read("template.yaml", Samples.SERVERLESS.replaceFirst(
                "( +- getNoteFunction\n)", "$1$1"));

        assertThatThrownBy(() -> apply(template, new BindResolver("NotesApi", "Query", "getNote", "Summary", null)))
                .isInstanceOf(EditRefusedException.class).hasMessageContaining("Query.getNote is a pipeline of 2 functions");
    }

    @Test
    void what_is_not_there_is_refused_with_what_is() {
        Template template = Samples.read("template.yaml", Samples.orders());

        assertThatThrownBy(() -> apply(template, new BindResolver("Nope", "Query", "x", "OrdersTable", null)))
                .isInstanceOf(EditRefusedException.class)
                .hasMessage("template.yaml:1:1: there is no GraphQL API 'Nope' (GraphQL APIs here: OrdersGraphQLApi)");
        assertThatThrownBy(() -> apply(template, new BindResolver("OrdersGraphQLApi", "Query", "x", "Customers", null)))
                .hasMessageContaining("OrdersGraphQLApi has no data source 'Customers' (its data sources: OrdersTable)");
        assertThatThrownBy(() -> apply(template, new BindResolver("OrdersGraphQLApi", "Query", "get-order", "OrdersTable", null)))
                .hasMessageContaining("'get-order' is not a GraphQL field name");
        assertThatThrownBy(() -> apply(template, new UnbindResolver("OrdersGraphQLApi", "Query", "listOrders")))
                .hasMessageContaining("Query.listOrders of OrdersGraphQLApi has no resolver (resolved fields: Query.getOrder)");
        assertThatThrownBy(() -> apply(template, new BindResolver("OrdersGraphQLApi", "Query", "x", "NONE", null)))
                .hasMessageContaining("has no data source 'NONE'");
    }

    @Test
    void resolvers_of_fields_a_new_schema_lacks_are_removed_on_request() {
        Template template = apply(Samples.read("template.yaml", Samples.SERVERLESS),
                new BindResolver("NotesApi", "Mutation", "deleteNote", "Notes", null));
        String newSchema = "type Query { listNotes: [String] }";

        Template cleaned = apply(template, new RemoveOrphanResolvers("NotesApi", newSchema));

        GraphQlApi api = GraphQlApis.of(cleaned).getFirst();
        assertThat(api.resolvers()).isEmpty();
        assertThat(api.functions()).isEmpty();
        assertThat(cleaned.source().text()).doesNotContain("Resolvers:", "Functions:").contains("DataSources:");
        assertThat(List.of(new RemoveOrphanResolvers("NotesApi", newSchema).describe())).isNotEmpty();
    }
}
