package dev.stackdraft.git;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Base64;
import java.util.Locale;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bodies {@link FakeGitHubApi} answers, shaped like the examples of GitHub's REST documentation (the same
 * fields as {@code src/test/resources/hosting/github}), with the fixture's addresses in every URL.
 */
record GitHubJson(GitServerFixture git, String apiBase) {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CREATED = "2026-01-05T09:00:00Z";

    /** {@code GET /user}: the fixture's one user. */
    ObjectNode user() {
        return account(GitServerFixture.USER)
                .put("name", "Alice Liddell")
                .put("company", "Acme")
                .put("blog", "")
                .putNull("location")
                .put("email", GitServerFixture.USER + "@example.com")
                .putNull("hireable")
                .putNull("bio")
                .put("public_repos", 0)
                .put("followers", 0)
                .put("following", 0)
                .put("created_at", CREATED)
                .put("updated_at", CREATED);
    }

    /** An owner: the fixture's user, or an organisation of that name. */
    private ObjectNode account(String login) {
        boolean user = login.equals(GitServerFixture.USER);
        long id = user ? 1001 : 9000 + (login.hashCode() & 0xfff);
        return JSON.createObjectNode()
                .put("login", login)
                .put("id", id)
                .put("node_id", (user ? "U_" : "O_") + id)
                .put("avatar_url", web() + "/avatars/" + login)
                .put("gravatar_id", "")
                .put("url", apiBase + "/users/" + login)
                .put("html_url", web() + "/" + login)
                .put("type", user ? "User" : "Organization")
                .put("site_admin", false);
    }

    /** An entry of {@code /user/repos}, and {@code GET /repos/{owner}/{repo}}. */
    ObjectNode repository(GitServerFixture.Listed listed) {
        String fullName = listed.fullName();
        String name = fullName.substring(fullName.indexOf('/') + 1);
        ObjectNode repo = JSON.createObjectNode()
                .put("id", listed.id())
                .put("node_id", "R_" + listed.id())
                .put("name", name)
                .put("full_name", fullName);
        repo.set("owner", account(fullName.substring(0, fullName.indexOf('/'))));
        repo.put("private", true)
                .put("html_url", web() + "/" + fullName)
                .putNull("description")
                .put("fork", false)
                .put("url", repoApi(listed))
                .put("git_url", "git:" + web().substring("http://".length()) + "/" + fullName + ".git")
                .put("ssh_url", "git@127.0.0.1:" + fullName + ".git")
                .put("clone_url", git.cloneUri(fullName).toString())
                .putNull("homepage")
                .putNull("language")
                .put("size", 1)
                .put("default_branch", listed.defaultBranch())
                .put("is_template", false)
                .put("has_issues", true)
                .put("archived", false)
                .put("disabled", false)
                .put("visibility", "private")
                .put("pushed_at", CREATED)
                .put("created_at", CREATED)
                .put("updated_at", CREATED);
        repo.putObject("permissions").put("admin", false).put("push", true).put("pull", true);
        return repo;
    }

    /** {@code GET /repos/{owner}/{repo}/branches/{branch}}: the branch with its head commit. */
    ObjectNode branch(GitServerFixture.Listed listed, String branch, RevCommit head) {
        ObjectNode answer = JSON.createObjectNode().put("name", branch);
        answer.set("commit", commit(listed, head));
        answer.putObject("_links")
                .put("self", repoApi(listed) + "/branches/" + branch)
                .put("html", web() + "/" + listed.fullName() + "/tree/" + branch);
        answer.put("protected", false);
        ObjectNode protection = answer.putObject("protection").put("enabled", false);
        protection.putObject("required_status_checks").put("enforcement_level", "off")
                .set("contexts", JSON.createArrayNode());
        answer.put("protection_url", repoApi(listed) + "/branches/" + branch + "/protection");
        return answer;
    }

    private ObjectNode commit(GitServerFixture.Listed listed, RevCommit commit) {
        String sha = commit.name();
        ObjectNode answer = JSON.createObjectNode().put("sha", sha).put("node_id", "C_" + sha.substring(0, 12));
        ObjectNode inner = answer.putObject("commit");
        inner.set("author", person(commit.getAuthorIdent()));
        inner.set("committer", person(commit.getCommitterIdent()));
        inner.put("message", commit.getFullMessage());
        inner.putObject("tree").put("sha", commit.getTree().name())
                .put("url", repoApi(listed) + "/git/trees/" + commit.getTree().name());
        inner.put("url", repoApi(listed) + "/git/commits/" + sha).put("comment_count", 0);
        inner.putObject("verification").put("verified", false).put("reason", "unsigned")
                .putNull("signature").putNull("payload").putNull("verified_at");
        answer.put("url", repoApi(listed) + "/commits/" + sha)
                .put("html_url", web() + "/" + listed.fullName() + "/commit/" + sha)
                .put("comments_url", repoApi(listed) + "/commits/" + sha + "/comments")
                .putNull("author") // GitHub gives null when the e-mail belongs to no GitHub account
                .putNull("committer");
        ArrayNode parents = answer.putArray("parents");
        for (RevCommit parent : commit.getParents()) {
            parents.addObject().put("sha", parent.name()).put("url", repoApi(listed) + "/commits/" + parent.name())
                    .put("html_url", web() + "/" + listed.fullName() + "/commit/" + parent.name());
        }
        return answer;
    }

    private static ObjectNode person(PersonIdent who) {
        return JSON.createObjectNode().put("name", who.getName()).put("email", who.getEmailAddress())
                .put("date", who.getWhenAsInstant().toString());
    }

    /** One entry of a tree listing: a blob with its size, a folder, a submodule. */
    ObjectNode treeEntry(GitServerFixture.Listed listed, String path, FileMode mode, ObjectId id, long size) {
        String type = mode == FileMode.TREE ? "tree" : mode == FileMode.GITLINK ? "commit" : "blob";
        ObjectNode entry = JSON.createObjectNode()
                .put("path", path)
                .put("mode", String.format(Locale.ROOT, "%06o", mode.getBits()))
                .put("type", type);
        if (size >= 0) {
            entry.put("size", size);
        }
        entry.put("sha", id.name());
        if (!type.equals("commit")) {
            entry.put("url", repoApi(listed) + (type.equals("tree") ? "/git/trees/" : "/git/blobs/") + id.name());
        }
        return entry;
    }

    /** {@code GET .../git/trees/{sha}}: the entries, never truncated. */
    ObjectNode tree(GitServerFixture.Listed listed, RevTree tree, ArrayNode entries) {
        ObjectNode answer = JSON.createObjectNode().put("sha", tree.name())
                .put("url", repoApi(listed) + "/git/trees/" + tree.name());
        answer.set("tree", entries);
        return answer.put("truncated", false);
    }

    /** {@code GET .../contents/{path}} without the raw media type: the file, base64 in lines of 60. */
    ObjectNode file(GitServerFixture.Listed listed, String path, String ref, ObjectId blob, byte[] bytes) {
        String self = repoApi(listed) + "/contents/" + path + "?ref=" + ref;
        String html = web() + "/" + listed.fullName() + "/blob/" + ref + "/" + path;
        ObjectNode answer = JSON.createObjectNode()
                .put("type", "file")
                .put("encoding", "base64")
                .put("size", bytes.length)
                .put("name", path.substring(path.lastIndexOf('/') + 1))
                .put("path", path)
                .put("content", Base64.getMimeEncoder(60, new byte[] {'\n'}).encodeToString(bytes) + "\n")
                .put("sha", blob.name())
                .put("url", self)
                .put("git_url", repoApi(listed) + "/git/blobs/" + blob.name())
                .put("html_url", html)
                .putNull("download_url");
        answer.putObject("_links").put("git", repoApi(listed) + "/git/blobs/" + blob.name()).put("self", self)
                .put("html", html);
        return answer;
    }

    private String repoApi(GitServerFixture.Listed listed) {
        return apiBase + "/repos/" + listed.fullName();
    }

    /** Where a person would browse: the fixture's server itself (no pages are served there). */
    private String web() {
        return apiBase.substring(0, apiBase.indexOf("/api/v3"));
    }

    static void send(HttpServletResponse response, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType("application/json; charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** GitHub's error shape: message, documentation_url, status (a string). */
    static void error(HttpServletResponse response, int status, String message, String documentation) throws IOException {
        send(response, status, JSON.createObjectNode().put("message", message).put("documentation_url", documentation)
                .put("status", String.valueOf(status)));
    }

    static void notFound(HttpServletResponse response, String documentation) throws IOException {
        error(response, 404, "Not Found", documentation);
    }
}
