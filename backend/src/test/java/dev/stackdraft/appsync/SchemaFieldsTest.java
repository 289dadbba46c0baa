package dev.stackdraft.appsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.template.Template;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaFieldsTest {

    private static GraphQlApi orders() {
        return GraphQlApis.find(Samples.read("template.yaml", Samples.orders()), "OrdersGraphQLApi").orElseThrow();
    }

    private static String sdl(GraphQlApi api) {
        return ((SchemaSource.Inline) api.schema()).text();
    }

    @Test
    void the_samples_get_order_is_listed_with_its_resolver_on_the_orders_table() {
        GraphQlApi api = orders();

        List<Field> fields = SchemaFields.of(api, sdl(api));

        assertThat(fields).singleElement().satisfies(field -> {
            assertThat(field.coordinate()).isEqualTo("Query.getOrder");
            assertThat(field.type()).isEqualTo("Order");
            assertThat(field.arguments()).containsExactly("orderId: ID!");
            assertThat(field.resolver()).isNotNull();
            assertThat(field.resolver().id()).isEqualTo("GetOrderResolver");
            assertThat(field.dataSources()).containsExactly("OrdersTable");
        });
        assertThat(SchemaFields.problems(api, sdl(api))).isEmpty();
        assertThat(SchemaFields.orphans(api, sdl(api))).isEmpty();
    }

    @Test
    void appsync_scalars_and_directives_need_no_declaration() {
        GraphQlApi api = GraphQlApis.of(Samples.read("t.yaml", Samples.SERVERLESS)).getFirst();

        List<Field> fields = SchemaFields.of(api, sdl(api));

        assertThat(fields).extracting(Field::coordinate).containsExactly("Query.getNote", "Query.listNotes",
                "Query.summary", "Query.weather", "Mutation.createNote", "Mutation.deleteNote");
        assertThat(fields).filteredOn(f -> f.resolver() != null).extracting(Field::coordinate).containsExactly("Query.getNote");
        assertThat(SchemaFields.problems(api, sdl(api))).isEmpty();
        assertThat(SchemaFields.problems(api, """
                type Query {
                  a: AWSDate @aws_iam @aws_oidc @aws_lambda
                  b(e: AWSEmail, u: AWSURL, p: AWSPhone, ip: AWSIPAddress, j: AWSJSON, t: AWSTime): AWSTimestamp
                    @aws_cognito_user_pools(cognito_groups: ["admins"]) @aws_auth(cognito_groups: ["x"])
                }
                type Mutation { m: String }
                type Subscription { s: String @aws_subscribe(mutations: ["m"]) }
                """)).isEmpty();
    }

    @Test
    void a_schema_that_declares_appsyncs_scalars_itself_is_fine_too() {
        assertThat(SchemaFields.problems(orders(), "scalar AWSDateTime\ndirective @aws_api_key on OBJECT\n"
                + "type Query @aws_api_key { at: AWSDateTime }")).isEmpty();
    }

    @Test
    void what_appsync_would_refuse_is_a_problem_at_its_place() {
        List<SchemaProblem> problems = SchemaFields.problems(orders(), """
                type Query {
                  getOrder: Order
                }
                """);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("'Order'");
            assertThat(p.line()).isEqualTo(1);
        });
    }

    @Test
    void a_schema_that_does_not_parse_is_refused_at_its_line_in_the_template() {
        Template template = Samples.read("template.yaml", Samples.orders().replace("  getOrder(orderId: ID!): Order",
                "  getOrder(orderId: ID!: Order"));
        GraphQlApi api = GraphQlApis.find(template, "OrdersGraphQLApi").orElseThrow();

        assertThatThrownBy(() -> SchemaFields.of(api, sdl(api))).isInstanceOfSatisfying(SchemaException.class, e -> {
            int line = e.location().line();
            assertThat(template.source().text().lines().toList().get(line - 1)).isEqualTo("          getOrder(orderId: ID!: Order");
            assertThat(e.location().column()).isEqualTo(11 + "getOrder(orderId: ID!".length());
            assertThat(e.sdlLine()).isEqualTo(9);
            assertThat(e.getMessage()).startsWith("template.yaml:" + line + ":").contains("does not parse: unexpected ':'");
        });
    }

    @Test
    void a_schema_file_that_does_not_parse_is_refused_in_that_file() {
        GraphQlApi api = GraphQlApis.of(Samples.read("stacks/items/template.yaml", Samples.VTL)).getFirst();

        assertThatThrownBy(() -> SchemaFields.of(api, "type Query {\n  a: String\n"))
                .isInstanceOfSatisfying(SchemaException.class, e -> {
                    assertThat(e.location().file()).isEqualTo("stacks/items/schema.graphql");
                    assertThat(e.getMessage()).contains("ends too early");
                });
    }

    @Test
    void renamed_root_types_extensions_and_types_with_resolvers_are_listed() {
        GraphQlApi api = new GraphQlApi("Api", GraphQlApi.Form.APPSYNC, "t.yaml", new SchemaSource.Missing(), null, List.of(),
                List.of(new Resolver("Order", "customer", Resolver.Kind.UNIT, "Customers", List.of(), CodeRuntime.APPSYNC_JS,
                        new Code.None(), "R", dev.stackdraft.template.DocPath.of("Resources", "R"), 1)), List.of(), 1);

        List<Field> fields = SchemaFields.of(api, """
                schema { query: Root }
                type Root { a: Order }
                extend type Root { b: Int }
                type Order { id: ID! customer: String }
                type Other { x: Int }
                """);

        assertThat(fields).extracting(Field::coordinate).containsExactly("Root.a", "Root.b", "Order.id", "Order.customer");
        assertThat(fields.get(3).dataSources()).containsExactly("Customers");
    }

    @Test
    void resolvers_of_fields_the_schema_lost_are_orphans() {
        GraphQlApi api = orders();

        assertThat(SchemaFields.orphans(api, "type Query { listOrders: [String] }"))
                .extracting(Resolver::coordinate).containsExactly("Query.getOrder");
        assertThat(SchemaFields.orphans(api, "type Mutation { getOrder: String }")).hasSize(1);
    }
}
