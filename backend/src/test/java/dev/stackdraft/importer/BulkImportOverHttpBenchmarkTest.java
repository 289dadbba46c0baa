package dev.stackdraft.importer;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.stackdraft.config.StackdraftSettings;
import dev.stackdraft.git.GitCredentials;
import dev.stackdraft.git.GitServerFixture;
import dev.stackdraft.hosting.GitHost;
import dev.stackdraft.hosting.GitHosts;
import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.HostRepository;
import dev.stackdraft.hosting.HostUser;
import dev.stackdraft.hosting.Politeness;
import dev.stackdraft.hosting.PullRequest;
import dev.stackdraft.hosting.RepositoryFile;
import dev.stackdraft.project.ConnectedHost;
import dev.stackdraft.project.ProjectSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bulk import of {@link BulkImportBenchmarkTest} (same mix of repositories, same figures) over HTTP: the real
 * {@link dev.stackdraft.hosting.GitHubHost} against GitHub's REST API as a WireMock stub, which lists the
 * repositories 100 a page with {@code Link} headers and serves each one's recursive tree and raw contents, read
 * from the real repositories of an in-process smart-HTTP git server ({@link GitServerFixture}) that
 * {@code clone_url} points at, so the importer's {@code ls-remote} finds the real head commit, the ref the tree
 * and contents stubs answer for. Both servers live in the test's JVM: their heap is in the figures too. Figures
 * are printed, not asserted (see docs/benchmarks.md); the outcome is asserted.
 */
class BulkImportOverHttpBenchmarkTest extends ImportTest {

    private static final String TOKEN = "gho_16C7e42F292c6912E7710c838347Ae178B4a";
    private static final String REPOS = "/user/repos";
    private static final String AFFILIATION = "owner,collaborator,organization_member";
    private static final int PER_PAGE = 100;

    @RegisterExtension
    static final WireMockExtension API = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().disableRequestJournal()).build();
    @RegisterExtension
    static final GitServerFixture git = new GitServerFixture();

    @Autowired
    StackdraftSettings settings;

    private final GitHosts gitHosts = new GitHosts(Politeness.standard());

    @Test
    void five_hundred_repositories_are_imported_over_http_in_the_background() {
        run(8); // warm-up: JIT, the SAM schema compiled once per process, HTTP connections
        ImportMeasurement.Figures small = run(48);
        ImportMeasurement.Figures large = run(200);
        ImportMeasurement.Figures organisation = run(500);

        String table = String.join("\n",
                "[benchmark] bulk import over HTTP: GitHub REST stub (WireMock) + smart-HTTP git server, both in process"
                        + " (parallelism " + settings.importing().parallelism() + ", "
                        + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, H2 in memory)",
                "[benchmark] | repositories | time | peak heap (sampled) | retained after GC |",
                "[benchmark] |---|---|---|---|",
                small.line(), large.line(), organisation.line());
        System.out.println(table);
    }

    private ImportMeasurement.Figures run(int count) {
        API.resetAll(); // only this run's stubs: WireMock matches a request against every stub
        long setUp = System.nanoTime();
        String owner = "bench" + count;
        Map<String, String> heads = new HashMap<>();
        List<String> repositories = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = String.format(Locale.ROOT, "%s-repo-%03d", owner, i);
            String head = git.createRepository(name, BulkImportBenchmarkTest.files(i));
            heads.put(owner + "/" + name, head);
            repositories.add(repositoryJson(count * 1000L + i, owner, name));
            stubTreeAndContents(owner, name, head);
        }
        stubRepositoryPages(repositories);
        System.out.printf(Locale.ROOT, "[benchmark] set-up of %d repositories and their stubs: %.1f s%n", count,
                (System.nanoTime() - setUp) / 1e9);

        long user = newUser("bench-http-" + count);
        GitHost github = new FixtureCredentials(gitHosts.connect(HostKind.GITHUB, URI.create(API.baseUrl()), TOKEN),
                git.credentials());
        hosts.give(user, new ConnectedHost(HostKind.GITHUB, URI.create(API.baseUrl()), github));

        ImportMeasurement.Measured<ImportProgress> measured = ImportMeasurement.measure(count, () -> {
            long jobId = imports.start(user).jobId();
            return await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> imports.latest(user).orElseThrow(),
                            p -> p.jobId() == jobId && p.status() != ImportStatus.RUNNING);
        });
        ImportProgress progress = measured.result();

        assertThat(progress.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(progress.done()).isEqualTo(count);
        assertThat(progress.results()).hasSize(count);
        assertThat(progress.results()).filteredOn(r -> r.outcome() == RepositoryOutcome.IMPORTED).hasSize(count * 3 / 4);
        assertThat(progress.results()).filteredOn(r -> r.outcome() == RepositoryOutcome.NO_TEMPLATE).hasSize(count / 4);
        assertThat(progress.results().stream().mapToInt(RepositoryResult::templates).sum()).isEqualTo(count);
        List<ProjectSummary> projects = this.projects.visibleTo(user, "", null);
        assertThat(projects).hasSize(count);
        assertThat(projects).allSatisfy(p -> {
            assertThat(p.host()).isEqualTo(HostKind.GITHUB);
            assertThat(p.branch()).isEqualTo(GitServerFixture.DEFAULT_BRANCH);
            assertThat(p.lastCommit()).as("the head ls-remote found on the git server").isEqualTo(heads.get(p.repository()));
        });
        return measured.figures();
    }

    // ---- GitHub's REST API, shaped after its documentation (see src/test/resources/hosting/github) ---------

    /** {@code GET /user/repos}, {@value #PER_PAGE} a page, each page but the last with {@code next} and {@code last} links. */
    private static void stubRepositoryPages(List<String> repositories) {
        int pages = Math.max(1, (repositories.size() + PER_PAGE - 1) / PER_PAGE);
        for (int page = 1; page <= pages; page++) {
            List<String> slice = repositories.subList((page - 1) * PER_PAGE, Math.min(repositories.size(), page * PER_PAGE));
            ResponseDefinitionBuilder answer = okJson("[" + String.join(",", slice) + "]");
            List<String> links = new ArrayList<>();
            if (page > 1) {
                links.add(link("prev", page - 1));
                links.add(link("first", 1));
            }
            if (page < pages) {
                links.add(link("next", page + 1));
                links.add(link("last", pages));
            }
            if (!links.isEmpty()) {
                answer = answer.withHeader("Link", String.join(", ", links));
            }
            API.stubFor(get(urlPathEqualTo(REPOS))
                    .withQueryParam("per_page", equalTo("" + PER_PAGE))
                    .withQueryParam("affiliation", equalTo(AFFILIATION))
                    .withQueryParam("page", page == 1 ? absent() : equalTo("" + page))
                    .willReturn(answer));
        }
    }

    private static String link(String rel, int page) {
        return "<" + API.baseUrl() + REPOS + "?per_page=" + PER_PAGE + "&affiliation=" + AFFILIATION + "&page=" + page
                + ">; rel=\"" + rel + "\"";
    }

    /** One entry of {@code /user/repos} (the fields of repos-page-*.json that matter, same shape). */
    private String repositoryJson(long id, String owner, String name) {
        String fullName = owner + "/" + name;
        return """
                {"id": %d, "node_id": "R_bench%d", "name": "%s", "full_name": "%s",
                 "owner": {"login": "%s", "id": 9000, "type": "Organization", "site_admin": false},
                 "private": true, "html_url": "https://github.example.com/%s", "description": null, "fork": false,
                 "url": "%s/repos/%s", "clone_url": "%s", "default_branch": "%s", "archived": false,
                 "disabled": false, "visibility": "private",
                 "permissions": {"admin": false, "push": true, "pull": true}}"""
                .formatted(id, id, name, fullName, owner, fullName, API.baseUrl(), fullName, git.cloneUri(name),
                        GitServerFixture.DEFAULT_BRANCH);
    }

    /**
     * {@code GET /repos/{owner}/{repo}/git/trees/{commit}?recursive=1} (blobs and folders, as tree-recursive.json)
     * and {@code GET /repos/{owner}/{repo}/contents/{path}?ref={commit}} (raw) for every file, read from the
     * repository on the git server.
     */
    private static void stubTreeAndContents(String owner, String name, String head) {
        String repoPath = "/repos/" + owner + "/" + name;
        List<String> entries = new ArrayList<>();
        try (Repository repository = new FileRepositoryBuilder().setGitDir(git.repositoryDirectory(name).toFile())
                .setMustExist(true).build();
             ObjectReader reader = repository.newObjectReader();
             RevWalk commits = new RevWalk(reader);
             TreeWalk walk = new TreeWalk(reader)) {
            RevCommit commit = commits.parseCommit(repository.resolve(head));
            walk.addTree(commit.getTree());
            walk.setRecursive(false);
            while (walk.next()) {
                String path = walk.getPathString();
                String sha = walk.getObjectId(0).name();
                if (walk.isSubtree()) {
                    entries.add("""
                            {"path": "%s", "mode": "040000", "type": "tree", "sha": "%s", "url": "%s%s/git/trees/%s"}"""
                            .formatted(path, sha, API.baseUrl(), repoPath, sha));
                    walk.enterSubtree();
                    continue;
                }
                byte[] bytes = reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).getBytes();
                entries.add("""
                        {"path": "%s", "mode": "100644", "type": "blob", "size": %d, "sha": "%s", "url": "%s%s/git/blobs/%s"}"""
                        .formatted(path, bytes.length, sha, API.baseUrl(), repoPath, sha));
                API.stubFor(get(urlEqualTo(repoPath + "/contents/" + path + "?ref=" + head))
                        .withHeader("Accept", equalTo("application/vnd.github.raw+json"))
                        .willReturn(aResponse().withStatus(200)
                                .withHeader("Content-Type", "application/vnd.github.raw+json").withBody(bytes)));
            }
            String tree = commit.getTree().name();
            API.stubFor(get(urlEqualTo(repoPath + "/git/trees/" + head + "?recursive=1")).willReturn(okJson("""
                    {"sha": "%s", "url": "%s%s/git/trees/%s", "tree": [%s], "truncated": false}"""
                    .formatted(tree, API.baseUrl(), repoPath, tree, String.join(",", entries)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The real GitHub client, but git over HTTP with the git server's one user: GitHub's own git user is
     * {@code x-access-token} with the OAuth token, which {@link GitServerFixture} does not know.
     */
    private record FixtureCredentials(GitHost github, GitCredentials credentials) implements GitHost {

        @Override
        public HostKind kind() {
            return github.kind();
        }

        @Override
        public HostUser currentUser() {
            return github.currentUser();
        }

        @Override
        public List<HostRepository> repositories() {
            return github.repositories();
        }

        @Override
        public List<RepositoryFile> files(HostRepository repository, String ref) {
            return github.files(repository, ref);
        }

        @Override
        public byte[] read(HostRepository repository, String ref, String path) {
            return github.read(repository, ref, path);
        }

        @Override
        public boolean canRead(HostRepository repository) {
            return github.canRead(repository);
        }

        @Override
        public PullRequest openPullRequest(HostRepository repository, String head, String base, String title,
                                           String body) {
            return github.openPullRequest(repository, head, base, title, body);
        }

        @Override
        public GitCredentials gitCredentials() {
            return credentials;
        }
    }
}
