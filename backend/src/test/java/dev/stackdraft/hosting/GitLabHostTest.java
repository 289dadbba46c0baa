package dev.stackdraft.hosting;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.stackdraft.git.GitCredentials;
import dev.stackdraft.hosting.HostException.Reason;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GitLab's REST API v4 as a WireMock stub whose answers follow GitLab's documentation, under the
 * {@code /api/v4} prefix a self-managed instance has.
 */
class GitLabHostTest {

    private static final String TOKEN = "glpat-Yz3xq9dXv1N2mB7kLpQ4";
    private static final String V4 = "/api/v4";
    private static final String PROJECTS = V4 + "/projects";
    private static final String ORDERS = PROJECTS + "/8";

    @RegisterExtension
    static final WireMockExtension API = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FakeTime time = new FakeTime();
    private final GitHosts hosts = new GitHosts(time.politeness(Duration.ofSeconds(60)));
    private GitHost gitlab;

    @BeforeEach
    void connect() {
        gitlab = hosts.connect(HostKind.GITLAB, URI.create(API.baseUrl() + V4), TOKEN);
    }

    private static HostRepository orders() {
        return new HostRepository(HostKind.GITLAB, "8", "acme/platform/payments/orders-api", "main",
                URI.create("https://gitlab.example.com/acme/platform/payments/orders-api.git"),
                URI.create("https://gitlab.example.com/acme/platform/payments/orders-api"), true);
    }

    private static MappingBuilder projectsPage(int page) {
        return get(urlPathEqualTo(PROJECTS))
                .withQueryParam("membership", equalTo("true"))
                .withQueryParam("per_page", equalTo("100"))
                .withQueryParam("page", equalTo("" + page));
    }

    /** GitLab's offset-pagination headers, as on every page of a list. */
    private static ResponseDefinitionBuilder page(String body, int page, int of) {
        return okJson(body)
                .withHeader("X-Page", "" + page)
                .withHeader("X-Per-Page", "100")
                .withHeader("X-Prev-Page", page > 1 ? "" + (page - 1) : "")
                .withHeader("X-Next-Page", page < of ? "" + (page + 1) : "")
                .withHeader("X-Total", "5")
                .withHeader("X-Total-Pages", "" + of);
    }

    // ---- projects and pages --------------------------------------------------------------------------

    @Test
    void projects_follow_x_next_page_to_the_last_page() {
        for (int p = 1; p <= 3; p++) {
            API.stubFor(projectsPage(p).willReturn(page(Stubs.body("gitlab/projects-page-" + p + ".json"), p, 3)));
        }

        List<HostRepository> repositories = gitlab.repositories();

        assertThat(repositories).extracting(HostRepository::fullName).containsExactly("diaspora/diaspora-client",
                "brightbox/puppet", "acme/platform/payments/orders-api", "acme/platform/shared-layers", "john_smith/scratch");
        for (int p = 1; p <= 3; p++) {
            API.verify(1, getRequestedFor(urlPathEqualTo(PROJECTS)).withQueryParam("page", equalTo("" + p))
                    .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        }
    }

    @Test
    void projects_carry_id_branch_urls_and_visibility_and_an_empty_one_has_no_branch() {
        API.stubFor(projectsPage(1).willReturn(page("[" + Stubs.body("gitlab/project.json") + ","
                + Stubs.body("gitlab/projects-page-1.json").substring(1), 1, 1)));

        List<HostRepository> repositories = gitlab.repositories();

        assertThat(repositories.get(0)).isEqualTo(orders());
        assertThat(repositories).extracting(HostRepository::fullName, HostRepository::privateRepository)
                .containsExactly(tuple("acme/platform/payments/orders-api", true), // internal
                        tuple("diaspora/diaspora-client", true), // private
                        tuple("brightbox/puppet", false)); // public
    }

    @Test
    void a_project_without_commits_has_no_default_branch_and_no_files() {
        API.stubFor(projectsPage(1).willReturn(page(Stubs.body("gitlab/projects-page-3.json"), 1, 1)));

        HostRepository empty = gitlab.repositories().getFirst();

        assertThat(empty.defaultBranch()).isEmpty();
        assertThat(gitlab.files(empty, empty.defaultBranch())).isEmpty();
        API.verify(0, getRequestedFor(urlPathEqualTo(PROJECTS + "/12/repository/tree")));
    }

    @Test
    void a_personal_access_token_can_go_as_private_token() {
        GitHost withPat = new GitLabHost(URI.create(API.baseUrl() + V4), TOKEN, GitLabHost.TokenHeader.PRIVATE_TOKEN,
                GitHosts.newHttpClient(), time.politeness(Duration.ofSeconds(60)));
        API.stubFor(projectsPage(1).willReturn(page("[]", 1, 1)));

        assertThat(withPat.repositories()).isEmpty();

        API.verify(getRequestedFor(urlPathEqualTo(PROJECTS)).withHeader("PRIVATE-TOKEN", equalTo(TOKEN))
                .withoutHeader("Authorization"));
    }

    // ---- files ---------------------------------------------------------------------------------------

    private static MappingBuilder treePage(String pageToken) {
        MappingBuilder request = get(urlPathEqualTo(ORDERS + "/repository/tree"))
                .withQueryParam("recursive", equalTo("true"))
                .withQueryParam("ref", equalTo("main"))
                .withQueryParam("per_page", equalTo("100"))
                .withQueryParam("pagination", equalTo("keyset"));
        return pageToken.isEmpty() ? request.withQueryParam("page_token", absent())
                : request.withQueryParam("page_token", equalTo(pageToken));
    }

    private static String keysetLink(String pageToken) {
        return "<" + API.baseUrl() + ORDERS + "/repository/tree?id=8&page_token=" + pageToken
                + "&pagination=keyset&per_page=100&recursive=true&ref=main>; rel=\"next\"";
    }

    @Test
    void the_tree_lists_only_blobs_across_keyset_pages() {
        API.stubFor(treePage("").willReturn(okJson(Stubs.body("gitlab/tree-page-1.json"))
                .withHeader("Link", keysetLink("eyJmaWxlX25hbWUiOiJ0ZW1wbGF0ZS55YW1sIn0%3D"))));
        API.stubFor(treePage("eyJmaWxlX25hbWUiOiJ0ZW1wbGF0ZS55YW1sIn0=").willReturn(okJson(Stubs.body("gitlab/tree-page-2.json"))
                .withHeader("Link", keysetLink("eyJmaWxlX25hbWUiOiJoYW5kbGVyLnB5In0%3D"))));
        API.stubFor(treePage("eyJmaWxlX25hbWUiOiJoYW5kbGVyLnB5In0=").willReturn(okJson(Stubs.body("gitlab/tree-page-3.json"))));

        assertThat(gitlab.files(orders(), "main")).containsExactly(
                new RepositoryFile("README.md", -1),
                new RepositoryFile("template.yaml", -1),
                new RepositoryFile("services/orders/template.yml", -1),
                new RepositoryFile("services/orders/handler.py", -1),
                new RepositoryFile("legacy/serverless.yml", -1));
    }

    @Test
    void the_tree_follows_x_next_page_when_the_server_pages_by_number() {
        API.stubFor(treePage("").withQueryParam("page", absent())
                .willReturn(page(Stubs.body("gitlab/tree-page-1.json"), 1, 3)));
        for (int p = 2; p <= 3; p++) {
            API.stubFor(treePage("").withQueryParam("page", equalTo("" + p))
                    .willReturn(page(Stubs.body("gitlab/tree-page-" + p + ".json"), p, 3)));
        }

        assertThat(gitlab.files(orders(), "main")).extracting(RepositoryFile::path).containsExactly("README.md",
                "template.yaml", "services/orders/template.yml", "services/orders/handler.py", "legacy/serverless.yml");
    }

    @Test
    void read_fetches_the_raw_file_with_its_path_encoded_as_one_segment() {
        byte[] template = "service: orders\nprovider:\n  name: aws\n".getBytes(StandardCharsets.UTF_8);
        API.stubFor(get(urlEqualTo(ORDERS + "/repository/files/legacy%2Fserverless%2Eyml/raw?ref=release%2F2.0"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain; charset=utf-8")
                        .withBody(template)));

        assertThat(gitlab.read(orders(), "release/2.0", "legacy/serverless.yml")).isEqualTo(template);
    }

    // ---- gone and revoked ----------------------------------------------------------------------------

    @Test
    void the_head_of_a_branch_is_the_commit_the_branch_endpoint_names_with_the_name_encoded_as_one_segment() {
        API.stubFor(get(urlEqualTo(ORDERS + "/repository/branches/main")).willReturn(okJson(Stubs.body("gitlab/branch.json"))));
        API.stubFor(get(urlEqualTo(ORDERS + "/repository/branches/release%2F2.0")).willReturn(okJson(Stubs.body("gitlab/branch.json"))));

        assertThat(gitlab.branchHead(orders(), "main")).contains("7b5c3cc8be40ee161ae89a06bba6229da1032a0c");
        assertThat(gitlab.branchHead(orders(), "release/2.0")).contains("7b5c3cc8be40ee161ae89a06bba6229da1032a0c");
        API.verify(getRequestedFor(urlEqualTo(ORDERS + "/repository/branches/main"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void a_branch_gitlab_does_not_find_has_no_head_and_a_deleted_project_is_not_found() {
        API.stubFor(get(urlEqualTo(ORDERS + "/repository/branches/main")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(Stubs.body("gitlab/error-404-branch.json"))));

        assertThat(gitlab.branchHead(orders(), "main")).isEmpty();
        API.verify(0, getRequestedFor(urlPathEqualTo(ORDERS)));

        API.stubFor(get(urlEqualTo(ORDERS + "/repository/branches/main")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(Stubs.body("gitlab/error-404.json"))));
        API.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(Stubs.body("gitlab/error-404.json"))));
        assertThatThrownBy(() -> gitlab.branchHead(orders(), "main")).isInstanceOfSatisfying(HostException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    }

    @Test
    void a_deleted_project_cannot_be_read_and_its_files_are_not_found() {
        API.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(Stubs.body("gitlab/error-404.json"))));
        API.stubFor(get(urlPathEqualTo(ORDERS + "/repository/tree")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(Stubs.body("gitlab/error-404.json"))));

        assertThat(gitlab.canRead(orders())).isFalse();
        assertThatThrownBy(() -> gitlab.files(orders(), "main")).isInstanceOfSatisfying(HostException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
            assertThat(e).hasMessageContaining("404 Project Not Found");
        });
    }

    @Test
    void a_project_that_is_there_can_be_read() {
        API.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(okJson(Stubs.body("gitlab/project.json"))));

        assertThat(gitlab.canRead(orders())).isTrue();
    }

    @Test
    void a_revoked_token_is_unauthorized_and_says_to_sign_in_again() {
        API.stubFor(get(urlPathEqualTo(V4 + "/user")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(Stubs.body("gitlab/error-401.json"))));

        assertThatThrownBy(gitlab::currentUser).isInstanceOfSatisfying(HostException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED);
            assertThat(e).hasMessage("the GitLab token was revoked or expired: sign in again");
        });
    }

    // ---- the user ------------------------------------------------------------------------------------

    private HostUser userFrom(String stub) {
        API.stubFor(get(urlEqualTo(V4 + "/user")).willReturn(okJson(Stubs.body(stub))));
        return gitlab.currentUser();
    }

    @Test
    void the_commit_email_is_the_one_gitlab_commits_with() {
        assertThat(userFrom("gitlab/user.json"))
                .isEqualTo(new HostUser("1", "john_smith", "John Smith", "john-codes@example.com"));
    }

    @Test
    void without_a_commit_email_the_public_one_then_the_account_one_is_used() {
        assertThat(userFrom("gitlab/user-public-email.json").commitEmail()).isEqualTo("john@example.com");
        assertThat(userFrom("gitlab/user-email-only.json").commitEmail()).isEqualTo("john@example.com");
    }

    @Test
    void with_no_email_at_all_the_private_commit_address_of_the_instance_is_used() {
        assertThat(userFrom("gitlab/user-no-email.json").commitEmail()).isEqualTo("1-john_smith@users.noreply.localhost");
    }

    // ---- merge requests ------------------------------------------------------------------------------

    @Test
    void a_merge_request_posts_source_target_title_and_description() {
        API.stubFor(post(urlEqualTo(ORDERS + "/merge_requests")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(Stubs.body("gitlab/merge-request.json"))));

        PullRequest merge = gitlab.openPullRequest(orders(), "stackdraft/orders-table", "main", "Add the orders table",
                "Edited with Stackdraft.");

        assertThat(merge).isEqualTo(new PullRequest(17,
                URI.create("https://gitlab.example.com/acme/platform/payments/orders-api/-/merge_requests/17")));
        API.verify(postRequestedFor(urlEqualTo(ORDERS + "/merge_requests"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"source_branch": "stackdraft/orders-table", "target_branch": "main",
                         "title": "Add the orders table", "description": "Edited with Stackdraft."}""")));
    }

    @Test
    void a_merge_request_that_already_exists_is_refused_with_gitlabs_words() {
        API.stubFor(post(urlEqualTo(ORDERS + "/merge_requests")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json").withBody(Stubs.body("gitlab/error-409-mr.json"))));

        assertThatThrownBy(() -> gitlab.openPullRequest(orders(), "stackdraft/orders-table", "main", "t", "d"))
                .isInstanceOfSatisfying(HostException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.REJECTED);
                    assertThat(e).hasMessageContaining("Another open merge request already exists");
                });
    }

    // ---- politeness ----------------------------------------------------------------------------------

    @Test
    void a_429_with_retry_after_is_waited_out() {
        API.stubFor(projectsPage(1).inScenario("limited").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("waited")
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "text/plain")
                        .withHeader("RateLimit-Name", "throttle_authenticated_api")
                        .withHeader("RateLimit-Limit", "60").withHeader("RateLimit-Observed", "67")
                        .withHeader("RateLimit-Remaining", "0")
                        .withHeader("RateLimit-Reset", FakeTime.epochSecondsAfterStart(58))
                        .withHeader("Retry-After", "58")
                        .withBody("Retry later\n")));
        API.stubFor(projectsPage(1).inScenario("limited").whenScenarioStateIs("waited")
                .willReturn(page(Stubs.body("gitlab/projects-page-1.json"), 1, 1)));

        assertThat(gitlab.repositories()).hasSize(2);
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(58));
    }

    @Test
    void ratelimit_remaining_zero_without_retry_after_waits_until_the_reset() {
        API.stubFor(projectsPage(1).inScenario("limited").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("waited")
                .willReturn(aResponse().withStatus(429).withHeader("RateLimit-Remaining", "0")
                        .withHeader("RateLimit-Reset", FakeTime.epochSecondsAfterStart(12)).withBody("Retry later\n")));
        API.stubFor(projectsPage(1).inScenario("limited").whenScenarioStateIs("waited")
                .willReturn(page(Stubs.body("gitlab/projects-page-1.json"), 1, 1)));

        assertThat(gitlab.repositories()).hasSize(2);
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(13));
    }

    @Test
    void a_throttle_longer_than_the_bound_gives_up_as_rate_limited() {
        API.stubFor(projectsPage(1).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "600")
                .withBody("Retry later\n")));

        assertThatThrownBy(gitlab::repositories).isInstanceOfSatisfying(HostException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
            assertThat(e).hasMessageContaining("GitLab").hasMessageContaining("600 s");
        });
        assertThat(time.waits()).isEmpty();
    }

    // ---- credentials ---------------------------------------------------------------------------------

    @Test
    void git_gets_the_token_as_oauth2_and_no_text_shows_it() {
        assertThat(gitlab.gitCredentials()).isEqualTo(new GitCredentials("oauth2", TOKEN));
        assertThat(gitlab.kind()).isEqualTo(HostKind.GITLAB);
        assertThat(gitlab.toString()).contains(API.baseUrl() + V4).doesNotContain(TOKEN);
    }
}
