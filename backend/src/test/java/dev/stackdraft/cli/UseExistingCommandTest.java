package dev.stackdraft.cli;

import static dev.stackdraft.cli.Cli.bytes;
import static dev.stackdraft.cli.Cli.read;
import static dev.stackdraft.cli.Cli.run;
import static dev.stackdraft.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.environment.Environments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UseExistingCommandTest {

    private static final String CENTRAL = "arn:aws:dynamodb:eu-west-1:123456789012:table/Central";
    private static final String SAMCONFIG = """
            version = 0.1

            [default.deploy.parameters]
            stack_name = "orders"
            region = "us-east-1"
            parameter_overrides = "Stage=\\"dev\\""

            # production: deployed from CI
            [prod.deploy.parameters]
            stack_name = "orders-prod"
            region = "eu-west-1"
            parameter_overrides = "Stage=\\"prod\\""
            """;

    @TempDir
    Path dir;

    private Map<String, String> overrides(String env) {
        return Environments.read(dir).environment(env).orElseThrow().parameterOverrides();
    }

    @Test
    void help_lists_both_forms() {
        Cli.Run run = run("use-existing", "--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("usage:\n  stackdraft use-existing set FILE --resource ID --env ENV --arn ARN")
                .contains("\n  stackdraft use-existing clear FILE --resource ID [--env ENV] [--dry-run]\n");
        assertThat(run("--help").out()).contains("\n  use-existing set FILE", "ARN (use-existing) is checked");
    }

    @Test
    void set_switches_the_template_and_creates_the_samconfig_with_the_new_environment() {
        Path file = write(dir, "template.yaml", Templates.SAM);

        Cli.Run run = run("use-existing", "set", file.toString(), "--resource", "OrdersTable", "--env", "prod",
                "--region", "eu-west-1", "--arn", CENTRAL);

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("stackdraft: Environment prod uses the existing " + CENTRAL + " for OrdersTable (template.yaml: ")
                .contains("samconfig.toml: ").contains(", created)");
        assertThat(read(file)).contains("  OrdersTableExistingArn:\n    Type: String\n    Default: ''\n",
                "  OrdersTableIsNew: !Equals [!Ref OrdersTableExistingArn, '']\n",
                "    Condition: OrdersTableIsNew\n",
                "          TABLE: !If\n            - OrdersTableIsNew\n            - !Ref OrdersTable\n",
                "    Value: !If [OrdersTableIsNew, !GetAtt OrdersTable.Arn, !Ref OrdersTableExistingArn]\n");
        assertThat(overrides("prod")).containsExactly(Map.entry("OrdersTableExistingArn", CENTRAL));
        assertThat(Environments.read(dir).environment("prod").orElseThrow().region()).isEqualTo("eu-west-1");
    }

    @Test
    void a_new_environment_without_its_region_is_a_usage_error_and_nothing_is_written() {
        Path file = write(dir, "template.yaml", Templates.SAM);

        Cli.Run run = run("use-existing", "set", file.toString(), "--resource", "OrdersTable", "--env", "prod", "--arn", CENTRAL);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("stackdraft: there is no environment prod in " + dir.resolve("samconfig.toml")
                + " yet: give --region to create it (as env set does)\nusage:\n  stackdraft use-existing set");
        assertThat(read(file)).isEqualTo(Templates.SAM);
        assertThat(dir.toFile().list()).containsExactly("template.yaml");
    }

    @Test
    void set_for_a_second_environment_changes_only_its_parameter_overrides() {
        Path file = write(dir, "template.yaml", Templates.SAM);
        write(dir, "samconfig.toml", SAMCONFIG);
        assertThat(run("use-existing", "set", file.toString(), "--resource", "OrdersTable", "--env", "prod", "--arn", CENTRAL)
                .status()).isZero();
        String switched = read(file);

        Cli.Run run = run("use-existing", "set", file.toString(), "--resource", "OrdersTable", "--env", "default",
                "--arn", "arn:aws:dynamodb:us-east-1:123456789012:table/Shared");

        assertThat(run.status()).isZero();
        assertThat(run.err()).doesNotContain("template.yaml:").contains("samconfig.toml: 1 line changed");
        assertThat(read(file)).isEqualTo(switched);
        assertThat(overrides("default")).containsExactly(Map.entry("Stage", "dev"),
                Map.entry("OrdersTableExistingArn", "arn:aws:dynamodb:us-east-1:123456789012:table/Shared"));
        assertThat(overrides("prod")).containsExactly(Map.entry("Stage", "prod"), Map.entry("OrdersTableExistingArn", CENTRAL));
        assertThat(read(dir.resolve("samconfig.toml"))).contains("# production: deployed from CI\n[prod.deploy.parameters]\n");
    }

    @Test
    void dry_run_prints_both_diffs_and_writes_nothing() {
        Path file = write(dir, "template.yaml", Templates.SAM);
        Path samconfig = write(dir, "samconfig.toml", SAMCONFIG);
        byte[] before = bytes(samconfig);

        Cli.Run run = run("use-existing", "set", file.toString(), "--resource", "OrdersTable", "--env", "prod", "--arn", CENTRAL,
                "--dry-run");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("--- a/" + file.toString().substring(1), "+    Condition: OrdersTableIsNew",
                "--- a/" + samconfig.toString().substring(1),
                "+parameter_overrides = \"Stage=\\\"prod\\\" OrdersTableExistingArn=\\\"" + CENTRAL + "\\\"\"");
        assertThat(run.err()).contains("dry run, nothing written");
        assertThat(read(file)).isEqualTo(Templates.SAM);
        assertThat(bytes(samconfig)).isEqualTo(before);
    }

    @Test
    void an_arn_of_another_type_is_refused_with_what_is_wrong_and_nothing_is_written() {
        Path file = write(dir, "template.yaml", Templates.SAM);
        write(dir, "samconfig.toml", SAMCONFIG);

        Cli.Run run = run("use-existing", "set", file.toString(), "--resource", "OrdersTable", "--env", "prod",
                "--arn", "arn:aws:sqs:eu-west-1:123456789012:orders");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("stackdraft: --arn arn:aws:sqs:eu-west-1:123456789012:orders is not an ARN of "
                + "AWS::DynamoDB::Table: service 'sqs' is not that of AWS::DynamoDB::Table: its ARNs are "
                + "arn:PARTITION:dynamodb:REGION:ACCOUNT:table/NAME, e.g. arn:aws:dynamodb:us-east-1:123456789012:table/Orders\n");
        assertThat(read(file)).isEqualTo(Templates.SAM);
        assertThat(read(dir.resolve("samconfig.toml"))).isEqualTo(SAMCONFIG);
    }

    @Test
    void a_value_the_arn_cannot_tell_is_given_with_value_and_an_unknown_one_is_a_usage_error() {
        Path file = write(dir, "template.yaml", Templates.SAM + "  Stream:\n    Value: !GetAtt OrdersTable.StreamArn\n");
        write(dir, "samconfig.toml", SAMCONFIG);

        Cli.Run unknown = run("use-existing", "set", file.toString(), "--resource", "OrdersTable", "--env", "prod", "--arn", CENTRAL,
                "--value", "Nonsense=x");
        Cli.Run missing = run("use-existing", "set", file.toString(), "--resource", "OrdersTable", "--env", "prod", "--arn", CENTRAL,
                "--dry-run");
        Cli.Run run = run("use-existing", "set", file.toString(), "--resource", "OrdersTable", "--env", "prod", "--arn", CENTRAL,
                "--value", "StreamArn=" + CENTRAL + "/stream/2024-01-01T00:00:00.000");

        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("stackdraft: --value Nonsense: OrdersTable's further values are OrdersTableExistingStreamArn\n");
        assertThat(missing.err()).contains("it needs OrdersTableExistingStreamArn too (--value NAME=VALUE)");
        assertThat(run.status()).isZero();
        assertThat(overrides("prod")).containsEntry("OrdersTableExistingStreamArn", CENTRAL + "/stream/2024-01-01T00:00:00.000");
    }

    @Test
    void clear_with_env_takes_that_environments_values_out_and_keeps_the_template_switched() {
        Path file = write(dir, "template.yaml", Templates.SAM);
        write(dir, "samconfig.toml", SAMCONFIG);
        run("use-existing", "set", file.toString(), "--resource", "OrdersTable", "--env", "prod", "--arn", CENTRAL);
        run("use-existing", "set", file.toString(), "--resource", "OrdersTable", "--env", "default", "--arn", CENTRAL);
        String switched = read(file);

        Cli.Run run = run("use-existing", "clear", file.toString(), "--resource", "OrdersTable", "--env", "prod");

        assertThat(run.status()).isZero();
        assertThat(run.err()).startsWith("stackdraft: Environment prod creates OrdersTable again (samconfig.toml: 1 line changed)");
        assertThat(read(file)).isEqualTo(switched);
        assertThat(overrides("prod")).containsExactly(Map.entry("Stage", "prod"));
        assertThat(overrides("default")).containsEntry("OrdersTableExistingArn", CENTRAL);
    }

    @Test
    void clear_without_env_gives_back_the_template_byte_for_byte_and_every_environments_values_go() {
        Path file = write(dir, "template.yaml", Templates.SAM);
        write(dir, "samconfig.toml", SAMCONFIG);
        run("use-existing", "set", file.toString(), "--resource", "OrdersTable", "--env", "prod", "--arn", CENTRAL);
        run("use-existing", "set", file.toString(), "--resource", "OrdersTable", "--env", "default", "--arn", CENTRAL);

        Cli.Run run = run("use-existing", "clear", file.toString(), "--resource", "OrdersTable");

        assertThat(run.status()).isZero();
        assertThat(run.err()).startsWith("stackdraft: Every environment creates OrdersTable again (template.yaml: ");
        assertThat(read(file)).isEqualTo(Templates.SAM);
        assertThat(read(dir.resolve("samconfig.toml"))).isEqualTo(SAMCONFIG);
        assertThat(run("use-existing", "clear", file.toString(), "--resource", "OrdersTable").err())
                .contains("nothing to change");
    }

    @Test
    void a_resource_use_existing_cannot_switch_is_refused_with_its_place_and_exit_1() {
        Path file = write(dir, "template.yaml", Templates.SAM.replace("  OrdersFunction:\n    Type: AWS::Serverless::Function\n",
                "  OrdersFunction:\n    Type: AWS::Serverless::Function\n    DependsOn: OrdersTable\n"));

        Cli.Run run = run("use-existing", "set", file.toString(), "--resource", "OrdersTable", "--env", "prod",
                "--region", "eu-west-1", "--arn", CENTRAL);
        Cli.Run missing = run("use-existing", "set", file.toString(), "--resource", "Nope", "--env", "prod",
                "--region", "eu-west-1", "--arn", CENTRAL);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).startsWith(file + ":14:16: 'OrdersFunction' DependsOn OrdersTable, and DependsOn cannot name");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).startsWith(file + ":1:1: there is no resource 'Nope'");
        assertThat(dir.toFile().list()).containsExactly("template.yaml");
    }

    @Test
    void unknown_verbs_and_missing_options_are_usage_errors() {
        Path file = write(dir, "template.yaml", Templates.SAM);

        assertThat(run("use-existing", "toggle", file.toString()).status()).isEqualTo(2);
        assertThat(run("use-existing", "set", file.toString(), "--resource", "OrdersTable", "--env", "prod").err())
                .startsWith("stackdraft: missing --arn");
        assertThat(run("use-existing", "clear", file.toString()).status()).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("samconfig.toml"))).isFalse();
    }
}
