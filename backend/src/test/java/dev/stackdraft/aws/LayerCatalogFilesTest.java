package dev.stackdraft.aws;

import static dev.stackdraft.aws.AwsFixtures.MOTO_ACCOUNT;
import static dev.stackdraft.aws.AwsFixtures.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.stackdraft.config.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The files of a layer version: {@code GetLayerVersion} through a local Lambda stub whose {@code Content.Location}
 * points at a local HTTP server serving the zip (as the pre-signed S3 URL does in AWS), and what moto answers.
 */
class LayerCatalogFilesTest {

    private static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:layer:bash-runtime:3";

    private final AwsClients clients = AwsFixtures.quickClients();
    private final LambdaStub lambda = new LambdaStub();
    private final ZipServer zips = new ZipServer();

    @AfterEach
    void close() {
        clients.close();
        lambda.close();
        zips.close();
    }

    private LayerCatalog catalog(long maxBytes) {
        return new LayerCatalog(clients, new TestClock(), LayerCatalog.DEFAULT_TTL, maxBytes);
    }

    /** GetLayerVersion answers with the zip server's URL as the content's location. */
    private void layerAt(String location, long size) {
        lambda.otherwise(request -> new LambdaStub.Answer(200, "", """
                {"LayerArn": "arn:aws:lambda:eu-west-1:123456789012:layer:bash-runtime",
                 "LayerVersionArn": "%s", "Version": 3, "Description": "shell runtime",
                 "CreatedDate": "2025-11-27T15:10:45.123+0000", "CompatibleRuntimes": ["provided.al2023"],
                 "Content": {"Location": "%s", "CodeSha256": "abc=", "CodeSize": %d}}
                """.formatted(ARN, location, size)));
    }

    @Test
    void the_files_of_a_layer_version_are_the_names_in_its_zip() {
        byte[] zip = zip(z -> {
            entry(z, "bootstrap", "#!/bin/sh\n");
            entry(z, "bin/", null);
            entry(z, "bin/tool", "#!/bin/sh\necho tool\n");
            entry(z, "./lib/libx.so", "x");
        });
        zips.serve(zip);
        layerAt(zips.url(), zip.length);

        List<String> files = catalog(LayerCatalog.MAX_CONTENT_BYTES)
                .files(AwsFixtures.target(lambda.endpoint()), LayerVersionArn.parse(ARN));

        assertThat(files).as("folders left out; ./ dropped as Lambda's extraction does").containsExactly("bootstrap",
                "bin/tool", "lib/libx.so");
        assertThat(lambda.requests()).singleElement().satisfies(r -> assertThat(r.pathAndQuery())
                .isEqualTo("/2018-10-31/layers/arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Alayer%3Abash-runtime"
                        + "/versions/3"));
    }

    @Test
    void a_version_is_listed_once_and_kept() {
        byte[] zip = zip(z -> entry(z, "bootstrap", "#!/bin/sh\n"));
        zips.serve(zip);
        layerAt(zips.url(), zip.length);
        LayerCatalog catalog = catalog(LayerCatalog.MAX_CONTENT_BYTES);
        AwsTarget target = AwsFixtures.target(lambda.endpoint());

        catalog.files(target, LayerVersionArn.parse(ARN));
        List<String> again = catalog.files(target, LayerVersionArn.parse(ARN));

        assertThat(again).containsExactly("bootstrap");
        assertThat(lambda.requests()).hasSize(1);
        assertThat(zips.downloads.get()).isEqualTo(1);
    }

    @Test
    void content_larger_than_the_limit_is_refused_with_a_sentence() {
        byte[] big = zip(z -> entry(z, "data.bin", "x".repeat(10_000), ZipEntry.STORED));
        String refusal = "The content of the layer version " + ARN + " is larger than 0.01 MB, Lambda's limit for a "
                + "function's code and layers unzipped: its files are not listed.";
        AwsTarget target = AwsFixtures.target(lambda.endpoint());
        long limit = 10_485; // 0.01 MB

        // as GetLayerVersion says: never downloaded
        layerAt(zips.url(), 20_000);
        assertThatThrownBy(() -> catalog(limit).files(target, LayerVersionArn.parse(ARN))).hasMessage(refusal);
        assertThat(zips.downloads.get()).isZero();

        // as the download says, with no length announced: stopped while streaming
        zips.serveChunked(big);
        layerAt(zips.url(), 0);
        assertThatThrownBy(() -> catalog(limit / 2).files(target, LayerVersionArn.parse(ARN)))
                .isInstanceOf(AwsException.class).hasMessageContaining("is larger than 0.00 MB");

        // as it inflates: a small zip of much data (a zip bomb, in small)
        byte[] bomb = zip(z -> entry(z, "zeros", "\0".repeat(200_000)));
        assertThat(bomb.length).isLessThan(2_000);
        zips.serve(bomb);
        layerAt(zips.url(), bomb.length);
        assertThatThrownBy(() -> catalog(limit).files(target, LayerVersionArn.parse(ARN))).hasMessage(refusal);
    }

    @Test
    void an_expired_link_a_failed_download_and_content_that_is_no_zip_are_sentences() {
        AwsTarget target = AwsFixtures.target(lambda.endpoint());
        LayerCatalog catalog = catalog(LayerCatalog.MAX_CONTENT_BYTES);

        zips.fail(403);
        layerAt(zips.url(), 100);
        assertThatThrownBy(() -> catalog.files(target, LayerVersionArn.parse(ARN))).isInstanceOf(AwsException.class)
                .hasMessage("Downloading the content of the layer version " + ARN + " was refused (HTTP 403): its "
                        + "pre-signed link lasts about ten minutes and may have expired; try again.");

        zips.fail(500);
        assertThatThrownBy(() -> catalog.files(target, LayerVersionArn.parse(ARN)))
                .hasMessage("Downloading the content of the layer version " + ARN + " failed (HTTP 500); try again "
                        + "later.");

        zips.serve("<html>not a zip</html>".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> catalog.files(target, LayerVersionArn.parse(ARN)))
                .hasMessage("The content of the layer version " + ARN + " is not a zip archive (or an empty one): its "
                        + "files cannot be listed.");

        String closed = "http://127.0.0.1:" + freePort() + "/layer.zip";
        layerAt(closed, 100);
        assertThatThrownBy(() -> catalog.files(target, LayerVersionArn.parse(ARN)))
                .hasMessage("Could not download the content of the layer version " + ARN + " (connection refused); "
                        + "check the network and try again.");
    }

    @Test
    void a_version_that_does_not_exist_or_may_not_be_read_says_so() {
        AwsTarget target = AwsFixtures.target(lambda.endpoint()).withAccount("123456789012");
        lambda.then(404, "ResourceNotFoundException", "{\"Message\":\"Layer version not found\"}")
                .then(403, "AccessDeniedException", "{\"Message\":\"User: arn:aws:iam::123456789012:user/ci is not "
                        + "authorized to perform: lambda:GetLayerVersion\"}");
        LayerCatalog catalog = catalog(LayerCatalog.MAX_CONTENT_BYTES);

        assertThatThrownBy(() -> catalog.files(target, LayerVersionArn.parse(ARN)))
                .hasMessage("The layer version " + ARN + " does not exist in account 123456789012, region eu-west-1 "
                        + "(deleted, or a typo in the name or version).");
        assertThatThrownBy(() -> catalog.files(target, LayerVersionArn.parse(ARN)))
                .hasMessage("Access denied reading the layer version " + ARN + " in account 123456789012, region "
                        + "eu-west-1 (AccessDeniedException: User: arn:aws:iam::123456789012:user/ci is not authorized "
                        + "to perform: lambda:GetLayerVersion); allow lambda:GetLayerVersion to these credentials.");
        assertThat(zips.downloads.get()).isZero();
    }

    @Test
    void moto_reads_the_version_but_gives_no_location_to_download_it_from() {
        Assumptions.assumeTrue(MotoServer.shared().isPresent(), () -> "skipped: " + MotoServer.whyNot());
        MotoServer moto = MotoServer.shared().orElseThrow();
        moto.reset();
        URI endpoint = moto.endpoint();
        byte[] zip = zip(z -> {
            entry(z, "bootstrap", "#!/bin/sh\n");
            entry(z, "bin/tool", "#!/bin/sh\necho tool\n");
        });
        try (LambdaClient client = LambdaClient.builder().region(software.amazon.awssdk.regions.Region.of(REGION))
                .endpointOverride(endpoint).credentialsProvider(AwsFixtures.TEST_CREDENTIALS).build()) {
            client.publishLayerVersion(r -> r.layerName("bash-runtime").compatibleRuntimesWithStrings("provided.al2023")
                    .content(c -> c.zipFile(SdkBytes.fromByteArray(zip))));
        }
        LayerVersionArn arn = LayerVersionArn.parse("arn:aws:lambda:" + REGION + ":" + MOTO_ACCOUNT
                + ":layer:bash-runtime:1");
        LayerCatalog catalog = catalog(LayerCatalog.MAX_CONTENT_BYTES);

        // moto 5 answers "s3://" as every layer's location: nothing to download; AWS answers a pre-signed https URL
        assertThat(catalog.content(AwsFixtures.target(endpoint), arn).location()).isEqualTo("s3://");
        assertThatThrownBy(() -> catalog.files(AwsFixtures.target(endpoint), arn)).isInstanceOf(AwsException.class)
                .hasMessage("Lambda gave no location to download the content of the layer version " + arn + " from "
                        + "('s3://'), so its files cannot be listed.");
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip(Consumer<ZipOutputStream> entries) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entries.accept(zip);
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void entry(ZipOutputStream zip, String name, String text) {
        entry(zip, name, text, ZipEntry.DEFLATED);
    }

    private static void entry(ZipOutputStream zip, String name, String text, int method) {
        try {
            ZipEntry entry = new ZipEntry(name);
            byte[] data = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
            if (method == ZipEntry.STORED) {
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(data);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(data.length);
                entry.setCrc(crc.getValue());
            }
            zip.putNextEntry(entry);
            zip.write(data);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves one zip (or one failure) at /layer.zip, as S3 serves a pre-signed URL; counts the downloads. */
    private static final class ZipServer implements AutoCloseable {

        final AtomicInteger downloads = new AtomicInteger();
        private final AtomicReference<byte[]> body = new AtomicReference<>(new byte[0]);
        private volatile int status = 200;
        private volatile boolean chunked;
        private final HttpServer server;

        ZipServer() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/layer.zip", exchange -> {
                downloads.incrementAndGet();
                byte[] bytes = status == 200 ? body.get() : "<Error><Code>AccessDenied</Code></Error>".getBytes(
                        StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                } catch (IOException e) {
                    // the client stopped reading: what the limit is for
                }
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/layer.zip?X-Amz-Signature=abc";
        }

        void serve(byte[] zip) {
            body.set(zip);
            status = 200;
            chunked = false;
        }

        void serveChunked(byte[] zip) {
            serve(zip);
            chunked = true;
        }

        void fail(int httpStatus) {
            status = httpStatus;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
