package dev.stackdraft.hosting;

import dev.stackdraft.git.GitCredentials;
import dev.stackdraft.hosting.HostException.Reason;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * GitHub through its REST API: github.com ({@code https://api.github.com}) or GitHub Enterprise Server
 * ({@code https://HOST/api/v3}), with a user's OAuth or personal access token sent as
 * {@code Authorization: Bearer}.
 *
 * <p>{@link #files} uses the git trees API ({@code recursive=1}). When GitHub truncates a recursive tree
 * (more than 100,000 entries or 7 MB), this client does not give up or report a partial list: it lists that
 * tree one level down and fetches each sub-tree recursively on its own, splitting further wherever a sub-tree
 * is truncated too, as GitHub's documentation advises. The answer is always complete. An empty repository
 * (GitHub answers 409) has no files.
 *
 * <p>{@link #currentUser}'s commit e-mail: the public e-mail of the profile; else the primary verified
 * address from {@code /user/emails} unless its visibility is {@code private}; else (private, or the token may
 * not read e-mails) the noreply address GitHub lists among the user's e-mails when there is one, or
 * {@link CommitEmails#noreply} ({@code ID+LOGIN@users.noreply.github.com}, an Enterprise Server's own host there).
 */
public final class GitHubHost implements GitHost {

    /** github.com's API. */
    public static final URI GITHUB_COM = URI.create("https://api.github.com");

    static final String JSON_TYPE = "application/vnd.github+json";
    static final String RAW_TYPE = "application/vnd.github.raw+json";
    private static final String API_VERSION = "2022-11-28";

    private final HostHttp http;
    private final String token;

    /** Talks to {@code apiBase} with a client of its own and the standard {@link Politeness}. */
    public GitHubHost(URI apiBase, String token) {
        this(apiBase, token, GitHosts.newHttpClient(), Politeness.standard());
    }

    public GitHubHost(URI apiBase, String token, HttpClient client, Politeness politeness) {
        this.token = Objects.requireNonNull(token, "token");
        this.http = new HostHttp("GitHub", apiBase, client, politeness, HostHttp.QuotaHeaders.GITHUB,
                Map.of("Authorization", "Bearer " + token, "X-GitHub-Api-Version", API_VERSION));
    }

    @Override
    public HostKind kind() {
        return HostKind.GITHUB;
    }

    @Override
    public HostUser currentUser() {
        JsonNode user = http.getJson(http.uri("/user"), JSON_TYPE);
        String id = HostHttp.required(user, "id", "GitHub's profile");
        String login = HostHttp.required(user, "login", "GitHub's profile");
        String name = Objects.requireNonNullElse(HostHttp.text(user, "name"), login);
        String email = HostHttp.text(user, "email");
        return new HostUser(id, login, name, email != null ? email : privateCommitEmail(id, login));
    }

    /** The address to author commits with when the profile shows no public e-mail. */
    private String privateCommitEmail(String id, String login) {
        String noreply = CommitEmails.noreply(HostKind.GITHUB, id, login,
                CommitEmails.noreplyHost(HostKind.GITHUB, http.apiBase()));
        HostHttp.Response answer = http.send("GET", http.uri("/user/emails?per_page=100"), JSON_TYPE, null);
        if (answer.status() == 401) {
            throw http.failure(answer);
        }
        if (!answer.ok()) {
            return noreply; // 403 / 404: the token may not read e-mail addresses (no user:email scope)
        }
        @Nullable String listedNoreply = null;
        for (JsonNode entry : http.json(answer).values()) {
            String email = HostHttp.text(entry, "email");
            if (email == null || !entry.path("verified").asBoolean(false)) {
                continue;
            }
            if (email.toLowerCase(Locale.ROOT).contains("@users.noreply.")) {
                listedNoreply = email;
            } else if (entry.path("primary").asBoolean(false) && !"private".equals(HostHttp.text(entry, "visibility"))) {
                return email;
            }
        }
        return listedNoreply != null ? listedNoreply : noreply;
    }

    @Override
    public List<HostRepository> repositories() {
        URI first = http.uri("/user/repos?per_page=100&affiliation=owner,collaborator,organization_member");
        List<HostRepository> repositories = new ArrayList<>();
        for (JsonNode repo : http.pages(first, JSON_TYPE, HostHttp::nextLink)) {
            repositories.add(repository(repo));
        }
        return repositories;
    }

    static HostRepository repository(JsonNode repo) {
        String fullName = HostHttp.required(repo, "full_name", "a GitHub repository");
        return new HostRepository(HostKind.GITHUB,
                HostHttp.required(repo, "id", "GitHub repository " + fullName),
                fullName,
                Objects.requireNonNullElse(HostHttp.text(repo, "default_branch"), ""),
                URI.create(HostHttp.required(repo, "clone_url", "GitHub repository " + fullName)),
                URI.create(HostHttp.required(repo, "html_url", "GitHub repository " + fullName)),
                repo.path("private").asBoolean(false));
    }

    /**
     * {@code GET /repos/{owner}/{repo}/branches/{branch}}'s {@code commit.sha}. GitHub answers 404 "Branch not
     * found" for a branch that does not exist, an empty repository's default branch included.
     */
    @Override
    public Optional<String> branchHead(HostRepository repository, String branch) {
        URI uri = http.uri(repoPath(repository) + "/branches/" + HostHttp.encodePath(branch));
        return http.getJsonIfPresent(uri, JSON_TYPE, http.uri(repoPath(repository)), "Branch not found")
                .map(answer -> HostHttp.required(answer.path("commit"), "sha",
                        "GitHub's branch " + branch + " of " + repository.fullName()));
    }

    @Override
    public List<RepositoryFile> files(HostRepository repository, String ref) {
        if (ref.isEmpty()) {
            return List.of(); // no commits yet: no default branch
        }
        List<RepositoryFile> files = new ArrayList<>();
        HostHttp.Response answer = http.send("GET", treeUri(repository, HostHttp.encodePath(ref), true), JSON_TYPE, null);
        if (answer.status() == 409) {
            return List.of(); // "Git Repository is empty."
        }
        collect(repository, HostHttp.encodePath(ref), "", http.json(http.check(answer)), files);
        return files;
    }

    /** Adds the blobs of {@code recursive} (a recursive listing of {@code treeish}), walking it when truncated. */
    private void collect(HostRepository repository, String treeish, String prefix, JsonNode recursive,
                         List<RepositoryFile> out) {
        if (!recursive.path("truncated").asBoolean(false)) {
            for (JsonNode entry : recursive.path("tree").values()) {
                addBlob(entry, prefix, out);
            }
            return;
        }
        JsonNode level = http.getJson(treeUri(repository, treeish, false), JSON_TYPE);
        if (level.path("truncated").asBoolean(false)) {
            throw new HostException(Reason.REJECTED, "GitHub cannot list " + repository.fullName() + "/" + prefix
                    + ": one folder holds more entries than its trees API returns");
        }
        for (JsonNode entry : level.path("tree").values()) {
            if ("tree".equals(HostHttp.text(entry, "type"))) {
                String sha = HostHttp.required(entry, "sha", "a GitHub tree entry");
                String path = prefix + HostHttp.required(entry, "path", "a GitHub tree entry") + "/";
                collect(repository, sha, path, http.getJson(treeUri(repository, sha, true), JSON_TYPE), out);
            } else {
                addBlob(entry, prefix, out);
            }
        }
    }

    /** Regular files only: no folders, submodules ({@code commit}) or symbolic links (mode 120000). */
    private static void addBlob(JsonNode entry, String prefix, List<RepositoryFile> out) {
        String path = HostHttp.text(entry, "path");
        if ("blob".equals(HostHttp.text(entry, "type")) && !"120000".equals(HostHttp.text(entry, "mode"))
                && path != null) {
            out.add(new RepositoryFile(prefix + path, entry.path("size").asLong(-1)));
        }
    }

    private URI treeUri(HostRepository repository, String encodedTreeish, boolean recursive) {
        return http.uri(repoPath(repository) + "/git/trees/" + encodedTreeish + (recursive ? "?recursive=1" : ""));
    }

    @Override
    public byte[] read(HostRepository repository, String ref, String path) {
        URI uri = http.uri(repoPath(repository) + "/contents/" + HostHttp.encodePath(path) + "?ref="
                + HostHttp.encode(ref));
        return http.get(uri, RAW_TYPE).body();
    }

    @Override
    public boolean canRead(HostRepository repository) {
        return http.readable(http.uri(repoPath(repository)), JSON_TYPE);
    }

    @Override
    public PullRequest openPullRequest(HostRepository repository, String head, String base, String title,
                                       String body) {
        ObjectNode request = HostHttp.JSON.createObjectNode()
                .put("title", title)
                .put("head", head)
                .put("base", base)
                .put("body", body);
        JsonNode pull = http.postJson(http.uri(repoPath(repository) + "/pulls"), JSON_TYPE, request);
        return new PullRequest(Integer.parseInt(HostHttp.required(pull, "number", "GitHub's new pull request")),
                URI.create(HostHttp.required(pull, "html_url", "GitHub's new pull request")));
    }

    @Override
    public GitCredentials gitCredentials() {
        return new GitCredentials("x-access-token", token);
    }

    private static String repoPath(HostRepository repository) {
        return "/repos/" + HostHttp.encodePath(repository.fullName());
    }

    @Override
    public String toString() {
        return "GitHubHost[" + http.apiBase() + "]"; // never the token
    }
}
