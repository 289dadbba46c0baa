package dev.stackdraft.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stackdraft.config.StackdraftSettings;
import dev.stackdraft.git.GitServerFixture;
import dev.stackdraft.hosting.GitHost;
import dev.stackdraft.hosting.GitHosts;
import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.Politeness;
import dev.stackdraft.project.ConnectedHost;
import dev.stackdraft.project.ProjectSummary;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bulk import of {@link BulkImportBenchmarkTest} (same mix of repositories, same figures) over HTTP, as a
 * GitHub user has it: the real {@link dev.stackdraft.hosting.GitHubHost} against {@link GitServerFixture}'s fake
 * GitHub REST API, which lists the repositories 100 a page with {@code Link} headers and answers each one's
 * head (the branch endpoint), recursive tree and raw contents from the real repositories its smart-HTTP git
 * server serves: the import asks git nothing. Each run
 * has a server of its own. Everything lives in the test's JVM: the server's heap and CPU are in the figures
 * too. Figures are printed, not asserted (see docs/benchmarks.md); the outcome and the requests are asserted.
 */
class BulkImportOverHttpBenchmarkTest extends ImportTest {

    private static final String TOKEN = "gho_16C7e42F292c6912E7710c838347Ae178B4a";
    private static final String OWNER = "bench";

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
                "[benchmark] bulk import over HTTP: fake GitHub REST API + smart-HTTP git server (GitServerFixture),"
                        + " in process (parallelism " + settings.importing().parallelism() + ", "
                        + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, H2 in memory)",
                "[benchmark] | repositories | time | peak heap (sampled) | retained after GC |",
                "[benchmark] |---|---|---|---|",
                small.line(), large.line(), organisation.line());
        System.out.println(table);
    }

    private ImportMeasurement.Figures run(int count) {
        try (GitServerFixture git = new GitServerFixture().start()) {
            long setUp = System.nanoTime();
            SequencedMap<String, Map<String, String>> repositories = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                repositories.put(String.format(Locale.ROOT, "%s/repo-%03d", OWNER, i), BulkImportBenchmarkTest.files(i));
            }
            Map<String, String> heads = git.createRepositories(repositories);
            System.out.printf(Locale.ROOT, "[benchmark] set-up of %d repositories: %.1f s%n", count,
                    (System.nanoTime() - setUp) / 1e9);

            long user = newUser("bench-http-" + count);
            GitHost github = gitHosts.connect(HostKind.GITHUB, git.apiBase(), TOKEN);
            hosts.give(user, new ConnectedHost(HostKind.GITHUB, git.apiBase(), github));

            ImportMeasurement.Measured<ImportProgress> measured = ImportMeasurement.measure(count, () -> {
                long jobId = imports.start(user).jobId();
                return await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                        .until(() -> imports.latest(user).orElseThrow(),
                                p -> p.jobId() == jobId && p.status() != ImportStatus.RUNNING);
            });
            ImportProgress progress = measured.result();

            assertThat(progress.status()).isEqualTo(ImportStatus.FINISHED);
            assertThat(progress.done()).isEqualTo(count);
            assertThat(results(progress)).hasSize(count);
            assertThat(results(progress)).filteredOn(r -> r.outcome() == RepositoryOutcome.IMPORTED).hasSize(count * 3 / 4);
            assertThat(results(progress)).filteredOn(r -> r.outcome() == RepositoryOutcome.NO_TEMPLATE).hasSize(count / 4);
            assertThat(results(progress).stream().mapToInt(RepositoryResult::templates).sum()).isEqualTo(count);
            List<ProjectSummary> projects = this.projects.visibleTo(user, "", null);
            assertThat(projects).hasSize(count);
            assertThat(projects).allSatisfy(p -> {
                assertThat(p.host()).isEqualTo(HostKind.GITHUB);
                assertThat(p.branch()).isEqualTo(GitServerFixture.DEFAULT_BRANCH);
                assertThat(p.lastCommit()).as("the head of the repository on the server").isEqualTo(heads.get(p.repository()));
            });
            assertThat(git.apiRequests("/user/repos")).as("pages of 100").isEqualTo((count + 99) / 100);
            assertThat(git.apiRequests("/repos/" + OWNER + "/[^/]+/branches/main")).as("one head per repository")
                    .isEqualTo(count);
            assertThat(git.apiRequests("/repos/" + OWNER + "/[^/]+/git/trees/.*")).as("one tree per repository")
                    .isEqualTo(count);
            return measured.figures();
        }
    }
}
