package dev.stackdraft.cli;

import static dev.stackdraft.cli.Cli.run;
import static dev.stackdraft.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ValidateCommandTest {

    /** {@code OrdersTable} is misspelt at line 21, column 23. */
    private static final String DANGLING = Templates.SAM.replace("TABLE: !Ref OrdersTable", "TABLE: !Ref OrderTable");

    @TempDir
    Path dir;

    @Test
    void a_clean_template_exits_0_and_prints_no_findings() {
        Path file = write(dir, "template.yaml", Templates.SAM);

        Cli.Run run = run("validate", file.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("stackdraft: " + file + ": 0 errors, 0 warnings\n");
    }

    @Test
    void an_error_exits_1_with_its_line_and_column() {
        Path file = write(dir, "template.yaml", DANGLING);

        Cli.Run run = run("validate", file.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out().lines()).singleElement().asString()
                .startsWith(file + ":21:23: error: ").contains("OrderTable").endsWith(" [unresolved-reference]");
        assertThat(run.err()).isEqualTo("stackdraft: " + file + ": 1 error, 0 warnings\n");
    }

    @Test
    void warnings_alone_exit_0() {
        Path file = write(dir, "template.yaml", Templates.SAM.replace("Value: !GetAtt OrdersTable.Arn",
                "Value: !Rain::Embed banner.txt"));

        Cli.Run run = run("validate", file.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith(file + ":27:12: warning: unknown tag !Rain::Embed").endsWith("[unknown-tag]\n");
    }

    @Test
    void findings_as_json() {
        Path file = write(dir, "template.yaml", DANGLING);

        Cli.Run run = run("validate", file.toString(), "--format", "json");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("file").asString()).isEqualTo(file.toString());
        assertThat(report.get("errors").asInt()).isEqualTo(1);
        assertThat(report.get("warnings").asInt()).isZero();
        JsonNode finding = report.get("findings").get(0);
        assertThat(finding.get("severity").asString()).isEqualTo("error");
        assertThat(finding.get("code").asString()).isEqualTo("unresolved-reference");
        assertThat(finding.get("line").asInt()).isEqualTo(21);
        assertThat(finding.get("column").asInt()).isEqualTo(23);
        assertThat(finding.get("message").asString()).contains("OrderTable");
    }

    @Test
    void a_duplicate_key_in_json_is_an_error_at_its_line() {
        Path file = write(dir, "template.json", """
                {
                  "Resources": {
                    "Topic": {"Type": "AWS::SNS::Topic"},
                    "Topic": {"Type": "AWS::SQS::Queue"}
                  }
                }
                """);

        Cli.Run run = run("validate", file.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).startsWith(file + ":4:").contains(": error: ").endsWith("[duplicate-key]\n");
    }

    @Test
    void a_serverless_yml_validates() {
        Path file = write(dir, "serverless.yml", Templates.SERVERLESS);

        Cli.Run run = run("validate", file.toString());

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEqualTo("stackdraft: " + file + ": 0 errors, 0 warnings\n");
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
}
