package dev.stackdraft.cli;

import static dev.stackdraft.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.aws.MotoServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * {@code layers available} and {@code aws ...} against a real moto_server. In-process runs point the SDK at moto
 * through its system properties ({@code aws.endpointUrl}, {@code aws.accessKeyId} ...), the same settings that
 * {@code AWS_ENDPOINT_URL} and friends give; one run is a real process with those environment variables.
 */
class AwsCommandsTest {

    private static final Map<String, String> SDK_SETTINGS = Map.of("aws.accessKeyId", "testing",
            "aws.secretAccessKey", "testing", "aws.region", "eu-west-1");

    @TempDir
    Path dir;

    private MotoServer moto;
    private Path config;

    @BeforeEach
    void moto() {
        Assumptions.assumeTrue(MotoServer.shared().isPresent(), () -> "skipped: " + MotoServer.whyNot());
        moto = MotoServer.shared().orElseThrow();
        moto.reset();
        SDK_SETTINGS.forEach(System::setProperty);
        System.setProperty("aws.endpointUrl", moto.endpoint().toString());
        config = dir.resolve("aws-accounts.json");
    }

    @AfterEach
    void forgetSettings() {
        SDK_SETTINGS.keySet().forEach(System::clearProperty);
        System.clearProperty("aws.endpointUrl");
    }

    private void publish(String name, String description, List<String> runtimes, List<String> architectures) {
        try (LambdaClient lambda = LambdaClient.builder().region(Region.EU_WEST_1).endpointOverride(moto.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build()) {
            lambda.publishLayerVersion(r -> r.layerName(name).description(description)
                    .compatibleRuntimesWithStrings(runtimes).compatibleArchitecturesWithStrings(architectures)
                    .content(c -> c.zipFile(SdkBytes.fromUtf8String("not really a zip"))));
        }
    }

    @Test
    void layers_available_reaches_the_endpoint_of_AWS_ENDPOINT_URL_in_a_real_process() throws Exception {
        publish("python-utils", "utils 1", List.of("python3.12"), List.of("x86_64"));
        publish("python-utils", "utils 2", List.of("python3.13"), List.of("arm64"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StackdraftCli.class.getName(),
                "layers", "available", "--region", "eu-west-1", "--runtime", "python3.12"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString(), "AWS_ACCESS_KEY_ID", "testing",
                "AWS_SECRET_ACCESS_KEY", "testing", "AWS_CONFIG_FILE", dir.resolve("none").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", dir.resolve("none").toString()));
        builder.environment().remove("AWS_PROFILE");
        Process process = builder.redirectError(dir.resolve("err").toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(Files.readString(dir.resolve("err"))).isZero();
        assertThat(out).startsWith("python-utils  arn:aws:lambda:eu-west-1:123456789012:layer:python-utils\n")
                .contains("\n  2  python3.13  arm64  ")
                .contains("utils 2  (latest)  DOES NOT FIT: python-utils:2 is for python3.13, not python3.12. "
                        + "python-utils:2 is built for arm64, not x86_64.\n")
                .containsPattern("\n  1  python3.12  x86_64  \\d{4}-\\d\\d-\\d\\d  utils 1\n");
        assertThat(Files.readString(dir.resolve("err")))
                .isEqualTo("stackdraft: 1 layer in region eu-west-1\n");
    }

    @Test
    void layers_available_as_json_marks_what_does_not_fit() {
        publish("node-tools", "tools", List.of("nodejs22.x"), List.of("arm64"));

        Cli.Run run = run("layers", "available", "--region", "eu-west-1", "--runtime", "nodejs22.x", "--arch", "x86_64",
                "--format", "json");

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("{\"region\":\"eu-west-1\",\"layers\":[{\"name\":\"node-tools\","
                        + "\"arn\":\"arn:aws:lambda:eu-west-1:123456789012:layer:node-tools\",\"versions\":[{"
                        + "\"arn\":\"arn:aws:lambda:eu-west-1:123456789012:layer:node-tools:1\",\"version\":1,"
                        + "\"description\":\"tools\",\"runtimes\":[\"nodejs22.x\"],\"architectures\":[\"arm64\"],\"created\":")
                .endsWith(",\"latest\":true,\"fits\":false,\"misfits\":[\"node-tools:1 is built for arm64, not x86_64.\"]}]}]}\n");
    }

    @Test
    void an_unreachable_endpoint_is_one_line_and_exit_status_1() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        System.setProperty("aws.endpointUrl", URI.create("http://127.0.0.1:" + closed).toString());

        Cli.Run run = run("layers", "available", "--region", "eu-west-1");

        assertThat(run.status()).isEqualTo(StackdraftCli.FAILED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("stackdraft: Could not reach AWS listing the Lambda layers in region eu-west-1 "
                + "(connection refused").endsWith("AWS_ENDPOINT_URL if it is set.\n").hasLineCount(1);
    }

    @Test
    void usage_errors_of_layers_available_are_status_2() {
        assertThat(run("layers", "available").status()).isEqualTo(StackdraftCli.USAGE);
        Cli.Run arch = run("layers", "available", "--region", "eu-west-1", "--arch", "sparc");
        assertThat(arch.status()).isEqualTo(StackdraftCli.USAGE);
        assertThat(arch.err()).startsWith("stackdraft: --arch takes x86_64 or arm64, not 'sparc'\n");
    }

    @Test
    void accounts_are_linked_listed_checked_and_unlinked_in_an_owner_only_file() throws IOException {
        Cli.Run dry = run("aws", "link", "prod", "--account", "111122223333", "--role-arn",
                "arn:aws:iam::111122223333:role/stackdraft", "--external-id", "ext-secret-42", "--config", config.toString(),
                "--dry-run");
        assertThat(dry.status()).isZero();
        assertThat(config).doesNotExist();

        Cli.Run link = run("aws", "link", "prod", "--account", "111122223333", "--role-arn",
                "arn:aws:iam::111122223333:role/stackdraft", "--external-id", "ext-secret-42", "--config", config.toString());
        assertThat(link.err()).isEqualTo("stackdraft: Linked the AWS account prod (111122223333, role "
                + "arn:aws:iam::111122223333:role/stackdraft with an external id) in " + config + "\n");
        assertThat(run("aws", "link", "sandbox", "--account", "444455556666", "--config", config.toString()).status()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");

        Cli.Run list = run("aws", "accounts", "--config", config.toString());
        assertThat(list.out()).isEqualTo("prod  111122223333  arn:aws:iam::111122223333:role/stackdraft  (external id set)\n"
                + "sandbox  444455556666  own credentials\n");
        Cli.Run json = run("aws", "accounts", "--config", config.toString(), "--format", "json");
        assertThat(json.out()).isEqualTo("[{\"name\":\"prod\",\"accountId\":\"111122223333\",\"roleArn\":"
                + "\"arn:aws:iam::111122223333:role/stackdraft\",\"externalId\":true},{\"name\":\"sandbox\",\"accountId\":"
                + "\"444455556666\",\"roleArn\":null,\"externalId\":false}]\n");
        assertThat(list.out() + list.err() + json.out()).doesNotContain("ext-secret-42");

        Cli.Run check = run("aws", "check", "prod", "--region", "eu-west-1", "--config", config.toString());
        assertThat(check.status()).as(check.err()).isZero();
        assertThat(check.out()).startsWith("as arn:aws:sts::111122223333:assumed-role/stackdraft/")
                .contains("\nsts:AssumeRole  allowed\nsts:GetCallerIdentity  allowed\nlambda:ListLayers  allowed\n");
        assertThat(check.err()).isEqualTo("stackdraft: prod (account 111122223333, region eu-west-1 (as "
                + "arn:aws:iam::111122223333:role/stackdraft)): everything Stackdraft needs is allowed\n");

        assertThat(run("aws", "unlink", "prod", "--config", config.toString(), "--dry-run").status()).isZero();
        assertThat(Files.readString(config)).contains("\"prod\"");
        Cli.Run unlink = run("aws", "unlink", "prod", "--config", config.toString());
        assertThat(unlink.err()).isEqualTo("stackdraft: Unlinked the AWS account prod from " + config + "\n");
        assertThat(run("aws", "accounts", "--config", config.toString()).out()).isEqualTo("sandbox  444455556666  own credentials\n");
        Cli.Run again = run("aws", "unlink", "prod", "--config", config.toString());
        assertThat(again.status()).isEqualTo(StackdraftCli.FAILED);
        assertThat(again.err()).isEqualTo("stackdraft: there is no AWS account named prod in " + config + "\n");
    }

    @Test
    void layers_available_uses_a_linked_role() {
        assertThat(run("aws", "link", "other", "--account", "111122223333", "--role-arn",
                "arn:aws:iam::111122223333:role/stackdraft", "--config", config.toString()).status()).isZero();
        publish("in-default-account", "", List.of(), List.of());

        Cli.Run run = run("layers", "available", "--region", "eu-west-1", "--account", "other", "--config", config.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("stackdraft: 0 layers in account 111122223333, region eu-west-1 (as "
                + "arn:aws:iam::111122223333:role/stackdraft)\n");
    }

    @Test
    void what_cannot_be_linked_is_said_in_a_sentence_and_a_readable_file_is_refused() throws IOException {
        Cli.Run bad = run("aws", "link", "prod", "--account", "1234", "--config", config.toString());
        assertThat(bad.status()).isEqualTo(StackdraftCli.FAILED);
        assertThat(bad.err()).isEqualTo("stackdraft: The account id '1234' is not 12 digits.\n");
        assertThat(config).doesNotExist();

        run("aws", "link", "prod", "--account", "111122223333", "--config", config.toString());
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        Cli.Run readable = run("aws", "accounts", "--config", config.toString());
        assertThat(readable.status()).isEqualTo(StackdraftCli.FAILED);
        assertThat(readable.err()).isEqualTo("stackdraft: " + config + " can be read by others (rw-r--r--) and holds "
                + "external ids: run chmod 600 " + config + ".\n");
    }
}
