package dev.stackdraft.appsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.aws.MotoServer;
import dev.stackdraft.template.Corpus;
import dev.stackdraft.template.TemplateReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code moto_server}'s AppSync takes each schema we parse (StartSchemaCreation, then GetSchemaCreationStatus), refuses
 * one we refuse, and builds (GetIntrospectionSchema, with graphql-core) exactly the schemas in which we find no problem.
 * The AWS SDK's appsync module is not served to this build, so the calls are AppSync's REST API over the JDK's HTTP
 * client; moto checks no signature.
 */
class AppSyncMotoTest {

    /** What moto declares of AppSync's own and we do too; schemas using AppSync's others are left out of the builds. */
    private static final String MOTO_GAPS = "(?s).*(AWSDate\\b|@aws_lambda|@canonical|@hidden|@renamed|scalar AWS).*";

    private static MotoServer moto;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        moto = MotoServer.shared().orElse(null);
        Assumptions.assumeTrue(moto != null, "moto_server is not available (" + MotoServer.whyNot() + "): skipped");
        moto.reset();
    }

    /** Every inline schema of the corpus's GraphQL templates, the sample's and the tests' own, by where it is from. */
    private static Map<String, GraphQlApi> inlineSchemas() {
        Map<String, GraphQlApi> apis = new LinkedHashMap<>();
        for (Path file : AppSyncCorpus.files()) {
            GraphQlApis.of(new TemplateReader().read(file)).stream().filter(a -> a.schema() instanceof SchemaSource.Inline)
                    .forEach(a -> apis.put(Corpus.label(file) + " " + a.id(), a));
        }
        apis.put("sample", GraphQlApis.of(Samples.read("template.yaml", Samples.orders())).getFirst());
        apis.put("notes", GraphQlApis.of(Samples.read("template.yaml", Samples.SERVERLESS)).getFirst());
        return apis;
    }

    @Test
    void moto_takes_every_schema_we_parse_and_builds_those_we_find_no_problem_in() throws Exception {
        Map<String, GraphQlApi> apis = inlineSchemas();
        assertThat(apis).hasSizeGreaterThan(20);
        int built = 0;
        for (Map.Entry<String, GraphQlApi> entry : apis.entrySet()) {
            GraphQlApi api = entry.getValue();
            String sdl = ((SchemaSource.Inline) api.schema()).text();
            SchemaFields.of(api, sdl); // parses, or the test fails here
            String apiId = createApi(entry.getKey());

            JsonNode status = createSchema(apiId, sdl);

            assertThat(status.get("status").asString()).as("moto's schema status for %s: %s", entry.getKey(), status)
                    .isEqualTo("SUCCESS");
            if (!sdl.matches(MOTO_GAPS)) {
                boolean weSeeNoProblem = SchemaFields.problems(api, sdl).isEmpty();
                HttpResponse<String> introspection = call("GET", "/v1/apis/" + apiId + "/schema?format=SDL", null);
                assertThat(introspection.statusCode() == 200).as("moto builds %s (we see problems: %s): %s", entry.getKey(),
                        SchemaFields.problems(api, sdl), introspection.body()).isEqualTo(weSeeNoProblem);
                built += weSeeNoProblem ? 1 : 0;
            }
        }
        assertThat(built).as("schemas both built").isGreaterThanOrEqualTo(5);
    }

    @Test
    void a_schema_we_refuse_moto_refuses_too() throws Exception {
        GraphQlApi api = GraphQlApis.of(Samples.read("template.yaml", Samples.orders())).getFirst();
        String broken = "type Query {\n  getOrder(orderId: ID!: Order\n}\n";
        assertThatThrownBy(() -> SchemaFields.of(api, broken)).isInstanceOf(SchemaException.class);

        JsonNode status = createSchema(createApi("broken"), broken);

        assertThat(status.get("status").asString()).isEqualTo("FAILED");
        assertThat(status.get("details").asString()).contains("Syntax Error");
    }

    @Test
    void a_new_apis_schema_with_appsyncs_scalars_and_directives_is_built_by_moto() throws Exception {
        String sdl = """
                type Note @aws_api_key {
                  id: ID!
                  at: AWSDateTime
                  mail: AWSEmail
                }
                type Query {
                  getNote(id: ID!): Note @aws_iam
                }
                type Mutation {
                  addNote(mail: AWSEmail): Note
                }
                type Subscription {
                  onNote: Note @aws_subscribe(mutations: ["addNote"])
                }
                """;
        GraphQlApi api = GraphQlApis.of(BindResolverTest.apply(Samples.read("t.yaml", "Resources: {}\n"),
                new NewGraphQlApi("NotesApi", "notes", sdl))).getFirst();
        assertThat(SchemaFields.problems(api, ((SchemaSource.Inline) api.schema()).text())).isEmpty();
        String apiId = createApi("notes");

        assertThat(createSchema(apiId, ((SchemaSource.Inline) api.schema()).text()).get("status").asString()).isEqualTo("SUCCESS");
        HttpResponse<String> built = call("GET", "/v1/apis/" + apiId + "/schema?format=SDL", null);
        assertThat(built.statusCode()).isEqualTo(200);
        assertThat(built.body()).contains("getNote(id: ID!): Note");
    }

    private static String createApi(String name) throws Exception {
        HttpResponse<String> created = call("POST", "/v1/apis", "{\"name\":" + JSON.writeValueAsString(
                name.replaceAll("[^A-Za-z0-9_-]", "-")) + ",\"authenticationType\":\"API_KEY\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return JSON.readTree(created.body()).get("graphqlApi").get("apiId").asString();
    }

    private static JsonNode createSchema(String apiId, String sdl) throws Exception {
        String definition = Base64.getEncoder().encodeToString(sdl.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> started = call("POST", "/v1/apis/" + apiId + "/schemacreation",
                "{\"definition\":\"" + definition + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        HttpResponse<String> status = call("GET", "/v1/apis/" + apiId + "/schemacreation", null);
        return JSON.readTree(status.body());
    }

    private static HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(moto.endpoint() + path))
                // moto tells services apart by the credential scope, as AWS's endpoints do by host
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/appsync/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=0")
                .header("X-Amz-Date", "20260101T000000Z")
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
