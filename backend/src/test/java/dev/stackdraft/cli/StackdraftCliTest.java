package dev.stackdraft.cli;

import static dev.stackdraft.cli.Cli.bytes;
import static dev.stackdraft.cli.Cli.run;
import static dev.stackdraft.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StackdraftCliTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void help_prints_every_command_on_stdout_and_exits_0(String help) {
        Cli.Run run = run(help);

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("usage: stackdraft COMMAND [ARGUMENTS]\n")
                .contains("\n  graph FILE [--format json|mermaid|dot]\n",
                        "\n  validate FILE [--format text|json]\n",
                        "\n  layers add FILE --function ID --layer LAYER [--position N] [--dry-run]\n",
                        "\n  layers remove FILE --function ID --layer LAYER [--dry-run]\n",
                        "\n  layers move FILE --function ID --layer LAYER --position N [--dry-run]\n",
                        "\n  layers upgrade FILE --layer ARN [--dry-run]\n",
                        "\n  rename FILE OLD_ID NEW_ID [--dry-run]\n",
                        "\n  tags set FILE --resource ID KEY=VALUE... [--dry-run]\n",
                        "\n  tags remove FILE --resource ID KEY... [--dry-run]\n",
                        "Exit status: 0 ok; 1 ");
        assertThat(run.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(110));
    }

    @Test
    void help_after_a_command_prints_only_that_command() {
        Cli.Run run = run("tags", "set", "--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("usage:\n  stackdraft tags set FILE --resource ID KEY=VALUE... [--dry-run]\n")
                .contains("  stackdraft tags remove FILE").doesNotContain("layers");
        assertThat(run("help", "graph").out()).startsWith("usage:\n  stackdraft graph FILE").doesNotContain("validate");
    }

    @Test
    void help_for_an_unknown_command_is_a_usage_error() {
        Cli.Run run = run("help", "deploy");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("stackdraft: unknown command 'deploy'\nusage:\n  stackdraft graph FILE");
    }

    @Test
    void version_prints_the_name_and_a_version() {
        Cli.Run run = run("--version");

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("stackdraft ").hasLineCount(1);
    }

    @Test
    void no_arguments_is_a_usage_error_listing_every_command() {
        Cli.Run run = run();

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("stackdraft: missing a command\nusage:\n  stackdraft graph FILE")
                .contains("  stackdraft tags remove FILE").endsWith("Run 'stackdraft --help' for more.\n");
    }

    @Test
    void an_unknown_command_is_a_usage_error() {
        Cli.Run run = run("lint", "template.yaml");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("stackdraft: unknown command 'lint'\nusage:\n");
    }

    @Test
    void an_unknown_option_is_a_usage_error_that_leaves_the_file_alone() {
        Path file = write(dir, "template.yaml", Templates.SAM);
        byte[] before = bytes(file);

        Cli.Run run = run("layers", "add", file.toString(), "--function", "OrdersFunction", "--layers", Templates.LAYER);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("stackdraft: unknown option --layers\nusage:\n  stackdraft layers add ");
        assertThat(bytes(file)).isEqualTo(before);
    }

    @Test
    void a_missing_argument_is_a_usage_error() {
        assertThat(run("rename", "template.yaml", "Old").err()).startsWith("stackdraft: missing NEW_ID\n");
        assertThat(run("rename", "template.yaml", "Old").status()).isEqualTo(2);
        assertThat(run("graph").err()).startsWith("stackdraft: missing FILE\n");
        assertThat(run("graph", "t.yaml", "--format").err()).startsWith("stackdraft: missing value after --format\n");
        assertThat(run("graph", "a.yaml", "b.yaml").err()).startsWith("stackdraft: unexpected argument 'b.yaml'\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate", "graph", "layers add", "rename", "tags set"})
    void malformed_yaml_gives_exit_1_with_file_line_col_and_no_stack_trace(String command) {
        Path file = write(dir, "template.yaml", Templates.MALFORMED);
        byte[] before = bytes(file);
        List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
        args.add(file.toString());
        args.addAll(switch (command) {
            case "layers add" -> List.of("--function", "Fn", "--layer", Templates.LAYER);
            case "rename" -> List.of("Fn", "Function");
            case "tags set" -> List.of("--resource", "Fn", "team=core");
            default -> List.of();
        });

        Cli.Run run = run(args.toArray(String[]::new));

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).matches(java.util.regex.Pattern.quote(file.toString()) + ":[5-7]:\\d+: [^\n]+\n")
                .doesNotContain("Exception").doesNotContain("at dev.").doesNotContain("at org.");
        assertThat(bytes(file)).isEqualTo(before);
    }

    @Test
    void a_missing_file_gives_exit_1_naming_it() {
        Path missing = dir.resolve("nope.yaml");

        Cli.Run run = run("validate", missing.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualTo(missing + ":1:1: no such file (check the path)\n");
    }

    @Test
    void an_unexpected_exception_is_one_line_with_its_class_and_no_trace() {
        Command failing = new Command() {
            @Override
            public String name() {
                return "boom";
            }

            @Override
            public List<Form> forms() {
                return List.of(new Form("boom", "fails"));
            }

            @Override
            public int run(List<String> args, Output output) {
                throw new IllegalStateException("the engine met a case it did not foresee");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Output output = new Output(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        int status = new StackdraftCli(List.of(failing)).execute(List.of("boom"), output);

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("stackdraft: internal error: the engine met a case it "
                + "did not foresee (java.lang.IllegalStateException; please report it with the template)\n");
    }
}
