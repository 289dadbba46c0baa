package dev.stackdraft.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.config.TestClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What moto cannot show: several pages (moto answers every layer in one page), access denied, throttling answered
 * with back-off; a local stub answers as the Lambda API would.
 */
class LayerCatalogStubTest {

    private static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:layer:";

    private final AwsClients clients = AwsFixtures.quickClients();
    private final LayerCatalog catalog = new LayerCatalog(clients, new TestClock(), LayerCatalog.DEFAULT_TTL);
    private final LambdaStub stub = new LambdaStub();

    @AfterEach
    void close() {
        clients.close();
        stub.close();
    }

    @Test
    void every_page_of_layers_and_of_versions_is_read() {
        // 120 layers over three pages of ListLayers; each layer's versions over two pages of ListLayerVersions
        stub.otherwise(request -> {
            String path = request.pathAndQuery();
            if (path.startsWith("/2018-10-31/layers?") || path.equals("/2018-10-31/layers")) {
                int from = path.contains("Marker=") ? Integer.parseInt(path.replaceAll(".*Marker=(\\d+).*", "$1")) : 0;
                return new LambdaStub.Answer(200, "", layersPage(from, Math.min(from + 50, 120)));
            }
            String name = path.replaceAll("/2018-10-31/layers/([^/]+)/versions.*", "$1");
            return new LambdaStub.Answer(200, "", path.contains("Marker=second")
                    ? versions(name, 1) : "{\"NextMarker\":\"second\"," + versions(name, 2).substring(1));
        });

        List<Layer> layers = catalog.layers(AwsFixtures.target(stub.endpoint()));

        assertThat(layers).hasSize(120);
        assertThat(layers.getFirst().name()).isEqualTo("layer-000");
        assertThat(layers.getFirst().versions()).extracting(LayerVersion::version).containsExactly(2L, 1L);
        assertThat(stub.requests()).filteredOn(r -> r.pathAndQuery().startsWith("/2018-10-31/layers?"))
                .extracting(r -> r.pathAndQuery().contains("MaxItems=50")).containsOnly(true).hasSize(3);
        assertThat(stub.requests()).filteredOn(r -> r.pathAndQuery().contains("/versions")).hasSize(240);
    }

    @Test
    void access_denied_is_one_sentence_that_says_which_permission_is_missing() {
        stub.then(403, "AccessDeniedException", "{\"Type\":\"User\",\"Message\":\"User: arn:aws:iam::123456789012:user/ci "
                + "is not authorized to perform: lambda:ListLayers on resource: * because no identity-based policy "
                + "allows the lambda:ListLayers action\"}");

        assertThatThrownBy(() -> catalog.layers(AwsFixtures.target(stub.endpoint()).withAccount("123456789012")))
                .isInstanceOf(AwsException.class)
                .hasMessage("Access denied listing the Lambda layers in account 123456789012, region eu-west-1 "
                        + "(AccessDeniedException: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: "
                        + "lambda:ListLayers on resource: * because no identity-based policy allows the lambda:ListLayers "
                        + "action); allow lambda:ListLayers to these credentials.");
        assertThat(stub.requests()).as("not retried").hasSize(1);
    }

    @Test
    void throttling_is_answered_with_back_off_and_then_succeeds() {
        stub.then(429, "TooManyRequestsException", "{\"Reason\":\"CallerRateLimitExceeded\",\"Type\":\"User\","
                        + "\"message\":\"Rate exceeded\"}")
                .then(429, "TooManyRequestsException", "{\"message\":\"Rate exceeded\"}")
                .thenOk(layersPage(0, 1))
                .thenOk(versions("layer-000", 1));

        List<Layer> layers = catalog.layers(AwsFixtures.target(stub.endpoint()));

        assertThat(layers).extracting(Layer::name).containsExactly("layer-000");
        List<LambdaStub.Request> requests = stub.requests();
        assertThat(requests).hasSize(4);
        // quickClients: throttling waits from 50 ms, at least half of it, doubling
        assertThat(requests.get(1).atNanos() - requests.get(0).atNanos()).as("waited before the 2nd attempt")
                .isGreaterThanOrEqualTo(20_000_000L);
        assertThat(requests.get(2).atNanos() - requests.get(1).atNanos()).as("waited longer before the 3rd")
                .isGreaterThanOrEqualTo(45_000_000L);
        assertThat(layers.getFirst().latest().orElseThrow().created()).isEqualTo("2026-11-27T15:10:45.123Z");
    }

    @Test
    void throttling_that_does_not_stop_gives_up_with_a_sentence() {
        stub.otherwise(r -> new LambdaStub.Answer(429, "TooManyRequestsException", "{\"message\":\"Rate exceeded\"}"));

        assertThatThrownBy(() -> catalog.layers(AwsFixtures.target(stub.endpoint())))
                .isInstanceOf(AwsException.class)
                .hasMessage("AWS kept throttling listing the Lambda layers in region eu-west-1 after several retries "
                        + "(TooManyRequestsException: Rate exceeded); try again in a minute.");
        assertThat(stub.requests()).as("4 attempts").hasSize(4);
    }

    @Test
    void the_role_is_assumed_with_its_external_id_and_its_session_renewed_before_it_expires() {
        // sessions that expire in 90 s: within the provider's 5-minute prefetch window, so each use renews them first
        stub.otherwise(request -> request.method().equals("POST") && request.pathAndQuery().equals("/")
                ? new LambdaStub.Answer(200, "", assumeRoleAnswer(java.time.Instant.now().plusSeconds(90)))
                : new LambdaStub.Answer(200, "", "{\"Layers\":[]}"));
        AwsTarget asRole = AwsFixtures.target(stub.endpoint())
                .withRole(new RoleToAssume("arn:aws:iam::111122223333:role/stackdraft", "ext-42"));

        catalog.refresh(asRole);
        catalog.refresh(asRole);

        List<LambdaStub.Request> assumed = stub.requests().stream().filter(r -> r.body().contains("Action=AssumeRole"))
                .toList();
        assertThat(assumed).hasSize(2);
        assertThat(assumed.getFirst().body()).contains("RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fstackdraft",
                "ExternalId=ext-42", "RoleSessionName=stackdraft");
    }

    private static String assumeRoleAnswer(java.time.Instant expiration) {
        return "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult><Credentials>"
                + "<AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey>secret</SecretAccessKey>"
                + "<SessionToken>token</SessionToken><Expiration>" + expiration + "</Expiration></Credentials>"
                + "<AssumedRoleUser><Arn>arn:aws:sts::111122223333:assumed-role/stackdraft/stackdraft</Arn>"
                + "<AssumedRoleId>AROA:stackdraft</AssumedRoleId></AssumedRoleUser></AssumeRoleResult></AssumeRoleResponse>";
    }

    private static String layersPage(int from, int to) {
        List<String> items = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String name = String.format(Locale.ROOT, "layer-%03d", i);
            items.add("{\"LayerName\":\"" + name + "\",\"LayerArn\":\"" + ARN + name + "\"}");
        }
        return "{" + (to < 120 && from < to && to - from == 50 ? "\"NextMarker\":\"" + to + "\"," : "")
                + "\"Layers\":[" + String.join(",", items) + "]}";
    }

    private static String versions(String name, int version) {
        return "{\"LayerVersions\":[{\"LayerVersionArn\":\"" + ARN + name + ":" + version + "\",\"Version\":" + version
                + ",\"Description\":\"v" + version + "\",\"CreatedDate\":\"2026-11-27T15:10:45.123+0000\","
                + "\"CompatibleRuntimes\":[\"python3.12\"],\"CompatibleArchitectures\":[\"x86_64\"]}]}";
    }
}
