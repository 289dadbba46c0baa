package dev.stackdraft.cli;

import static dev.stackdraft.cli.Cli.read;
import static dev.stackdraft.cli.Cli.run;
import static dev.stackdraft.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenameCommandTest {

    @TempDir
    Path dir;

    @Test
    void rename_rewrites_the_id_and_every_reference() {
        Path file = write(dir, "template.yaml", Templates.SAM);

        Cli.Run run = run("rename", file.toString(), "OrdersTable", "OrderStore");

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEqualTo("stackdraft: Rename OrdersTable to OrderStore (4 lines changed)\n");
        assertThat(read(file)).isEqualTo(Templates.SAM.replace("OrdersTable", "OrderStore"))
                .contains("  # where orders live\n  OrderStore:\n", "TABLE: !Ref OrderStore", "!GetAtt OrderStore.Arn");
    }

    @Test
    void rename_dry_run_shows_each_rewritten_line() {
        Path file = write(dir, "template.yaml", Templates.SAM);

        Cli.Run run = run("rename", "--dry-run", file.toString(), "OrdersTable", "OrderStore");

        assertThat(run.status()).isZero();
        assertThat(read(file)).isEqualTo(Templates.SAM);
        assertThat(run.out().lines().filter(l -> l.startsWith("+ ")))
                .containsExactly("+  OrderStore:", "+          TABLE: !Ref OrderStore",
                        "+            TableName: !Ref OrderStore", "+    Value: !GetAtt OrderStore.Arn");
    }

    @Test
    void rename_to_a_taken_name_is_refused() {
        Path file = write(dir, "template.yaml", Templates.SAM);

        Cli.Run run = run("rename", file.toString(), "OrdersTable", "OrdersFunction");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualTo(file + ":1:1: 'OrdersFunction' is already defined in this template (choose another name)\n");
        assertThat(read(file)).isEqualTo(Templates.SAM);
    }

    @Test
    void rename_of_an_unknown_id_is_refused() {
        Path file = write(dir, "template.yaml", Templates.SAM);

        Cli.Run run = run("rename", file.toString(), "Nothing", "Something");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).startsWith(file + ":1:1: nothing in this template is named 'Nothing'");
    }

    @Test
    void an_empty_new_id_is_a_usage_error() {
        Path file = write(dir, "template.yaml", Templates.SAM);

        Cli.Run run = run("rename", file.toString(), "OrdersTable", "");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("stackdraft: OLD_ID and NEW_ID may not be empty\n");
    }
}
