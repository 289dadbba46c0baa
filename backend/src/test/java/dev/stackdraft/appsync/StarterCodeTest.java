package dev.stackdraft.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.appsync.DataSource.Kind;
import dev.stackdraft.appsync.StarterCode.Operation;
import dev.stackdraft.template.Template;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StarterCodeTest {

    @TempDir
    Path dir;

    @Test
    void a_dynamodb_resolver_does_what_its_fields_name_says() {
        assertThat(StarterCode.operation("Query", "getOrder")).isEqualTo(Operation.GET);
        assertThat(StarterCode.operation("Query", "listOrders")).isEqualTo(Operation.SCAN);
        assertThat(StarterCode.operation("Query", "ordersByCustomer")).isEqualTo(Operation.QUERY);
        assertThat(StarterCode.operation("Query", "queryOrders")).isEqualTo(Operation.QUERY);
        assertThat(StarterCode.operation("Mutation", "createOrder")).isEqualTo(Operation.PUT);
        assertThat(StarterCode.operation("Mutation", "putOrder")).isEqualTo(Operation.PUT);
        assertThat(StarterCode.operation("Mutation", "updateOrder")).isEqualTo(Operation.UPDATE);
        assertThat(StarterCode.operation("Mutation", "deleteOrder")).isEqualTo(Operation.DELETE);
        assertThat(StarterCode.operation("Order", "customer")).isEqualTo(Operation.GET);
    }

    @Test
    void keys_are_the_tables_own_hash_key_first() {
        Template template = Samples.read("t.yaml", Samples.VTL);
        DataSource items = GraphQlApis.of(template).getFirst().dataSource("Items").orElseThrow();

        assertThat(StarterCode.tableKey(template, items)).containsExactly("pk", "sk");
        assertThat(StarterCode.javascript(Kind.DYNAMODB, "Query", "getItem", List.of("pk", "sk")))
                .contains("ddb.get({ key: { pk: ctx.args.pk, sk: ctx.args.sk } })");
        assertThat(StarterCode.javascript(Kind.DYNAMODB, "Order", "customer", List.of("customerId")))
                .contains("ctx.source.customerId");
    }

    @Test
    void every_javascript_starter_is_a_module_node_parses() throws Exception {
        Path node = Path.of("/opt/stackdraft-node24/bin/node");
        Assumptions.assumeTrue(Files.isExecutable(node) || onPath("node"), "node is not installed: syntax check skipped");
        String binary = Files.isExecutable(node) ? node.toString() : "node";
        List<String> fields = List.of("Query.getOrder", "Query.listOrders", "Query.ordersByCustomer", "Mutation.createOrder",
                "Mutation.updateOrder", "Mutation.deleteOrder", "Order.customer");
        List<Path> files = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (String field : fields) {
                String[] parts = field.split("\\.");
                Path file = dir.resolve(kind + "-" + parts[1] + ".mjs");
                Files.writeString(file, StarterCode.javascript(kind, parts[0], parts[1], List.of("orderId", "createdAt")));
                files.add(file);
            }
        }
        for (Path file : files) {
            Process check = new ProcessBuilder(binary, "--check", file.toString()).redirectErrorStream(true).start();
            String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue()).as("node --check %s: %s\n%s", file.getFileName(), out, Files.readString(file)).isZero();
        }
    }

    private static boolean onPath(String tool) {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
