package dev.stackdraft.hosting;

import dev.stackdraft.git.GitCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * GitLab through its REST API v4: gitlab.com ({@code https://gitlab.com/api/v4}) or a self-managed instance
 * ({@code https://HOST/api/v4}). Repositories are the projects the user is a member of; a
 * {@link HostRepository#id()} is the numeric project id, which survives renames and transfers.
 *
 * <p>The token goes as {@code Authorization: Bearer} by default, which GitLab accepts for OAuth tokens and
 * for personal, project and group access tokens alike; {@link TokenHeader#PRIVATE_TOKEN} sends the
 * {@code PRIVATE-TOKEN} header instead.
 *
 * <p>The repository tree API does not give sizes: {@link RepositoryFile#size()} is -1 here. A project
 * without commits has no default branch ({@code ""}) and no files. The commit e-mail is
 * {@code commit_email}, else {@code public_email}, else {@code email}, else GitLab's private commit address
 * {@code ID-USERNAME@users.noreply.HOST}.
 */
public final class GitLabHost implements GitHost {

    /** gitlab.com's API. */
    public static final URI GITLAB_COM = URI.create("https://gitlab.com/api/v4");

    /** How the token is sent. */
    public enum TokenHeader {
        /** {@code Authorization: Bearer TOKEN}: OAuth tokens, and access tokens too. */
        BEARER,
        /** {@code PRIVATE-TOKEN: TOKEN}: personal, project and group access tokens only. */
        PRIVATE_TOKEN
    }

    static final String JSON_TYPE = "application/json";
    private static final String RAW_TYPE = "*/*";

    private final HostHttp http;
    private final String token;

    /** Talks to {@code apiBase} with a client of its own, the standard {@link Politeness} and a Bearer header. */
    public GitLabHost(URI apiBase, String token) {
        this(apiBase, token, TokenHeader.BEARER, GitHosts.newHttpClient(), Politeness.standard());
    }

    public GitLabHost(URI apiBase, String token, TokenHeader header, HttpClient client, Politeness politeness) {
        this.token = Objects.requireNonNull(token, "token");
        Map<String, String> auth = switch (header) {
            case BEARER -> Map.of("Authorization", "Bearer " + token);
            case PRIVATE_TOKEN -> Map.of("PRIVATE-TOKEN", token);
        };
        this.http = new HostHttp("GitLab", apiBase, client, politeness, HostHttp.QuotaHeaders.GITLAB, auth);
    }

    @Override
    public HostKind kind() {
        return HostKind.GITLAB;
    }

    @Override
    public HostUser currentUser() {
        JsonNode user = http.getJson(http.uri("/user"), JSON_TYPE);
        String id = HostHttp.required(user, "id", "GitLab's profile");
        String username = HostHttp.required(user, "username", "GitLab's profile");
        String name = Objects.requireNonNullElse(HostHttp.text(user, "name"), username);
        String email = CommitEmails.of(HostKind.GITLAB, id, username,
                CommitEmails.noreplyHost(HostKind.GITLAB, http.apiBase()), field -> HostHttp.text(user, field));
        return new HostUser(id, username, name, email);
    }

    @Override
    public List<HostRepository> repositories() {
        URI first = http.uri("/projects?membership=true&order_by=id&sort=asc&per_page=100&page=1");
        List<HostRepository> repositories = new ArrayList<>();
        for (JsonNode project : http.pages(first, JSON_TYPE, GitLabHost::nextPage)) {
            repositories.add(repository(project));
        }
        return repositories;
    }

    static HostRepository repository(JsonNode project) {
        String path = HostHttp.required(project, "path_with_namespace", "a GitLab project");
        return new HostRepository(HostKind.GITLAB,
                HostHttp.required(project, "id", "GitLab project " + path),
                path,
                Objects.requireNonNullElse(HostHttp.text(project, "default_branch"), ""),
                URI.create(HostHttp.required(project, "http_url_to_repo", "GitLab project " + path)),
                URI.create(HostHttp.required(project, "web_url", "GitLab project " + path)),
                !"public".equals(HostHttp.text(project, "visibility")));
    }

    /**
     * GitLab's next page: the {@code Link} header's {@code rel="next"} when it sends one (keyset pagination
     * only has that), else {@code X-Next-Page} (offset pagination; empty on the last page).
     */
    static @Nullable URI nextPage(HostHttp.Response response) {
        URI link = HostHttp.nextLink(response);
        if (link != null) {
            return link;
        }
        String next = response.header("X-Next-Page");
        if (next == null || next.isBlank()) {
            return null;
        }
        return HostHttp.withQueryParameter(response.uri(), "page", next.trim());
    }

    /**
     * {@code GET /projects/:id/repository/branches/:branch}'s {@code commit.id}, the branch name URL-encoded as
     * one segment. GitLab answers 404 "404 Branch Not Found" for a branch that does not exist.
     */
    @Override
    public Optional<String> branchHead(HostRepository repository, String branch) {
        URI uri = http.uri(projectPath(repository) + "/repository/branches/" + HostHttp.encode(branch));
        return http.getJsonIfPresent(uri, JSON_TYPE, http.uri(projectPath(repository)), "Branch Not Found")
                .map(answer -> HostHttp.required(answer.path("commit"), "id",
                        "GitLab's branch " + branch + " of " + repository.fullName()));
    }

    @Override
    public List<RepositoryFile> files(HostRepository repository, String ref) {
        if (ref.isEmpty()) {
            return List.of(); // no commits yet: no default branch
        }
        URI first = http.uri(projectPath(repository) + "/repository/tree?recursive=true&ref=" + HostHttp.encode(ref)
                + "&per_page=100&pagination=keyset");
        List<RepositoryFile> files = new ArrayList<>();
        for (JsonNode entry : http.pages(first, JSON_TYPE, GitLabHost::nextPage)) {
            String path = HostHttp.text(entry, "path");
            // regular files only: no folders, submodules (commit) or symbolic links (mode 120000)
            if ("blob".equals(HostHttp.text(entry, "type")) && !"120000".equals(HostHttp.text(entry, "mode"))
                    && path != null) {
                files.add(new RepositoryFile(path, -1));
            }
        }
        return files;
    }

    @Override
    public byte[] read(HostRepository repository, String ref, String path) {
        URI uri = http.uri(projectPath(repository) + "/repository/files/" + encodeFilePath(path) + "/raw?ref="
                + HostHttp.encode(ref));
        return http.get(uri, RAW_TYPE).body();
    }

    /** The whole path as one segment, as GitLab's files API wants it: {@code lib%2Fclass%2Erb}. */
    static String encodeFilePath(String path) {
        return HostHttp.encode(path).replace(".", "%2E");
    }

    @Override
    public boolean canRead(HostRepository repository) {
        return http.readable(http.uri(projectPath(repository)), JSON_TYPE);
    }

    @Override
    public PullRequest openPullRequest(HostRepository repository, String head, String base, String title,
                                       String body) {
        ObjectNode request = HostHttp.JSON.createObjectNode()
                .put("source_branch", head)
                .put("target_branch", base)
                .put("title", title)
                .put("description", body);
        JsonNode merge = http.postJson(http.uri(projectPath(repository) + "/merge_requests"), JSON_TYPE, request);
        return new PullRequest(Integer.parseInt(HostHttp.required(merge, "iid", "GitLab's new merge request")),
                URI.create(HostHttp.required(merge, "web_url", "GitLab's new merge request")));
    }

    @Override
    public GitCredentials gitCredentials() {
        return new GitCredentials("oauth2", token);
    }

    private static String projectPath(HostRepository repository) {
        return "/projects/" + HostHttp.encode(repository.id());
    }

    @Override
    public String toString() {
        return "GitLabHost[" + http.apiBase() + "]"; // never the token
    }
}
