package dev.stackdraft.git;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The part of GitHub's REST API that Stackdraft reads, answered from the real repositories of a
 * {@link GitServerFixture} (so the head, the tree and the contents always agree with what a clone gets). Mounted
 * at {@code /api/v3} like GitHub Enterprise Server's API; every request needs {@code Authorization: Bearer}
 * (or {@code token}) with a token that was not {@link GitServerFixture#rejectToken rejected}.
 *
 * <ul>
 *   <li>{@code GET /user}: a fixed profile ({@link GitServerFixture#USER});</li>
 *   <li>{@code GET /user/repos}: every repository created under an owner, in creation order, {@code per_page}
 *       a page (30 unless asked, at most 100) with GitHub's {@code Link} header;</li>
 *   <li>{@code GET /repos/{owner}/{repo}}, {@code .../branches/{branch}} (404 "Branch not found"),
 *       {@code .../git/trees/{sha-or-ref}[?recursive=1]} (409 for an empty repository),
 *       {@code .../contents/{path}?ref=X} (raw bytes with {@code Accept: application/vnd.github.raw+json}, else
 *       GitHub's JSON with base64 content; files only).</li>
 * </ul>
 * Any other path is GitHub's 404, any other method the servlet's 405. Each request's path is recorded for {@link GitServerFixture#apiRequests},
 * with how many requests for it were under way at once ({@link GitServerFixture#apiRequestsAtOnce}); answers can be
 * slowed down ({@link GitServerFixture#slowDown}).
 */
final class FakeGitHubApi extends HttpServlet {

    static final String RAW_TYPE = "application/vnd.github.raw+json";
    private static final Pattern REPO_PATH = Pattern.compile("/repos/([^/]+)/([^/]+)(/.*)?");

    private final GitServerFixture git;
    private final Set<String> rejectedTokens = ConcurrentHashMap.newKeySet();
    private final Collection<String> requests = new ConcurrentLinkedQueue<>();
    private final Set<String> blockedRepositories = ConcurrentHashMap.newKeySet();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostAtOnce = new ConcurrentHashMap<>();

    FakeGitHubApi(GitServerFixture git) {
        this.git = git;
    }

    void reject(String token) {
        rejectedTokens.add(token);
    }

    /** From now on every request about the repository is answered 403 "Repository access blocked" (or no more). */
    void block(String fullName, boolean blocked) {
        if (blocked) {
            blockedRepositories.add(fullName);
        } else {
            blockedRepositories.remove(fullName);
        }
    }

    boolean accepts(String token) {
        return !token.isBlank() && !rejectedTokens.contains(token);
    }

    long requests(String pathRegex) {
        Pattern pattern = Pattern.compile(pathRegex);
        return requests.stream().filter(path -> pattern.matcher(path).matches()).count();
    }

    void forgetRequests() {
        requests.clear();
        mostAtOnce.clear();
    }

    /** Requests whose path matches wait this long before they are answered ({@link Duration#ZERO}: no more). */
    void slowDown(String pathRegex, Duration delay) {
        if (delay.isZero()) {
            delays.remove(pathRegex);
        } else {
            delays.put(pathRegex, delay);
        }
    }

    /** The most requests for one same path (matching {@code pathRegex}) that were under way at the same time. */
    int requestsAtOnce(String pathRegex) {
        Pattern pattern = Pattern.compile(pathRegex);
        return mostAtOnce.entrySet().stream().filter(e -> pattern.matcher(e.getKey()).matches())
                .mapToInt(e -> e.getValue().get()).max().orElse(0);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        requests.add(path);
        AtomicInteger underWay = inFlight.computeIfAbsent(path, p -> new AtomicInteger());
        mostAtOnce.computeIfAbsent(path, p -> new AtomicInteger()).accumulateAndGet(underWay.incrementAndGet(), Math::max);
        try {
            for (Map.Entry<String, Duration> delay : delays.entrySet()) {
                if (path.matches(delay.getKey())) {
                    Thread.sleep(delay.getValue());
                }
            }
            answer(request, response, path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            GitHubJson.error(response, 503, "Service unavailable", "https://docs.github.com/rest");
        } finally {
            underWay.decrementAndGet();
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            GitHubJson.error(response, 401, "Requires authentication", "https://docs.github.com/rest");
            return;
        }
        String token = authorization.replaceFirst("^(?i)(Bearer|token)\\s+", "");
        if (token.equals(authorization) || !accepts(token)) {
            GitHubJson.error(response, 401, "Bad credentials", "https://docs.github.com/rest");
            return;
        }
        GitHubJson json = new GitHubJson(git, apiBase(request));
        if (path.equals("/user")) {
            GitHubJson.send(response, 200, json.user());
            return;
        }
        if (path.equals("/user/repos")) {
            listRepositories(request, response, json);
            return;
        }
        var repoPath = REPO_PATH.matcher(path);
        GitServerFixture.Listed listed = repoPath.matches() ? git.listed(repoPath.group(1) + "/" + repoPath.group(2)) : null;
        if (listed == null) {
            GitHubJson.notFound(response, "https://docs.github.com/rest");
            return;
        }
        if (blockedRepositories.contains(listed.fullName())) {
            // what GitHub answers for a repository an administrator or a legal notice blocked
            GitHubJson.error(response, 403, "Repository access blocked", "https://docs.github.com/rest");
            return;
        }
        String rest = repoPath.group(3) == null ? "" : repoPath.group(3);
        try (Repository repository = git.openCached(listed.fullName())) {
            if (rest.isEmpty()) {
                GitHubJson.send(response, 200, json.repository(listed));
            } else if (rest.startsWith("/branches/")) {
                branch(response, json, listed, repository, rest.substring("/branches/".length()));
            } else if (rest.startsWith("/git/trees/")) {
                tree(request, response, json, listed, repository, rest.substring("/git/trees/".length()));
            } else if (rest.startsWith("/contents/")) {
                contents(request, response, json, listed, repository, rest.substring("/contents/".length()));
            } else {
                GitHubJson.notFound(response, "https://docs.github.com/rest");
            }
        }
    }

    /**
     * The API's address as the client sees it, for links: behind a proxy that says where it is
     * ({@code X-Forwarded-Host}, {@code X-Forwarded-Prefix}, as a reverse proxy does), that address.
     */
    private String apiBase(HttpServletRequest request) {
        String forwardedHost = request.getHeader("X-Forwarded-Host");
        String host = forwardedHost != null ? forwardedHost : request.getServerName() + ":" + request.getServerPort();
        String prefix = forwardedHost != null ? Objects.requireNonNullElse(request.getHeader("X-Forwarded-Prefix"), "") : "";
        return "http://" + host + prefix + request.getServletPath();
    }

    /** A page of {@code /user/repos} with GitHub's links: prev, next, last, first, each when there is one. */
    private static void listRepositories(HttpServletRequest request, HttpServletResponse response, GitHubJson json)
            throws IOException {
        List<GitServerFixture.Listed> all = json.git().listed();
        int perPage = Math.clamp(intParameter(request, "per_page", 30), 1, 100);
        int page = Math.max(1, intParameter(request, "page", 1));
        int last = Math.max(1, (all.size() + perPage - 1) / perPage);
        ArrayNode answer = GitHubJson.JSON.createArrayNode();
        for (int i = (page - 1) * perPage; i < Math.min(all.size(), page * perPage); i++) {
            answer.add(json.repository(all.get(i)));
        }
        List<String> links = new ArrayList<>();
        String self = json.apiBase() + request.getPathInfo() + "?" + withoutPage(request.getQueryString());
        if (page > 1) {
            links.add("<" + self + "page=" + Math.min(page - 1, last) + ">; rel=\"prev\"");
        }
        if (page < last) {
            links.add("<" + self + "page=" + (page + 1) + ">; rel=\"next\"");
            links.add("<" + self + "page=" + last + ">; rel=\"last\"");
        }
        if (page > 1) {
            links.add("<" + self + "page=1>; rel=\"first\"");
        }
        if (!links.isEmpty()) {
            response.setHeader("Link", String.join(", ", links));
        }
        GitHubJson.send(response, 200, answer);
    }

    /** The query without its {@code page} parameter, ready for one to be appended. */
    private static String withoutPage(@Nullable String query) {
        StringBuilder kept = new StringBuilder();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (!pair.isEmpty() && !pair.startsWith("page=")) {
                kept.append(pair).append('&');
            }
        }
        return kept.toString();
    }

    private static int intParameter(HttpServletRequest request, String name, int otherwise) {
        try {
            String value = request.getParameter(name);
            return value == null ? otherwise : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static void branch(HttpServletResponse response, GitHubJson json, GitServerFixture.Listed listed,
                               Repository repository, String branch) throws IOException {
        Ref ref = repository.exactRef(Constants.R_HEADS + branch);
        if (ref == null || ref.getObjectId() == null) {
            GitHubJson.error(response, 404, "Branch not found", "https://docs.github.com/rest/branches/branches#get-a-branch");
            return;
        }
        try (RevWalk walk = new RevWalk(repository)) {
            GitHubJson.send(response, 200, json.branch(listed, branch, walk.parseCommit(ref.getObjectId())));
        }
    }

    private static void tree(HttpServletRequest request, HttpServletResponse response, GitHubJson json,
                             GitServerFixture.Listed listed, Repository repository, String treeish) throws IOException {
        if (!repository.getRefDatabase().hasRefs()) {
            GitHubJson.error(response, 409, "Git Repository is empty.", "https://docs.github.com/rest/git/trees#get-a-tree");
            return;
        }
        try (RevWalk walk = new RevWalk(repository); TreeWalk entries = new TreeWalk(repository)) {
            RevTree tree = treeOf(repository, walk, treeish);
            if (tree == null) {
                GitHubJson.notFound(response, "https://docs.github.com/rest/git/trees#get-a-tree");
                return;
            }
            ObjectReader reader = entries.getObjectReader();
            ArrayNode list = GitHubJson.JSON.createArrayNode();
            entries.addTree(tree);
            boolean recursive = request.getParameter("recursive") != null;
            while (entries.next()) {
                FileMode mode = entries.getFileMode(0);
                ObjectId id = entries.getObjectId(0);
                long size = mode.getObjectType() == Constants.OBJ_BLOB ? reader.getObjectSize(id, Constants.OBJ_BLOB) : -1;
                list.add(json.treeEntry(listed, entries.getPathString(), mode, id, size));
                if (recursive && entries.isSubtree()) {
                    entries.enterSubtree();
                }
            }
            GitHubJson.send(response, 200, json.tree(listed, tree, list));
        }
    }

    private static void contents(HttpServletRequest request, HttpServletResponse response, GitHubJson json,
                                 GitServerFixture.Listed listed, Repository repository, String path) throws IOException {
        String ref = request.getParameter("ref") == null ? listed.defaultBranch() : request.getParameter("ref");
        try (RevWalk walk = new RevWalk(repository)) {
            RevTree tree = treeOf(repository, walk, ref);
            try (TreeWalk file = tree == null ? null : TreeWalk.forPath(repository, path, tree)) {
                if (file == null || file.getFileMode(0).getObjectType() != Constants.OBJ_BLOB) {
                    GitHubJson.notFound(response, "https://docs.github.com/rest/repos/contents#get-repository-content");
                    return;
                }
                byte[] bytes = repository.open(file.getObjectId(0), Constants.OBJ_BLOB).getBytes();
                String accept = request.getHeader("Accept");
                if (accept != null && accept.contains(RAW_TYPE)) {
                    response.setStatus(200);
                    response.setContentType(RAW_TYPE + "; charset=utf-8");
                    response.setContentLength(bytes.length);
                    response.getOutputStream().write(bytes);
                } else {
                    GitHubJson.send(response, 200, json.file(listed, path, ref, file.getObjectId(0), bytes));
                }
            }
        }
    }

    /** The tree a branch, a tag, a commit id or a tree id names; null when it names nothing. */
    private static @Nullable RevTree treeOf(Repository repository, RevWalk walk, String treeish) throws IOException {
        ObjectId id = ObjectId.isId(treeish) ? ObjectId.fromString(treeish) : null;
        for (String prefix : List.of(Constants.R_HEADS, Constants.R_TAGS)) {
            Ref ref = id == null ? repository.exactRef(prefix + treeish) : null;
            if (ref != null) {
                id = ref.getObjectId();
            }
        }
        if (id == null) {
            return null;
        }
        try {
            RevObject object = walk.peel(walk.parseAny(id));
            return object instanceof RevCommit commit ? commit.getTree()
                    : object instanceof RevTree tree ? tree : null;
        } catch (MissingObjectException e) {
            return null;
        }
    }
}
