package dev.stackdraft.aws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.PublishLayerVersionResponse;

/** Credentials, clients and layers for the tests against moto and the stubs. */
final class AwsFixtures {

    static final String REGION = "eu-west-1";
    /** moto's default account. */
    static final String MOTO_ACCOUNT = "123456789012";
    static final AwsCredentialsProvider TEST_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    private AwsFixtures() {}

    /** Clients with quick retries (10 ms back-off) so that tests of throttling and unreachable endpoints are fast. */
    static AwsClients quickClients() {
        return new AwsClients(TEST_CREDENTIALS, 4, Duration.ofMillis(10), Duration.ofMillis(500), Duration.ofSeconds(10));
    }

    static AwsTarget target(URI endpoint) {
        return AwsTarget.ownCredentials(REGION).withEndpoint(endpoint);
    }

    /** Publishes a version of a layer through the SDK, as `sam deploy` or the console would. */
    static PublishLayerVersionResponse publish(URI endpoint, AwsCredentialsProvider credentials, String name,
                                               String description, List<String> runtimes, List<String> architectures) {
        try (LambdaClient lambda = LambdaClient.builder().region(Region.of(REGION)).endpointOverride(endpoint)
                .credentialsProvider(credentials).build()) {
            return lambda.publishLayerVersion(r -> r.layerName(name).description(description)
                    .compatibleRuntimesWithStrings(runtimes).compatibleArchitecturesWithStrings(architectures)
                    .content(c -> c.zipFile(SdkBytes.fromByteArray(zip("bin/tool", "#!/bin/sh\necho tool\n")))));
        }
    }

    static PublishLayerVersionResponse publish(URI endpoint, String name, String description, List<String> runtimes,
                                               List<String> architectures) {
        return publish(endpoint, TEST_CREDENTIALS, name, description, runtimes, architectures);
    }

    static byte[] zip(String entry, String text) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
