package dev.stackdraft.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.appsync.DataSource.Kind;
import dev.stackdraft.appsync.GraphQlApi.Form;
import dev.stackdraft.template.Template;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphQlApisTest {

    @Test
    void the_samples_api_is_read_in_the_appsync_form_with_its_table_and_resolver() {
        Template template = Samples.read("template.yaml", Samples.orders());

        GraphQlApi api = GraphQlApis.find(template, "OrdersGraphQLApi").orElseThrow();

        assertThat(api.form()).isEqualTo(Form.APPSYNC);
        assertThat(api.schemaId()).isEqualTo("OrdersGraphQLSchema");
        assertThat(GraphQlApis.schemaSource(api)).isInstanceOfSatisfying(SchemaSource.Inline.class, inline -> {
            assertThat(inline.text()).startsWith("type Order {\n  orderId: ID!");
            assertThat(inline.block()).isTrue();
            assertThat(template.source().text().lines().toList().get(inline.line() - 1)).isEqualTo("        type Order {");
            assertThat(inline.column()).isEqualTo(9);
        });
        assertThat(api.dataSources()).containsExactly(new DataSource("OrdersTable", "OrdersDataSource", Kind.DYNAMODB, "OrdersTable"));
        Resolver getOrder = api.resolver("Query", "getOrder").orElseThrow();
        assertThat(getOrder.kind()).isEqualTo(Resolver.Kind.UNIT);
        assertThat(getOrder.dataSource()).isEqualTo("OrdersTable");
        assertThat(getOrder.runtime()).isEqualTo(CodeRuntime.APPSYNC_JS);
        assertThat(getOrder.code()).isInstanceOfSatisfying(Code.Inline.class,
                c -> assertThat(c.text()).contains("operation: 'GetItem'"));
        assertThat(getOrder.id()).isEqualTo("GetOrderResolver");
        assertThat(getOrder.isResource()).isTrue();
        assertThat(template.source().text().lines().toList().get(getOrder.line() - 1)).isEqualTo("  GetOrderResolver:");
        assertThat(api.preferredRuntime()).isEqualTo(CodeRuntime.APPSYNC_JS);
    }

    @Test
    void a_sam_api_has_its_own_data_sources_functions_and_pipeline_resolvers_and_those_beside_it() {
        GraphQlApi api = GraphQlApis.of(Samples.read("t.yaml", Samples.SERVERLESS)).getFirst();

        assertThat(api.id()).isEqualTo("NotesApi");
        assertThat(api.form()).isEqualTo(Form.SERVERLESS);
        assertThat(api.dataSources()).containsExactly(
                new DataSource("Notes", null, Kind.DYNAMODB, "NotesTable"),
                new DataSource("Summary", null, Kind.LAMBDA, "SummaryFunction"),
                new DataSource("Weather", "WeatherDataSource", Kind.HTTP, "https://weather.example.com"));
        assertThat(api.functions()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("getNoteFunction");
            assertThat(f.dataSource()).isEqualTo("Notes");
            assertThat(f.code()).isEqualTo(new Code.File("resolvers/getNote.js"));
            assertThat(f.isResource()).isFalse();
        });
        Resolver getNote = api.resolver("Query", "getNote").orElseThrow();
        assertThat(getNote.kind()).isEqualTo(Resolver.Kind.PIPELINE);
        assertThat(getNote.pipeline()).containsExactly("getNoteFunction");
        assertThat(getNote.code()).isEqualTo(new Code.None());
        assertThat(getNote.isResource()).isFalse();
        assertThat(api.dataSourcesOf(getNote)).containsExactly("Notes");
    }

    @Test
    void vtl_resolvers_and_a_schema_file_are_told_as_such() {
        GraphQlApi api = GraphQlApis.of(Samples.read("t.yaml", Samples.VTL)).getFirst();

        assertThat(api.schema()).isEqualTo(new SchemaSource.File("schema.graphql"));
        Resolver getItem = api.resolvers().getFirst();
        assertThat(getItem.runtime()).isEqualTo(CodeRuntime.VTL);
        assertThat(getItem.code()).isInstanceOfSatisfying(Code.Vtl.class, vtl -> {
            assertThat(vtl.request()).isInstanceOf(Code.Inline.class);
            assertThat(vtl.response()).isEqualTo(new Code.Inline("$util.toJson($ctx.result)"));
        });
        assertThat(api.preferredRuntime()).isEqualTo(CodeRuntime.VTL);
    }

    @Test
    void s3_locations_are_remote_and_an_api_without_schema_says_so() {
        Template template = Samples.read("t.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Remote:
                    Type: AWS::Serverless::GraphQLApi
                    Properties:
                      SchemaUri: s3://bucket/schema.graphql
                      Auth: {Type: AWS_IAM}
                  Bare:
                    Type: AWS::AppSync::GraphQLApi
                    Properties: {Name: bare, AuthenticationType: AWS_IAM}
                """);

        List<GraphQlApi> apis = GraphQlApis.of(template);

        assertThat(apis).extracting(GraphQlApi::schema)
                .containsExactly(new SchemaSource.Remote("s3://bucket/schema.graphql"), new SchemaSource.Missing());
    }
}
