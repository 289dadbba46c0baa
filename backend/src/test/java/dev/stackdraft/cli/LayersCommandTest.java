package dev.stackdraft.cli;

import static dev.stackdraft.cli.Cli.bytes;
import static dev.stackdraft.cli.Cli.read;
import static dev.stackdraft.cli.Cli.run;
import static dev.stackdraft.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayersCommandTest {

    private static final String NEW_LAYER = "arn:aws:lambda:us-east-1:123456789012:layer:tools:7";

    @TempDir
    Path dir;

    @Test
    void layer_add_writes_exactly_one_added_line() {
        Path file = write(dir, "template.yaml", Templates.SAM);

        Cli.Run run = run("layers", "add", file.toString(), "--function", "OrdersFunction", "--layer", NEW_LAYER);

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("stackdraft: Add layer " + NEW_LAYER + " to OrdersFunction (1 line added)\n");
        assertThat(read(file)).isEqualTo(Templates.SAM.replace(
                "        - " + Templates.LAYER + "\n",
                "        - " + Templates.LAYER + "\n        - " + NEW_LAYER + "\n"));
    }

    @Test
    void layer_add_at_position_0_goes_first() {
        Path file = write(dir, "template.yaml", Templates.SAM);

        Cli.Run run = run("layers", "add", file.toString(), "--function=OrdersFunction", "--layer=" + NEW_LAYER,
                "--position", "0");

        assertThat(run.status()).isZero();
        assertThat(read(file)).contains("      Layers:\n        - " + NEW_LAYER + "\n        - " + Templates.LAYER + "\n");
    }

    @Test
    void dry_run_prints_the_diff_and_leaves_the_file_byte_identical() {
        Path file = write(dir, "template.yaml", Templates.SAM);
        byte[] before = bytes(file);

        Cli.Run run = run("layers", "add", file.toString(), "--function", "OrdersFunction", "--layer", NEW_LAYER,
                "--dry-run");

        assertThat(run.status()).isZero();
        assertThat(bytes(file)).isEqualTo(before);
        String shown = file.toString().replaceFirst("^/", ""); // git's a/ b/ prefixes take a relative-looking path
        assertThat(run.out()).startsWith("--- a/" + shown + "\n+++ b/" + shown + "\n@@ ")
                .contains("\n+        - " + NEW_LAYER + "\n")
                .contains("\n         - " + Templates.LAYER + "\n");
        assertThat(run.out().lines().filter(l -> l.startsWith("+") || l.startsWith("-"))).hasSize(3); // 2 headers, 1 line
        assertThat(run.err()).contains("(1 line added; dry run, " + file + " not written)");
    }

    @Test
    void a_sixth_layer_is_refused_with_exit_1_and_the_file_untouched() {
        Path file = write(dir, "template.yaml", Templates.FIVE_LAYERS);
        byte[] before = bytes(file);

        Cli.Run run = run("layers", "add", file.toString(), "--function", "Fn", "--layer", NEW_LAYER);

        assertThat(run.status()).isEqualTo(1);
        assertThat(bytes(file)).isEqualTo(before);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith(file + ":4:3: Fn would get a sixth layer").contains("allows 5")
                .hasLineCount(1);
        assertThat(dir.toFile().list()).containsExactly("template.yaml");
    }

    @Test
    void a_layer_the_function_has_in_another_version_is_refused() {
        Path file = write(dir, "template.yaml", Templates.SAM);

        Cli.Run run = run("layers", "add", file.toString(), "--function", "OrdersFunction",
                "--layer", Templates.LAYER.replace(":3", ":4"));

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).startsWith(file + ":18:11: OrdersFunction already has layer").contains("layers upgrade");
        assertThat(read(file)).isEqualTo(Templates.SAM);
    }

    @Test
    void layer_remove_takes_the_layers_key_along_with_the_last_layer() {
        Path file = write(dir, "template.yaml", Templates.SAM);

        Cli.Run run = run("layers", "remove", file.toString(), "--function", "OrdersFunction", "--layer", Templates.LAYER);

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEqualTo("stackdraft: Remove layer " + Templates.LAYER + " from OrdersFunction (2 lines removed)\n");
        assertThat(read(file)).isEqualTo(Templates.SAM.replace("      Layers:\n        - " + Templates.LAYER + "\n", ""));
    }

    @Test
    void layer_move_reorders_the_functions_own_list() {
        Path file = write(dir, "template.yaml", Templates.FIVE_LAYERS);

        Cli.Run run = run("layers", "move", file.toString(), "--function", "Fn",
                "--layer", "arn:aws:lambda:us-east-1:123456789012:layer:four:1", "--position", "0");

        assertThat(run.status()).isZero();
        assertThat(read(file).lines().filter(l -> l.contains(":layer:")).map(l -> l.replaceAll(".*:layer:", "")))
                .containsExactly("four:1", "one:1", "two:1", "three:1", "five:1");
    }

    @Test
    void layer_move_to_where_it_already_is_writes_nothing() {
        Path file = write(dir, "template.yaml", Templates.FIVE_LAYERS);

        Cli.Run run = run("layers", "move", file.toString(), "--function", "Fn",
                "--layer", "arn:aws:lambda:us-east-1:123456789012:layer:one:1", "--position", "0");

        assertThat(run.status()).isZero();
        assertThat(run.err()).contains("nothing to change");
        assertThat(read(file)).isEqualTo(Templates.FIVE_LAYERS);
        assertThat(dir.toFile().list()).containsExactly("template.yaml");
    }

    @Test
    void layer_upgrade_changes_the_version_wherever_the_layer_is_used() {
        Path file = write(dir, "template.yaml", Templates.SAM);

        Cli.Run run = run("layers", "upgrade", file.toString(), "--layer", Templates.LAYER.replace(":3", ":9"));

        assertThat(run.status()).isZero();
        assertThat(run.err()).contains("to version 9 (1 line changed)");
        assertThat(read(file)).isEqualTo(Templates.SAM.replace(Templates.LAYER, Templates.LAYER.replace(":3", ":9")));
    }

    @Test
    void layer_add_in_a_serverless_yml_writes_one_line_in_its_style() {
        Path file = write(dir, "serverless.yml", Templates.SERVERLESS);

        Cli.Run run = run("layers", "add", file.toString(), "--function", "hello", "--layer", NEW_LAYER);

        assertThat(run.status()).isZero();
        assertThat(run.err()).endsWith("(1 line added)\n");
        assertThat(read(file)).isEqualTo(Templates.SERVERLESS.replace(
                "      - " + Templates.LAYER + "\n", "      - " + Templates.LAYER + "\n      - " + NEW_LAYER + "\n"));
    }

    @Test
    void layer_of_the_serverless_yml_itself_is_added_by_name_as_a_ref() {
        Path file = write(dir, "serverless.yml", Templates.SERVERLESS);

        Cli.Run run = run("layers", "add", file.toString(), "--function", "hello", "--layer", "shared");

        assertThat(run.status()).isZero();
        assertThat(read(file)).contains("      - " + Templates.LAYER + "\n      - Ref: SharedLambdaLayer\n");
    }

    @Test
    void layer_move_without_a_position_is_a_usage_error() {
        Path file = write(dir, "template.yaml", Templates.SAM);

        Cli.Run run = run("layers", "move", file.toString(), "--function", "OrdersFunction", "--layer", Templates.LAYER);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("stackdraft: missing --position\nusage:\n  stackdraft layers add FILE");
        assertThat(read(file)).isEqualTo(Templates.SAM);
    }

    @Test
    void a_negative_position_is_a_usage_error() {
        Path file = write(dir, "template.yaml", Templates.SAM);

        Cli.Run run = run("layers", "add", file.toString(), "--function", "OrdersFunction", "--layer", NEW_LAYER,
                "--position", "-1");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("stackdraft: --position takes a whole number from 0 (0 is the first), not '-1'");
    }

    @Test
    void an_unknown_layers_verb_is_a_usage_error() {
        Cli.Run run = run("layers", "list", "template.yaml");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("stackdraft: unknown layers command 'list': use add, remove, move, upgrade or available\n");
    }
}
