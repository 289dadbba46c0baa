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

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.stackdraft.git.GitCredentials;
import dev.stackdraft.hosting.HostException.Reason;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GitHub's REST API as a WireMock stub whose answers follow GitHub's documentation. */
class GitHubHostTest {

    private static final String TOKEN = "gho_16C7e42F292c6912E7710c838347Ae178B4a";
    private static final String REPOS = "/user/repos";
    private static final String ORDERS = "/repos/octocat/orders-api";

    @RegisterExtension
    static final WireMockExtension API = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FakeTime time = new FakeTime();
    private final GitHosts hosts = new GitHosts(time.politeness(Duration.ofSeconds(60)));
    private GitHost github;

    @BeforeEach
    void connect() {
        github = hosts.connect(HostKind.GITHUB, URI.create(API.baseUrl()), TOKEN);
    }

    private static HostRepository orders() {
        return new HostRepository(HostKind.GITHUB, "1296270", "octocat/orders-api", "main",
                URI.create("https://github.com/octocat/orders-api.git"), URI.create("https://github.com/octocat/orders-api"),
                true);
    }

    private static String link(String rel, int page) {
        return "<" + API.baseUrl() + REPOS + "?per_page=100&affiliation=owner,collaborator,organization_member&page="
                + page + ">; rel=\"" + rel + "\"";
    }

    private static MappingBuilder reposPage(int page) {
        MappingBuilder request = get(urlPathEqualTo(REPOS))
                .withQueryParam("per_page", equalTo("100"))
                .withQueryParam("affiliation", equalTo("owner,collaborator,organization_member"));
        return page == 1 ? request.withQueryParam("page", absent()) : request.withQueryParam("page", equalTo("" + page));
    }

    // ---- repositories and pages ----------------------------------------------------------------------

    @Test
    void repositories_follow_link_headers_to_the_last_page() {
        API.stubFor(reposPage(1).willReturn(okJson(Stubs.body("github/repos-page-1.json"))
                .withHeader("Link", link("next", 2) + ", " + link("last", 3))));
        API.stubFor(reposPage(2).willReturn(okJson(Stubs.body("github/repos-page-2.json"))
                .withHeader("Link", link("prev", 1) + ", " + link("next", 3) + ", " + link("last", 3) + ", "
                        + link("first", 1))));
        API.stubFor(reposPage(3).willReturn(okJson(Stubs.body("github/repos-page-3.json"))
                .withHeader("Link", link("prev", 2) + ", " + link("first", 1))));

        List<HostRepository> repositories = github.repositories();

        assertThat(repositories).extracting(HostRepository::fullName).containsExactly("octocat/Hello-World",
                "octocat/orders-api", "acme/payments-service", "acme/shared-layers", "monalisa/notes-appsync");
        API.verify(1, getRequestedFor(urlPathEqualTo(REPOS)).withQueryParam("page", absent()));
        API.verify(1, getRequestedFor(urlPathEqualTo(REPOS)).withQueryParam("page", equalTo("2")));
        API.verify(1, getRequestedFor(urlPathEqualTo(REPOS)).withQueryParam("page", equalTo("3")));
        assertThat(time.waits()).isEmpty();
    }

    @Test
    void repositories_carry_id_branch_urls_and_privacy_from_the_answer() {
        API.stubFor(reposPage(1).willReturn(okJson(Stubs.body("github/repos-page-3.json"))));

        assertThat(github.repositories()).containsExactly(new HostRepository(HostKind.GITHUB, "99001",
                "monalisa/notes-appsync", "trunk", URI.create("https://github.com/monalisa/notes-appsync.git"),
                URI.create("https://github.com/monalisa/notes-appsync"), true));
    }

    @Test
    void every_request_carries_the_token_as_bearer_and_the_api_version() {
        API.stubFor(reposPage(1).willReturn(okJson("[]")));

        assertThat(github.repositories()).isEmpty();

        API.verify(getRequestedFor(urlPathEqualTo(REPOS))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/vnd.github+json"))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28")));
    }

    @Test
    void enterprise_server_is_reached_under_its_api_v3_prefix() {
        GitHost enterprise = hosts.connect(HostKind.GITHUB, URI.create(API.baseUrl() + "/api/v3/"), TOKEN);
        String next = "<" + API.baseUrl() + "/api/v3" + REPOS + "?per_page=100&page=2>; rel=\"next\"";
        API.stubFor(get(urlPathEqualTo("/api/v3" + REPOS)).withQueryParam("page", absent())
                .willReturn(okJson(Stubs.body("github/repos-page-1.json")).withHeader("Link", next)));
        API.stubFor(get(urlPathEqualTo("/api/v3" + REPOS)).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(Stubs.body("github/repos-page-3.json"))));

        assertThat(enterprise.repositories()).extracting(HostRepository::id).containsExactly("1296269", "1296270", "99001");
    }

    @Test
    void a_next_link_to_another_server_is_not_followed_with_the_token() {
        API.stubFor(reposPage(1).willReturn(okJson(Stubs.body("github/repos-page-1.json"))
                .withHeader("Link", "<https://collector.example.net/user/repos?page=2>; rel=\"next\"")));

        assertThatThrownBy(github::repositories).isInstanceOfSatisfying(HostException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
            assertThat(e).hasMessageContaining("collector.example.net");
        });
    }

    // ---- files ---------------------------------------------------------------------------------------

    @Test
    void files_lists_only_the_blobs_of_the_recursive_tree() {
        API.stubFor(get(urlEqualTo(ORDERS + "/git/trees/main?recursive=1"))
                .willReturn(okJson(Stubs.body("github/tree-recursive.json"))));

        assertThat(github.files(orders(), "main")).containsExactly(
                new RepositoryFile("README.md", 30),
                new RepositoryFile("template.yaml", 2048),
                new RepositoryFile("services/orders/template.yml", 911),
                new RepositoryFile("services/orders/handler.py", 420));
    }

    @Test
    void a_truncated_tree_is_walked_one_subtree_at_a_time_and_comes_back_whole() {
        API.stubFor(get(urlEqualTo(ORDERS + "/git/trees/main?recursive=1"))
                .willReturn(okJson(Stubs.body("github/tree-truncated.json"))));
        API.stubFor(get(urlEqualTo(ORDERS + "/git/trees/main"))
                .willReturn(okJson(Stubs.body("github/tree-root-level.json"))));
        API.stubFor(get(urlEqualTo(ORDERS + "/git/trees/f484d249c660418515fb01c2b9662073663c242e?recursive=1"))
                .willReturn(okJson(Stubs.body("github/tree-services.json"))));
        API.stubFor(get(urlEqualTo(ORDERS + "/git/trees/0a1b2c3d4e5f60718293a4b5c6d7e8f901234567?recursive=1"))
                .willReturn(okJson(Stubs.body("github/tree-vendor.json"))));

        assertThat(github.files(orders(), "main")).extracting(RepositoryFile::path).containsExactly(
                "README.md", "template.yaml", "services/orders/template.yml", "services/orders/handler.py",
                "vendor/serverless.yml");
    }

    @Test
    void an_empty_repository_has_no_files() {
        API.stubFor(get(urlEqualTo(ORDERS + "/git/trees/main?recursive=1"))
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                        .withBody(Stubs.body("github/error-empty.json"))));

        assertThat(github.files(orders(), "main")).isEmpty();
    }

    @Test
    void a_branch_with_a_slash_keeps_it_in_the_tree_path() {
        API.stubFor(get(urlEqualTo(ORDERS + "/git/trees/feature/orders%20table?recursive=1"))
                .willReturn(okJson(Stubs.body("github/tree-recursive.json"))));

        assertThat(github.files(orders(), "feature/orders table")).hasSize(4);
    }

    @Test
    void read_returns_the_raw_bytes_at_the_ref() {
        byte[] template = "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\n"
                .getBytes(StandardCharsets.UTF_8);
        API.stubFor(get(urlEqualTo(ORDERS + "/contents/services/orders/template.yml?ref=release%2F2.0"))
                .withHeader("Accept", equalTo("application/vnd.github.raw+json"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.github.raw+json")
                        .withBody(template)));

        assertThat(github.read(orders(), "release/2.0", "services/orders/template.yml")).isEqualTo(template);
    }

    // ---- branch heads --------------------------------------------------------------------------------

    @Test
    void the_head_of_a_branch_is_the_commit_the_branch_endpoint_names() {
        API.stubFor(get(urlEqualTo(ORDERS + "/branches/main")).willReturn(okJson(Stubs.body("github/branch.json"))));

        assertThat(github.branchHead(orders(), "main")).contains("7fd1a60b01f91b314f59955a4e4d4e80d8edf11d");
        API.verify(getRequestedFor(urlEqualTo(ORDERS + "/branches/main"))
                .withHeader("Accept", equalTo("application/vnd.github+json"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void a_branch_with_a_slash_keeps_it_in_the_branch_path() {
        API.stubFor(get(urlEqualTo(ORDERS + "/branches/feature/orders%20table"))
                .willReturn(okJson(Stubs.body("github/branch.json"))));

        assertThat(github.branchHead(orders(), "feature/orders table")).contains("7fd1a60b01f91b314f59955a4e4d4e80d8edf11d");
    }

    @Test
    void a_branch_github_does_not_find_has_no_head_and_costs_no_second_request() {
        API.stubFor(get(urlEqualTo(ORDERS + "/branches/main")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(Stubs.body("github/error-404-branch.json"))));

        assertThat(github.branchHead(orders(), "main")).isEmpty();
        API.verify(0, getRequestedFor(urlPathEqualTo(ORDERS)));
    }

    @Test
    void a_404_in_other_words_is_an_empty_branch_while_the_repository_is_there_and_not_found_once_it_is_gone() {
        API.stubFor(get(urlEqualTo(ORDERS + "/branches/main")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(Stubs.body("github/error-404.json"))));
        API.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(okJson(Stubs.body("github/repo.json"))));

        assertThat(github.branchHead(orders(), "main")).isEmpty();

        API.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(Stubs.body("github/error-404.json"))));
        assertThatThrownBy(() -> github.branchHead(orders(), "main")).isInstanceOfSatisfying(HostException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    }

    @Test
    void the_head_of_a_branch_with_a_revoked_token_is_unauthorized_and_a_failing_host_unavailable() {
        API.stubFor(get(urlEqualTo(ORDERS + "/branches/main")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(Stubs.body("github/error-401.json"))));
        assertThatThrownBy(() -> github.branchHead(orders(), "main")).isInstanceOfSatisfying(HostException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED));

        API.stubFor(get(urlEqualTo(ORDERS + "/branches/main")).willReturn(aResponse().withStatus(502)));
        assertThatThrownBy(() -> github.branchHead(orders(), "main")).isInstanceOfSatisfying(HostException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
    }

    // ---- gone, revoked, refused ----------------------------------------------------------------------

    @Test
    void a_deleted_repository_cannot_be_read_and_its_files_are_not_found() {
        API.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(Stubs.body("github/error-404.json"))));
        API.stubFor(get(urlPathEqualTo(ORDERS + "/contents/template.yaml")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(Stubs.body("github/error-404.json"))));

        assertThat(github.canRead(orders())).isFalse();
        assertThatThrownBy(() -> github.read(orders(), "main", "template.yaml"))
                .isInstanceOfSatisfying(HostException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
        assertThat(time.waits()).as("a 404 is an answer, not a reason to retry").isEmpty();
    }

    @Test
    void a_repository_that_is_there_can_be_read() {
        API.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(okJson(Stubs.body("github/repo.json"))));

        assertThat(github.canRead(orders())).isTrue();
    }

    @Test
    void a_renamed_repository_is_followed_to_its_new_name_with_the_token() {
        API.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(aResponse().withStatus(301)
                .withHeader("Location", API.baseUrl() + "/repositories/1296270")
                .withHeader("Content-Type", "application/json").withBody("""
                        {"message": "Moved Permanently", "url": "https://api.github.com/repositories/1296270",
                         "documentation_url": "https://docs.github.com/v3/#http-redirects"}""")));
        API.stubFor(get(urlPathEqualTo("/repositories/1296270")).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson(Stubs.body("github/repo.json"))));

        assertThat(github.canRead(orders())).isTrue();
    }

    @Test
    void a_token_without_sso_authorisation_cannot_read_and_is_refused_with_githubs_words() {
        API.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withHeader("x-ratelimit-remaining", "4999")
                .withBody(Stubs.body("github/error-saml.json"))));
        API.stubFor(get(urlPathEqualTo(ORDERS + "/git/trees/main")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withHeader("x-ratelimit-remaining", "4998")
                .withBody(Stubs.body("github/error-saml.json"))));

        assertThat(github.canRead(orders())).isFalse();
        assertThatThrownBy(() -> github.files(orders(), "main")).isInstanceOfSatisfying(HostException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.REJECTED);
            assertThat(e).hasMessageContaining("SAML enforcement");
        });
        assertThat(time.waits()).isEmpty();
    }

    @Test
    void a_revoked_token_is_unauthorized_and_says_to_sign_in_again() {
        API.stubFor(reposPage(1).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(Stubs.body("github/error-401.json"))));
        API.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(Stubs.body("github/error-401.json"))));

        for (Runnable call : List.<Runnable>of(github::repositories, () -> github.canRead(orders()))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(HostException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED);
                assertThat(e).hasMessage("the GitHub token was revoked or expired: sign in again");
            });
        }
    }

    // ---- the user ------------------------------------------------------------------------------------

    @Test
    void a_public_email_is_the_commit_email() {
        API.stubFor(get(urlEqualTo("/user")).willReturn(okJson(Stubs.body("github/user.json"))));

        assertThat(github.currentUser())
                .isEqualTo(new HostUser("583231", "octocat", "monalisa octocat", "octocat@github.com"));
        API.verify(0, getRequestedFor(urlPathEqualTo("/user/emails")));
    }

    @Test
    void a_private_email_commits_with_the_noreply_address() {
        API.stubFor(get(urlEqualTo("/user")).willReturn(okJson(Stubs.body("github/user-private-email.json"))));
        API.stubFor(get(urlPathEqualTo("/user/emails")).willReturn(okJson(Stubs.body("github/emails-private.json"))));

        HostUser user = github.currentUser();

        assertThat(user.commitEmail()).isEqualTo("583231+octocat@users.noreply.github.com");
        assertThat(user.name()).isEqualTo("monalisa octocat");
    }

    @Test
    void a_hidden_profile_email_falls_back_to_the_primary_verified_address_when_that_one_is_not_private() {
        API.stubFor(get(urlEqualTo("/user")).willReturn(okJson(Stubs.body("github/user-private-email.json"))));
        API.stubFor(get(urlPathEqualTo("/user/emails")).willReturn(okJson(Stubs.body("github/emails-primary.json"))));

        assertThat(github.currentUser().commitEmail()).isEqualTo("mona@work.example");
    }

    @Test
    void emails_the_token_may_not_read_mean_the_noreply_address_and_the_login_stands_in_for_a_missing_name() {
        API.stubFor(get(urlEqualTo("/user")).willReturn(okJson(Stubs.body("github/user-private-email-no-name.json"))));
        API.stubFor(get(urlPathEqualTo("/user/emails")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(Stubs.body("github/error-404.json"))));

        assertThat(github.currentUser())
                .isEqualTo(new HostUser("583231", "octocat", "octocat", "583231+octocat@users.noreply.github.com"));
    }

    // ---- pull requests -------------------------------------------------------------------------------

    @Test
    void a_pull_request_posts_title_head_base_and_body() {
        API.stubFor(post(urlEqualTo(ORDERS + "/pulls")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(Stubs.body("github/pull.json"))));

        PullRequest pull = github.openPullRequest(orders(), "stackdraft/orders-table", "main", "Add the orders table",
                "Edited with Stackdraft.");

        assertThat(pull).isEqualTo(new PullRequest(1347, URI.create("https://github.com/octocat/orders-api/pull/1347")));
        API.verify(postRequestedFor(urlEqualTo(ORDERS + "/pulls"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("""
                        {"title": "Add the orders table", "head": "stackdraft/orders-table", "base": "main",
                         "body": "Edited with Stackdraft."}""")));
    }

    @Test
    void a_pull_request_that_already_exists_is_refused_with_githubs_words() {
        API.stubFor(post(urlEqualTo(ORDERS + "/pulls")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody(Stubs.body("github/error-pull-exists.json"))));

        assertThatThrownBy(() -> github.openPullRequest(orders(), "stackdraft/orders-table", "main", "t", "b"))
                .isInstanceOfSatisfying(HostException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.REJECTED);
                    assertThat(e).hasMessageContaining("Validation Failed").hasMessageContaining("422");
                });
    }

    @Test
    void a_pull_request_is_not_retried_after_a_server_error_so_it_is_never_opened_twice() {
        API.stubFor(post(urlEqualTo(ORDERS + "/pulls")).willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> github.openPullRequest(orders(), "stackdraft/orders-table", "main", "t", "b"))
                .isInstanceOfSatisfying(HostException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
                    assertThat(e).hasMessageContaining("check before trying again");
                });
        API.verify(1, postRequestedFor(urlEqualTo(ORDERS + "/pulls")));
        assertThat(time.waits()).isEmpty();
    }

    // ---- politeness ----------------------------------------------------------------------------------

    private static MappingBuilder first(MappingBuilder request) {
        return request.inScenario("limited").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("waited");
    }

    private static MappingBuilder then(MappingBuilder request) {
        return request.inScenario("limited").whenScenarioStateIs("waited");
    }

    @Test
    void a_used_up_primary_quota_is_waited_out_until_its_reset() {
        API.stubFor(first(reposPage(1)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-ratelimit-limit", "5000").withHeader("x-ratelimit-remaining", "0")
                .withHeader("x-ratelimit-used", "5000").withHeader("x-ratelimit-resource", "core")
                .withHeader("x-ratelimit-reset", FakeTime.epochSecondsAfterStart(30))
                .withBody(Stubs.body("github/error-rate-limit.json"))));
        API.stubFor(then(reposPage(1)).willReturn(okJson(Stubs.body("github/repos-page-3.json"))));

        assertThat(github.repositories()).hasSize(1);
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(31)); // until the reset, and a second for skew
    }

    @Test
    void a_429_with_retry_after_seconds_is_waited_out() {
        API.stubFor(first(reposPage(1)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                .withHeader("Content-Type", "application/json").withBody(Stubs.body("github/error-secondary-rate-limit.json"))));
        API.stubFor(then(reposPage(1)).willReturn(okJson(Stubs.body("github/repos-page-3.json"))));

        assertThat(github.repositories()).hasSize(1);
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void a_retry_after_http_date_is_waited_out() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(FakeTime.START.plusSeconds(45).atOffset(ZoneOffset.UTC));
        API.stubFor(first(reposPage(1)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", date)));
        API.stubFor(then(reposPage(1)).willReturn(okJson(Stubs.body("github/repos-page-3.json"))));

        assertThat(github.repositories()).hasSize(1);
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(45));
    }

    @Test
    void a_secondary_rate_limit_without_headers_waits_a_minute() {
        API.stubFor(first(reposPage(1)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withHeader("x-ratelimit-remaining", "4321")
                .withBody(Stubs.body("github/error-secondary-rate-limit.json"))));
        API.stubFor(then(reposPage(1)).willReturn(okJson(Stubs.body("github/repos-page-3.json"))));

        assertThat(github.repositories()).hasSize(1);
        assertThat(time.waits()).containsExactly(Duration.ofMinutes(1));
    }

    @Test
    void a_reset_further_away_than_the_bound_gives_up_at_once_without_waiting() {
        API.stubFor(reposPage(1).willReturn(aResponse().withStatus(403)
                .withHeader("x-ratelimit-remaining", "0").withHeader("x-ratelimit-reset", FakeTime.epochSecondsAfterStart(3000))
                .withHeader("Content-Type", "application/json").withBody(Stubs.body("github/error-rate-limit.json"))));

        assertThatThrownBy(github::repositories).isInstanceOfSatisfying(HostException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
            assertThat(e).hasMessageContaining("3001 s").hasMessageContaining("at most 60 s");
        });
        assertThat(time.waits()).isEmpty();
        API.verify(1, getRequestedFor(urlPathEqualTo(REPOS)));
    }

    @Test
    void a_rate_limit_that_keeps_coming_back_gives_up_after_the_bound() {
        API.stubFor(reposPage(1).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "25")));

        assertThatThrownBy(github::repositories).isInstanceOfSatisfying(HostException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED));
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(25), Duration.ofSeconds(25));
        API.verify(3, getRequestedFor(urlPathEqualTo(REPOS)));
    }

    @Test
    void an_answer_that_uses_up_the_quota_holds_the_next_request_until_the_reset() {
        API.stubFor(reposPage(1).willReturn(okJson(Stubs.body("github/repos-page-1.json"))
                .withHeader("x-ratelimit-remaining", "0").withHeader("x-ratelimit-reset", FakeTime.epochSecondsAfterStart(20))
                .withHeader("Link", link("next", 2))));
        API.stubFor(reposPage(2).willReturn(okJson(Stubs.body("github/repos-page-3.json"))
                .withHeader("x-ratelimit-remaining", "4999").withHeader("x-ratelimit-reset", FakeTime.epochSecondsAfterStart(3600))));

        assertThat(github.repositories()).hasSize(3);
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(21));
    }

    @Test
    void server_errors_are_retried_with_a_growing_jittered_back_off() {
        API.stubFor(first(reposPage(1)).willReturn(aResponse().withStatus(502)));
        API.stubFor(reposPage(1).inScenario("limited").whenScenarioStateIs("waited").willSetStateTo("again")
                .willReturn(aResponse().withStatus(503)));
        API.stubFor(reposPage(1).inScenario("limited").whenScenarioStateIs("again")
                .willReturn(okJson(Stubs.body("github/repos-page-3.json"))));

        assertThat(github.repositories()).hasSize(1);
        List<Duration> waits = time.waits();
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void server_errors_that_go_on_give_up_after_the_bound() {
        API.stubFor(reposPage(1).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(github::repositories).isInstanceOfSatisfying(HostException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
            assertThat(e).hasMessageContaining("HTTP 500");
        });
        assertThat(time.waited()).isLessThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(time.waits()).hasSizeGreaterThanOrEqualTo(5);
        API.verify(time.waits().size() + 1, getRequestedFor(urlPathEqualTo(REPOS)));
    }

    @Test
    void a_host_that_cannot_be_reached_is_retried_then_unavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        GitHost nowhere = new GitHosts(time.politeness(Duration.ofSeconds(5)))
                .connect(HostKind.GITHUB, URI.create("http://localhost:" + closedPort), TOKEN);

        assertThatThrownBy(nowhere::repositories).isInstanceOfSatisfying(HostException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
            assertThat(e).hasMessageContaining("cannot be reached");
            assertThat(e.getCause()).isInstanceOf(ConnectException.class);
        });
        assertThat(time.waits()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(time.waited()).isLessThanOrEqualTo(Duration.ofSeconds(5));
    }

    // ---- credentials ---------------------------------------------------------------------------------

    @Test
    void git_gets_the_token_as_x_access_token_and_no_text_shows_it() {
        assertThat(github.gitCredentials()).isEqualTo(new GitCredentials("x-access-token", TOKEN));
        assertThat(github.kind()).isEqualTo(HostKind.GITHUB);
        assertThat(github.toString()).contains(API.baseUrl()).doesNotContain(TOKEN);
        assertThat(github.gitCredentials().toString()).doesNotContain(TOKEN);
    }
}
