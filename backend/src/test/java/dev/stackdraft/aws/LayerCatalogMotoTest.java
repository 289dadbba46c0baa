package dev.stackdraft.aws;

import static dev.stackdraft.aws.AwsFixtures.MOTO_ACCOUNT;
import static dev.stackdraft.aws.AwsFixtures.REGION;
import static dev.stackdraft.aws.AwsFixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.config.TestClock;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** The layers of an account as a real moto_server lists them: versions, runtimes, architectures, cache, roles. */
class LayerCatalogMotoTest {

    private static MotoServer moto;

    private final TestClock clock = new TestClock();
    private final AwsClients clients = AwsFixtures.quickClients();
    private final LayerCatalog catalog = new LayerCatalog(clients, clock, LayerCatalog.DEFAULT_TTL);
    private URI endpoint;

    @BeforeAll
    static void needsMoto() {
        Assumptions.assumeTrue(MotoServer.shared().isPresent(), () -> "skipped: " + MotoServer.whyNot());
        moto = MotoServer.shared().orElseThrow();
    }

    @BeforeEach
    void emptyAccount() {
        moto.reset();
        endpoint = moto.endpoint();
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    void layers_of_the_account_are_listed_with_every_version() {
        publish(endpoint, "python-utils", "utils 1", List.of("python3.11"), List.of("x86_64"));
        publish(endpoint, "python-utils", "utils 2", List.of("python3.12", "python3.13"), List.of("x86_64", "arm64"));
        publish(endpoint, "python-utils", "utils 3", List.of("python3.13"), List.of("arm64"));
        publish(endpoint, "bash-runtime", "bootstrap for a shell runtime", List.of("provided.al2023"), List.of());

        List<Layer> layers = catalog.layers(AwsFixtures.target(endpoint));

        assertThat(layers).extracting(Layer::name).containsExactly("bash-runtime", "python-utils");
        Layer utils = layers.get(1);
        assertThat(utils.layerArn()).isEqualTo("arn:aws:lambda:" + REGION + ":" + MOTO_ACCOUNT + ":layer:python-utils");
        assertThat(utils.versions()).extracting(LayerVersion::version).containsExactly(3L, 2L, 1L);
        LayerVersion second = utils.version(2).orElseThrow();
        assertThat(second.arn().toString()).isEqualTo(utils.layerArn() + ":2");
        assertThat(second.description()).isEqualTo("utils 2");
        assertThat(second.runtimes()).containsExactly("python3.12", "python3.13");
        assertThat(second.architectures()).containsExactly("x86_64", "arm64");
        assertThat(second.created()).isNotNull();
        assertThat(layers.getFirst().latest().orElseThrow().architectures()).isEmpty();
    }

    @Test
    void versions_are_marked_when_they_do_not_fit_the_function_and_when_a_newer_one_exists() {
        publish(endpoint, "python-utils", "utils 1", List.of("python3.12"), List.of("x86_64"));
        publish(endpoint, "python-utils", "utils 2", List.of("python3.13"), List.of("arm64"));
        Layer utils = catalog.layers(AwsFixtures.target(endpoint)).getFirst();
        LayerVersion one = utils.version(1).orElseThrow();
        LayerVersion two = utils.version(2).orElseThrow();

        assertThat(one.fit("python3.12", List.of()).fits()).isTrue();
        assertThat(two.fit("python3.12", List.of()).reasons()).containsExactly(
                "python-utils:2 is for python3.13, not python3.12.", "python-utils:2 is built for arm64, not x86_64.");
        assertThat(two.fit("python3.13", List.of("arm64")).fits()).isTrue();
        assertThat(utils.newerThan(one.arn())).contains(two);
        assertThat(utils.newerThan(two.arn())).isEmpty();
        assertThat(utils.newestFitting("python3.12", List.of("x86_64"))).contains(one);
    }

    @Test
    void a_listing_is_reused_for_a_minute_and_a_refresh_lists_again() {
        AwsTarget target = AwsFixtures.target(endpoint);
        publish(endpoint, "first", "", List.of(), List.of());
        assertThat(catalog.layers(target)).extracting(Layer::name).containsExactly("first");

        publish(endpoint, "second", "", List.of(), List.of());
        clock.advance(Duration.ofSeconds(59));
        assertThat(catalog.layers(target)).as("cached").extracting(Layer::name).containsExactly("first");
        assertThat(catalog.refresh(target)).extracting(Layer::name).containsExactly("first", "second");

        publish(endpoint, "third", "", List.of(), List.of());
        clock.advance(Duration.ofSeconds(61));
        assertThat(catalog.listedAt(target)).isEmpty();
        assertThat(catalog.layers(target)).as("expired").extracting(Layer::name).containsExactly("first", "second", "third");
    }

    @Test
    void one_version_is_read_with_where_its_content_is() {
        publish(endpoint, "bash-runtime", "bootstrap", List.of("provided.al2023"), List.of("x86_64"));
        LayerVersionArn arn = LayerVersionArn.parse("arn:aws:lambda:" + REGION + ":" + MOTO_ACCOUNT + ":layer:bash-runtime:1");

        LayerContent content = catalog.content(AwsFixtures.target(endpoint), arn);

        assertThat(content.version().arn()).isEqualTo(arn);
        assertThat(content.version().runtimes()).containsExactly("provided.al2023");
        assertThat(content.location()).isNotNull();
        assertThatThrownBy(() -> catalog.content(AwsFixtures.target(endpoint), arn.withVersion(7)))
                .isInstanceOf(AwsException.class)
                .hasMessage("The layer version " + arn.withVersion(7) + " does not exist in region eu-west-1 "
                        + "(deleted, or a typo in the name or version).");
    }

    @Test
    void an_assumed_role_with_an_external_id_lists_the_layers_of_its_own_account() {
        String other = "111122223333";
        String roleArn = "arn:aws:iam::" + other + ":role/stackdraft-read-layers";
        // moto keeps one Lambda per account: what the role's session publishes lands in the role's account
        Credentials session;
        try (StsClient sts = StsClient.builder().region(Region.of(REGION)).endpointOverride(endpoint)
                .credentialsProvider(AwsFixtures.TEST_CREDENTIALS).build()) {
            session = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("setup").externalId("x-1")).credentials();
        }
        publish(endpoint, StaticCredentialsProvider.create(AwsBasicCredentials.builder()
                        .accessKeyId(session.accessKeyId()).secretAccessKey(session.secretAccessKey()).build()),
                "shared-tools", "in the other account", List.of("java21"), List.of("arm64"));
        publish(endpoint, "own-layer", "in moto's default account", List.of(), List.of());

        AwsTarget asRole = AwsFixtures.target(endpoint).withRole(new RoleToAssume(roleArn, "ext-id-42")).withAccount(other);
        List<Layer> layers = catalog.layers(asRole);

        assertThat(layers).extracting(Layer::layerArn)
                .containsExactly("arn:aws:lambda:" + REGION + ":" + other + ":layer:shared-tools");
        assertThat(catalog.layers(AwsFixtures.target(endpoint))).extracting(Layer::name).containsExactly("own-layer");
    }

    @Test
    void an_account_that_cannot_be_reached_is_one_sentence_and_breaks_nothing_else() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        AwsTarget nowhere = AwsFixtures.target(URI.create("http://127.0.0.1:" + closed)).withAccount("999988887777");
        publish(endpoint, "still-there", "", List.of(), List.of());

        assertThatThrownBy(() -> catalog.layers(nowhere))
                .isInstanceOf(AwsException.class)
                .hasMessageStartingWith("Could not reach AWS listing the Lambda layers in account 999988887777, "
                        + "region eu-west-1 (connection refused")
                .hasMessageEndingWith("); check the network, the region and AWS_ENDPOINT_URL if it is set.");
        assertThat(catalog.layers(AwsFixtures.target(endpoint))).extracting(Layer::name).containsExactly("still-there");
    }
}
