package dev.stackdraft.cli;

import static dev.stackdraft.cli.Cli.read;
import static dev.stackdraft.cli.Cli.run;
import static dev.stackdraft.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagsCommandTest {

    @TempDir
    Path dir;

    @Test
    void tags_set_writes_a_map_on_a_sam_function() {
        Path file = write(dir, "template.yaml", Templates.SAM);

        Cli.Run run = run("tags", "set", file.toString(), "--resource", "OrdersFunction", "team=orders", "cost-center=42");

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEqualTo("stackdraft: Set tags team, cost-center on OrdersFunction (3 lines added)\n");
        assertThat(read(file)).contains("      Tags:\n        team: orders\n        cost-center: '42'\n");
    }

    @Test
    void tags_set_writes_a_key_value_list_on_a_table_and_tags_remove_takes_it_away() {
        Path file = write(dir, "template.yaml", Templates.SAM);

        Cli.Run set = run("tags", "set", file.toString(), "--resource", "OrdersTable", "team=orders");

        assertThat(set.status()).isZero();
        assertThat(read(file)).contains("      KeySchema: [{AttributeName: id, KeyType: HASH}]\n      Tags:\n        - Key: team\n          Value: orders\n");

        Cli.Run remove = run("tags", "remove", file.toString(), "--resource", "OrdersTable", "team");

        assertThat(remove.status()).isZero();
        assertThat(remove.err()).isEqualTo("stackdraft: Remove tags team from OrdersTable (3 lines removed)\n");
        assertThat(read(file)).isEqualTo(Templates.SAM);
    }

    @Test
    void removing_a_tag_the_resource_does_not_have_is_refused() {
        Path file = write(dir, "template.yaml", Templates.SAM);
        run("tags", "set", file.toString(), "--resource", "OrdersTable", "team=orders");
        String tagged = read(file);

        Cli.Run run = run("tags", "remove", file.toString(), "--resource", "OrdersTable", "owner");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).startsWith(file + ":").contains("OrdersTable does not have every tag named");
        assertThat(read(file)).isEqualTo(tagged);
    }

    @Test
    void a_tag_without_a_value_is_a_usage_error() {
        Path file = write(dir, "template.yaml", Templates.SAM);

        Cli.Run run = run("tags", "set", file.toString(), "--resource", "OrdersTable", "team");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("stackdraft: 'team' is not KEY=VALUE\nusage:\n  stackdraft tags set");
        assertThat(run("tags", "set", file.toString(), "--resource", "OrdersTable").err())
                .startsWith("stackdraft: missing KEY=VALUE\n");
        assertThat(read(file)).isEqualTo(Templates.SAM);
    }
}
