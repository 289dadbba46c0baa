package dev.stackdraft.cli;

import static dev.stackdraft.cli.Cli.bytes;
import static dev.stackdraft.cli.Cli.read;
import static dev.stackdraft.cli.Cli.run;
import static dev.stackdraft.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class AppSyncCommandTest {

    private static final String API = "OrdersGraphQLApi";

    @TempDir
    Path dir;

    private static String sample() {
        try (InputStream in = AppSyncCommandTest.class.getClassLoader().getResourceAsStream("samples/orders-service/template.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The sample's API with its schema in a file beside the template, and a second field. */
    private Path sampleWithSchemaFile() {
        String text = sample();
        int start = text.indexOf("      Definition: |");
        int end = text.indexOf("\n\n  OrdersGraphQLApiKey:");
        write(dir, "schema.graphql", """
                type Order { orderId: ID! total: Float! }
                type Query {
                  getOrder(orderId: ID!): Order
                  listOrders: [Order] @aws_api_key
                }
                """);
        return write(dir, "template.yaml", text.substring(0, start) + "      DefinitionS3Location: schema.graphql"
                + text.substring(end));
    }

    @Test
    void fields_lists_every_field_with_its_resolver_and_data_source() {
        Path file = write(dir, "template.yaml", sample());

        Cli.Run run = run("appsync", "fields", file.toString(), "--api", API);

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo("Query.getOrder  OrdersTable  (unit, APPSYNC_JS, inline code, GetOrderResolver at line 192)\n");
        assertThat(run.err()).isEqualTo("stackdraft: OrdersGraphQLApi: 1 field, 1 with a resolver\n");
    }

    @Test
    void fields_reads_a_schema_file_beside_the_template_and_prints_json() throws Exception {
        Path file = sampleWithSchemaFile();

        Cli.Run run = run("appsync", "fields", file.toString(), "--api", API, "--format", "json");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("form").asString()).isEqualTo("APPSYNC");
        assertThat(json.get("schema").get("path").asString()).isEqualTo("schema.graphql");
        assertThat(json.get("fields")).hasSize(2);
        assertThat(json.get("fields").get(0).get("resolver").get("dataSource").asString()).isEqualTo("OrdersTable");
        assertThat(json.get("fields").get(1).get("field").asString()).isEqualTo("listOrders");
        assertThat(json.get("fields").get(1).get("resolver").isNull()).isTrue();
        assertThat(json.get("orphans")).isEmpty();
        assertThat(json.get("problems")).isEmpty();
    }

    @Test
    void fields_warns_of_resolvers_whose_field_is_gone() {
        Path file = write(dir, "template.yaml", sample().replace("  getOrder(orderId: ID!): Order", "  order(orderId: ID!): Order"));

        Cli.Run run = run("appsync", "fields", file.toString(), "--api", API);

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo("Query.order  none\n");
        assertThat(run.err()).contains(file + ":192:1: warning: the resolver GetOrderResolver is for Query.getOrder, which "
                + "the schema does not have (unbind it) [orphan-resolver]");
    }

    @Test
    void a_missing_schema_file_or_api_and_a_broken_schema_are_errors_with_their_place() {
        Path file = sampleWithSchemaFile();
        write(dir, "schema.graphql", "type Query {\n  getOrder(orderId: ID!: Order\n}\n");

        Cli.Run broken = run("appsync", "fields", file.toString(), "--api", API);
        Cli.Run unknown = run("appsync", "fields", file.toString(), "--api", "Nope");

        assertThat(broken.status()).isEqualTo(1);
        assertThat(broken.err()).startsWith(dir.resolve("schema.graphql") + ":2:24: the GraphQL schema does not parse: "
                + "unexpected ':'").hasLineCount(1);
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo(file + ":1:1: there is no GraphQL API 'Nope' (GraphQL APIs here: OrdersGraphQLApi)\n");

        Cli.Run missing = run("appsync", "fields", write(dir, "other.yaml", read(file).replace("schema.graphql", "gone.graphql"))
                .toString(), "--api", API);
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("the schema of OrdersGraphQLApi is the file gone.graphql, which is not at");
    }

    @Test
    void bind_writes_a_resolver_and_unbind_gives_the_original_bytes_back() {
        Path file = write(dir, "template.yaml", sample());
        byte[] before = bytes(file);

        Cli.Run dry = run("appsync", "bind", file.toString(), "--api", API, "--field", "Query.listOrders",
                "--data-source", "OrdersTable", "--dry-run");
        assertThat(dry.status()).isZero();
        assertThat(bytes(file)).isEqualTo(before);
        assertThat(dry.out()).contains("+  QueryListOrdersResolver:\n", "+          return ddb.scan(");
        assertThat(dry.err()).contains("Bind Query.listOrders of OrdersGraphQLApi to OrdersTable (").contains("dry run");

        Cli.Run bind = run("appsync", "bind", file.toString(), "--api", API, "--field", "Query.listOrders",
                "--data-source", "OrdersTable");
        assertThat(bind.status()).isZero();
        assertThat(read(file)).contains("      FieldName: listOrders\n");
        assertThat(run("appsync", "fields", file.toString(), "--api", API).status()).isZero();

        Cli.Run unbind = run("appsync", "unbind", file.toString(), "--api", API, "--field", "Query.listOrders");
        assertThat(unbind.status()).isZero();
        assertThat(unbind.err()).startsWith("stackdraft: Unbind Query.listOrders of OrdersGraphQLApi (");
        assertThat(bytes(file)).isEqualTo(before);
    }

    @Test
    void bind_with_code_writes_the_path_and_says_when_the_file_is_not_there_yet() {
        Path file = write(dir, "template.yaml", sample());

        Cli.Run run = run("appsync", "bind", file.toString(), "--api", API, "--field", "Query.getOrder",
                "--data-source", "OrdersDataSource", "--code", "resolvers/getOrder.js");

        assertThat(run.status()).isZero();
        assertThat(read(file)).contains("      CodeS3Location: resolvers/getOrder.js\n").doesNotContain("operation: 'GetItem'");
        assertThat(run.err()).contains("stackdraft: note: resolvers/getOrder.js is not beside " + file + " yet");
    }

    @Test
    void refusals_exit_1_and_usage_errors_exit_2() {
        Path file = write(dir, "template.yaml", sample());
        byte[] before = bytes(file);

        Cli.Run refused = run("appsync", "bind", file.toString(), "--api", API, "--field", "Query.x", "--data-source", "Nope");
        Cli.Run badField = run("appsync", "bind", file.toString(), "--api", API, "--field", "getOrder", "--data-source", "X");
        Cli.Run badCode = run("appsync", "bind", file.toString(), "--api", API, "--field", "Query.x", "--data-source",
                "OrdersTable", "--code", "return {}");
        Cli.Run noApi = run("appsync", "unbind", file.toString(), "--field", "Query.getOrder");
        Cli.Run verb = run("appsync", "rebind", file.toString());

        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo(file + ":126:3: OrdersGraphQLApi has no data source 'Nope' "
                + "(its data sources: OrdersTable)\n");
        assertThat(badField.status()).isEqualTo(2);
        assertThat(badField.err()).startsWith("stackdraft: --field takes Type.field, e.g. Query.getOrder, not 'getOrder'\nusage:");
        assertThat(badCode.status()).isEqualTo(2);
        assertThat(badCode.err()).contains("--code takes the path of a .js or .vtl file");
        assertThat(noApi.status()).isEqualTo(2);
        assertThat(noApi.err()).startsWith("stackdraft: missing --api");
        assertThat(verb.status()).isEqualTo(2);
        assertThat(bytes(file)).isEqualTo(before);
    }

    @Test
    void help_names_the_appsync_forms() {
        Cli.Run run = run("--help");

        assertThat(run.out()).contains("  appsync fields FILE --api ID [--format text|json]\n",
                "  appsync bind FILE --api ID --field Type.field --data-source NAME [--code PATH] [--dry-run]\n",
                "  appsync unbind FILE --api ID --field Type.field [--dry-run]\n");
    }
}
