package dev.stackdraft.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.stackdraft.hosting.GitHost;
import dev.stackdraft.hosting.GitHubHost;
import dev.stackdraft.hosting.HostException;
import dev.stackdraft.hosting.HostRepository;
import dev.stackdraft.hosting.RepositoryFile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The fake GitHub API of {@link GitServerFixture}: GitHub's shapes and links, and answers a clone agrees with. */
class FakeGitHubApiTest {

    private static final String TOKEN = "gho_fake0123456789";
    private static final String AFFILIATION = "owner,collaborator,organization_member";

    @RegisterExtension
    static final GitServerFixture git = new GitServerFixture();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void repositories_come_a_hundred_a_page_in_creation_order_with_githubs_link_headers() throws Exception {
        SequencedMap<String, Map<String, String>> many = new LinkedHashMap<>();
        for (int i = 0; i < 250; i++) {
            many.put(String.format("pages/app-%03d", 249 - i), Map.of("README.md", "# " + i + "\n"));
        }
        git.createRepositories(many);
        String first = git.apiBase() + "/user/repos?per_page=100&affiliation=" + AFFILIATION;

        HttpResponse<String> page1 = get(first, TOKEN);
        HttpResponse<String> page2 = get(first + "&page=2", TOKEN);
        HttpResponse<String> page3 = get(first + "&page=3", TOKEN);

        String self = git.apiBase() + "/user/repos?per_page=100&affiliation=" + AFFILIATION + "&page=";
        assertThat(page1.headers().firstValue("Link")).contains(
                "<" + self + "2>; rel=\"next\", <" + self + "3>; rel=\"last\"");
        assertThat(page2.headers().firstValue("Link")).contains("<" + self + "1>; rel=\"prev\", <" + self
                + "3>; rel=\"next\", <" + self + "3>; rel=\"last\", <" + self + "1>; rel=\"first\"");
        assertThat(page3.headers().firstValue("Link")).contains(
                "<" + self + "2>; rel=\"prev\", <" + self + "1>; rel=\"first\"");
        List<HostRepository> listed = new GitHubHost(git.apiBase(), TOKEN).repositories().stream()
                .filter(r -> r.fullName().startsWith("pages/")).toList();
        assertThat(listed).hasSize(250);
        assertThat(listed.getFirst().fullName()).isEqualTo("pages/app-249");
        assertThat(listed.getLast().fullName()).isEqualTo("pages/app-000");
        assertThat(listed.getFirst().cloneUrl()).isEqualTo(git.cloneUri("pages/app-249"));
        assertThat(listed.getFirst().defaultBranch()).isEqualTo("main");
        assertThat(listed.getFirst().privateRepository()).isTrue();
    }

    @Test
    void the_tree_and_the_contents_are_the_repositorys_own() {
        String head = git.createRepository("acme/orders", Map.of("template.yaml", "Resources: {}\n",
                "services/web/serverless.yml", "service: web\n", "README.md", "# orders\n"));
        GitHost github = new GitHubHost(git.apiBase(), TOKEN);
        HostRepository orders = repository(github, "acme/orders");
        git.forgetApiRequests();

        assertThat(github.files(orders, head)).extracting(RepositoryFile::path, RepositoryFile::size)
                .containsExactlyInAnyOrder(tuple("README.md", 9L), tuple("template.yaml", 14L),
                        tuple("services/web/serverless.yml", 13L));
        assertThat(github.files(orders, "main")).hasSize(3);
        assertThat(new String(github.read(orders, "main", "services/web/serverless.yml"), StandardCharsets.UTF_8))
                .isEqualTo("service: web\n");
        assertThat(github.canRead(orders)).isTrue();
        assertThat(git.apiRequests("/repos/acme/orders/git/trees/.*")).isEqualTo(2);
        assertThat(git.apiRequests("/repos/acme/orders/contents/.*")).isEqualTo(1);
        assertThat(git.apiRequests("/repos/acme/orders")).isEqualTo(1);
    }

    @Test
    void an_empty_repository_has_no_files_and_a_missing_one_is_not_found() {
        git.createEmptyRepository("acme/empty", "main");
        GitHost github = new GitHubHost(git.apiBase(), TOKEN);
        HostRepository empty = repository(github, "acme/empty");
        HostRepository gone = new HostRepository(empty.host(), "1", "acme/gone", "main", git.cloneUri("acme/gone"),
                empty.webUrl(), true);

        assertThat(github.files(empty, "main")).isEmpty();
        assertThat(github.canRead(gone)).isFalse();
        assertThatThrownBy(() -> github.read(gone, "main", "template.yaml")).isInstanceOfSatisfying(HostException.class,
                e -> assertThat(e.reason()).isEqualTo(HostException.Reason.NOT_FOUND));
    }

    @Test
    void the_api_wants_a_token_and_refuses_a_rejected_one_as_github_does() throws Exception {
        git.rejectToken("gho_revoked");

        HttpResponse<String> none = get(git.apiBase() + "/user", null);
        HttpResponse<String> revoked = get(git.apiBase() + "/user", "gho_revoked");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(json(none).path("message").asString()).isEqualTo("Requires authentication");
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(json(revoked).path("message").asString()).isEqualTo("Bad credentials");
        assertThat(json(revoked).path("status").asString()).isEqualTo("401");
        assertThat(new GitHubHost(git.apiBase(), TOKEN).currentUser().login()).isEqualTo(GitServerFixture.USER);
    }

    @Test
    void git_takes_any_token_as_x_access_token_like_github_and_still_alices_password() throws Exception {
        String head = git.createRepository("acme/cloned", Map.of("template.yaml", "Resources: {}\n"));
        git.rejectToken("gho_revoked_for_git");

        assertThat(headOverGit("acme/cloned", GitServerFixture.TOKEN_USER, "gho_any_token_at_all")).isEqualTo(head);
        assertThat(headOverGit("acme/cloned", GitServerFixture.USER, GitServerFixture.PASSWORD)).isEqualTo(head);
        assertThatThrownBy(() -> headOverGit("acme/cloned", GitServerFixture.TOKEN_USER, "gho_revoked_for_git"))
                .isInstanceOf(TransportException.class).hasMessageContaining("not authorized");
    }

    private String headOverGit(String name, String user, String password) throws Exception {
        Map<String, Ref> refs = Git.lsRemoteRepository().setRemote(git.cloneUri(name).toString()).setHeads(true)
                .setCredentialsProvider(new UsernamePasswordCredentialsProvider(user, password)).callAsMap();
        return refs.get(Constants.R_HEADS + "main").getObjectId().name();
    }

    private static HostRepository repository(GitHost github, String fullName) {
        return github.repositories().stream().filter(r -> r.fullName().equals(fullName)).findFirst().orElseThrow();
    }

    private HttpResponse<String> get(String uri, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).header("Accept", "application/vnd.github+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return GitHubJson.JSON.readTree(response.body());
    }
}
