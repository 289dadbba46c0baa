package dev.stackdraft.cli;

import static dev.stackdraft.cli.Cli.bytes;
import static dev.stackdraft.cli.Cli.read;
import static dev.stackdraft.cli.Cli.run;
import static dev.stackdraft.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvCommandTest {

    private static final String SAMCONFIG = """
            # More information about the configuration file can be found here:
            # https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-sam-cli-config.html
            version = 0.1

            [default.global.parameters]
            stack_name = "orders"

            [default.deploy.parameters]
            capabilities = "CAPABILITY_IAM"
            confirm_changeset = true
            resolve_s3 = true
            region = "us-east-1"
            parameter_overrides = "Stage=\\"dev\\" LayerArn=\\"arn:aws:lambda:us-east-1:123456789012:layer:common:3\\""

            # production: deployed from CI
            [prod.deploy.parameters]
            stack_name = "orders-prod"
            region = "eu-west-1"
            parameter_overrides = "Stage=\\"prod\\""
            """;

    @TempDir
    Path dir;

    @Test
    void help_lists_the_three_env_forms_within_the_usual_width() {
        Cli.Run run = run("--help");

        assertThat(run.out()).contains("\n  env list DIR [--format text|json]\n",
                "\n  env set DIR --env NAME --region R [--account ID] [--stack-name S] [--parameter K=V]... [--dry-run]\n",
                "\n  env remove DIR --env NAME [--dry-run]\n", "sam deploy --config-env NAME");
        assertThat(run.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(110));
        assertThat(run("env", "--help").out()).startsWith("usage:\n  stackdraft env list DIR");
    }

    @Test
    void env_list_shows_each_environment_as_sam_deploy_reads_it() {
        write(dir, "samconfig.toml", SAMCONFIG);

        Cli.Run run = run("env", "list", dir.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo("""
                default
                  region: us-east-1
                  stack: orders
                  parameter Stage: dev
                  parameter LayerArn: arn:aws:lambda:us-east-1:123456789012:layer:common:3
                prod
                  region: eu-west-1
                  stack: orders-prod
                  parameter Stage: prod
                """);
        assertThat(run.err()).isEqualTo("stackdraft: 2 environments in " + dir.resolve("samconfig.toml") + "\n");
    }

    @Test
    void env_list_as_json() {
        write(dir, "samconfig.toml", SAMCONFIG);
        write(dir, "template.yaml", Templates.SAM);

        Cli.Run run = run("env", "list", dir.resolve("template.yaml").toString(), "--format", "json");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("{\"name\":\"prod\",\"stackName\":\"orders-prod\",\"region\":\"eu-west-1\","
                + "\"accountId\":null,\"parameterOverrides\":{\"Stage\":\"prod\"},\"tags\":{},\"capabilities\":[]}");
    }

    @Test
    void env_list_without_a_samconfig_says_so() {
        Cli.Run run = run("env", "list", dir.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("no samconfig.toml, samconfig.yaml or samconfig.yml in");
        assertThat(run("env", "list", dir.toString(), "--format", "json").out()).isEqualTo("{\"file\":null,\"environments\":[]}\n");
    }

    @Test
    void env_set_adds_a_new_environment_at_the_end_as_sam_deploy_guided_writes_it() {
        Path file = write(dir, "samconfig.toml", SAMCONFIG);

        Cli.Run run = run("env", "set", dir.toString(), "--env", "staging", "--region", "eu-central-1", "--account",
                "210987654321", "--stack-name", "orders-staging", "--parameter", "Stage=staging");

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEqualTo("stackdraft: Set environment staging (region eu-central-1, stack orders-staging, "
                + "account 210987654321, parameters Stage) (14 lines added)\n");
        assertThat(read(file)).isEqualTo(SAMCONFIG + """

                [staging.deploy.parameters]
                stack_name = "orders-staging"
                resolve_s3 = true
                s3_prefix = "orders-staging"
                region = "eu-central-1"
                capabilities = "CAPABILITY_IAM"
                parameter_overrides = "Stage=\\"staging\\""

                [staging.global.parameters]
                region = "eu-central-1"

                [staging.stackdraft.parameters]
                account_id = "210987654321"
                """);
    }

    @Test
    void env_set_on_an_existing_environment_changes_only_its_lines() {
        Path file = write(dir, "samconfig.toml", SAMCONFIG);

        Cli.Run run = run("env", "set", dir.toString(), "--env", "prod", "--region", "eu-west-2", "--parameter",
                "LayerArn=arn:aws:lambda:eu-west-2:123456789012:layer:common:4", "--dry-run");

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo("--- a" + dir.resolve("samconfig.toml") + "\n+++ b" + dir.resolve("samconfig.toml")
                + "\n" + """
                @@ -15,5 +15,5 @@
                 # production: deployed from CI
                 [prod.deploy.parameters]
                 stack_name = "orders-prod"
                -region = "eu-west-1"
                -parameter_overrides = "Stage=\\"prod\\""
                +region = "eu-west-2"
                +parameter_overrides = "Stage=\\"prod\\" LayerArn=\\"arn:aws:lambda:eu-west-2:123456789012:layer:common:4\\""
                """);
        assertThat(run.err()).endsWith("(2 lines changed; dry run, " + file + " not written)\n");
        assertThat(read(file)).isEqualTo(SAMCONFIG);
    }

    @Test
    void env_set_in_a_folder_without_samconfig_creates_one() {
        Cli.Run run = run("env", "set", dir.toString(), "--env", "dev", "--region", "us-west-2", "--stack-name", "app-dev");

        assertThat(run.status()).isZero();
        assertThat(run.err()).contains("created");
        assertThat(read(dir.resolve("samconfig.toml"))).isEqualTo("""
                version = 0.1

                [dev.deploy.parameters]
                stack_name = "app-dev"
                resolve_s3 = true
                s3_prefix = "app-dev"
                region = "us-west-2"
                capabilities = "CAPABILITY_IAM"

                [dev.global.parameters]
                region = "us-west-2"
                """);
    }

    @Test
    void env_remove_takes_the_environment_and_its_comment_away() {
        Path file = write(dir, "samconfig.toml", SAMCONFIG);

        Cli.Run run = run("env", "remove", dir.toString(), "--env", "prod");

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEqualTo("stackdraft: Remove environment prod (6 lines removed)\n");
        assertThat(read(file)).isEqualTo(SAMCONFIG.substring(0, SAMCONFIG.indexOf("\n\n# production")) + "\n");
    }

    @Test
    void removing_an_environment_that_is_not_there_is_refused_naming_the_others() {
        Path file = write(dir, "samconfig.toml", SAMCONFIG);
        byte[] before = bytes(file);

        Cli.Run run = run("env", "remove", dir.toString(), "--env", "qa");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualTo(file + ":1:1: there is no environment qa in this file (the environments here are: "
                + "default, prod)\n");
        assertThat(bytes(file)).isEqualTo(before);
    }

    @Test
    void a_broken_samconfig_gives_exit_1_with_file_line_col() {
        Path file = write(dir, "samconfig.toml", "version = 0.1\n[default.deploy.parameters]\nstack_name=my_stack\"\n");

        Cli.Run run = run("env", "set", dir.toString(), "--env", "dev", "--region", "us-west-2");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).startsWith(file + ":3:12: ").doesNotContain("Exception");
    }

    @Test
    void bad_arguments_are_usage_errors() {
        write(dir, "samconfig.toml", SAMCONFIG);

        assertThat(run("env", "set", dir.toString(), "--env", "dev").err()).startsWith("stackdraft: missing --region\n");
        assertThat(run("env", "set", dir.toString(), "--env", "dev", "--region", "Mars").err())
                .startsWith("stackdraft: 'Mars' is not an AWS region (e.g. eu-west-1)\nusage:\n  stackdraft env list");
        assertThat(run("env", "set", dir.toString(), "--env", "dev", "--region", "us-east-1", "--account", "12").status())
                .isEqualTo(2);
        assertThat(run("env", "set", dir.toString(), "--env", "dev", "--region", "us-east-1", "--parameter", "Stage").err())
                .startsWith("stackdraft: 'Stage' is not KEY=VALUE\n");
        assertThat(run("env", "deploy", dir.toString()).err()).startsWith("stackdraft: unknown env command 'deploy'");
        assertThat(Files.exists(dir.resolve("samconfig.yaml"))).isFalse();
    }

    @Test
    void a_yaml_samconfig_is_listed_and_edited_in_its_own_style() {
        Path file = write(dir, "samconfig.yaml", """
                version: 0.1
                default:
                  deploy:
                    parameters:
                      stack_name: orders
                      region: us-east-1
                      parameter_overrides:
                        - Stage=dev
                """);

        assertThat(run("env", "list", dir.toString()).out()).contains("default\n  region: us-east-1\n  stack: orders\n"
                + "  parameter Stage: dev\n");
        Cli.Run set = run("env", "set", dir.toString(), "--env", "default", "--region", "eu-west-1", "--parameter",
                "Memory=512");

        assertThat(set.status()).isZero();
        assertThat(read(file)).isEqualTo("""
                version: 0.1
                default:
                  deploy:
                    parameters:
                      stack_name: orders
                      region: eu-west-1
                      parameter_overrides:
                        - Stage=dev
                        - Memory=512
                """);
    }
}
