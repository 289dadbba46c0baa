package dev.stackdraft.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stackdraft.config.BareRepos;
import dev.stackdraft.hosting.HostException;
import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.project.ProjectState;
import dev.stackdraft.project.ProjectSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.Test;

class BulkImportTest extends ImportTest {

    @Test
    void every_repository_gets_a_result_and_each_template_becomes_a_project() {
        long user = newUser("ann");
        var local = newLocalHost();
        BareRepos.create(local.root(), "acme/three-stacks", Map.of(
                "template.yaml", Templates.SAM, "infra/network.json", Templates.CFN_JSON,
                "services/api/serverless.yml", Templates.SERVERLESS, "README.md", "# three"));
        BareRepos.create(local.root(), "acme/docs", Map.of("README.md", "# docs", "mkdocs.yml", "site_name: docs"));
        BareRepos.create(local.root(), "acme/empty");
        BareRepos.create(local.root(), "acme/broken", Map.of("template.yaml", Templates.BROKEN_YAML));
        hosts.give(user, local.connected());

        ImportProgress progress = importAll(user);

        assertThat(progress.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(progress.total()).isEqualTo(4);
        assertThat(progress.done()).isEqualTo(4);
        assertThat(progress.finishedAt()).isNotNull();
        assertThat(results(progress)).extracting(RepositoryResult::repository, RepositoryResult::outcome, RepositoryResult::templates)
                .containsExactly(
                        tuple("acme/broken", RepositoryOutcome.UNREADABLE, 1),
                        tuple("acme/docs", RepositoryOutcome.NO_TEMPLATE, 0),
                        tuple("acme/empty", RepositoryOutcome.NO_TEMPLATE, 0),
                        tuple("acme/three-stacks", RepositoryOutcome.IMPORTED, 3));
        assertThat(byRepository(progress).get("acme/empty").reason()).contains("no commits");
        assertThat(byRepository(progress).get("acme/broken").reason())
                .as("which template, and where it cannot be read").matches("1 of 1 template cannot be read; template\\.yaml:\\d+:\\d+: .*");
        assertThat(progress.counts()).containsEntry(RepositoryOutcome.IMPORTED, 1).containsEntry(RepositoryOutcome.NO_TEMPLATE, 2)
                .containsEntry(RepositoryOutcome.UNREADABLE, 1).containsEntry(RepositoryOutcome.FAILED, 0)
                .containsEntry(RepositoryOutcome.PENDING, 0);

        Map<String, ProjectSummary> found = projectsOf(user);
        assertThat(found).containsOnlyKeys("acme/broken:template.yaml", "acme/three-stacks:template.yaml",
                "acme/three-stacks:infra/network.json", "acme/three-stacks:services/api/serverless.yml");
        ProjectSummary sam = found.get("acme/three-stacks:template.yaml");
        assertThat(sam.host()).isEqualTo(HostKind.LOCAL);
        assertThat(sam.branch()).isEqualTo("main");
        assertThat(sam.lastCommit()).isEqualTo(BareRepos.head(local.root(), "acme/three-stacks"));
        assertThat(sam.resourceCount()).isEqualTo(2);
        assertThat(sam.state()).isEqualTo(ProjectState.VALID);
        assertThat(sam.dialect()).isEqualTo("SAM");
        assertThat(sam.webUrl()).isNull();
        assertThat(sam.updatedAt()).isEqualTo(clock.instant());
        assertThat(found.get("acme/broken:template.yaml").state()).isEqualTo(ProjectState.UNREADABLE);
        assertThat(found.get("acme/three-stacks:services/api/serverless.yml").dialect()).isEqualTo("SERVERLESS");
    }

    @Test
    void importing_again_adds_no_duplicates_and_reads_nothing_that_did_not_change() {
        long user = newUser("ben");
        var local = newLocalHost();
        BareRepos.create(local.root(), "acme/app", Map.of("template.yaml", Templates.SAM, "infra/network.json", Templates.CFN_JSON));
        BareRepos.create(local.root(), "acme/docs", Map.of("README.md", "# docs"));
        hosts.give(user, local.connected());
        ImportProgress first = importAll(user);
        List<Long> ids = projects.visibleTo(user, "", null).stream().map(ProjectSummary::id).toList();
        int fileListings = local.host().fileListings.get();

        ImportProgress second = importAll(user);

        assertThat(second.jobId()).isNotEqualTo(first.jobId());
        assertThat(results(second)).extracting(RepositoryResult::repository, RepositoryResult::outcome, RepositoryResult::templates)
                .containsExactlyElementsOf(results(first).stream()
                        .map(r -> tuple(r.repository(), r.outcome(), r.templates())).toList());
        assertThat(results(second)).allSatisfy(r -> assertThat(r.reason()).isEqualTo("unchanged since it was last scanned"));
        assertThat(projects.visibleTo(user, "", null)).extracting(ProjectSummary::id).containsExactlyElementsOf(ids);
        assertThat(local.host().fileListings.get()).isEqualTo(fileListings);
        assertThat(jdbc.sql("select count(*) from project p join git_repository r on r.id = p.repository_id where r.api_base = ?")
                .param(local.apiBase().toString()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void a_template_that_moved_is_updated_and_one_that_is_gone_is_removed() {
        long user = newUser("cay");
        var local = newLocalHost();
        BareRepos.create(local.root(), "acme/app", Map.of("template.yaml", Templates.sam("One"),
                "infra/network.json", Templates.CFN_JSON, "services/api/serverless.yml", Templates.SERVERLESS));
        hosts.give(user, local.connected());
        importAll(user);
        Map<String, ProjectSummary> before = projectsOf(user);

        Map<String, String> changes = new HashMap<>();
        changes.put("template.yaml", Templates.sam("One", "Two", "Three"));
        changes.put("infra/network.json", null);
        changes.put("services/api/serverless.yml", null);
        changes.put("services/web/serverless.yml", Templates.SERVERLESS);
        String moved = BareRepos.commit(local.root(), "acme/app", changes);
        clock.advance(Duration.ofMinutes(1));
        ImportProgress again = importAll(user);

        assertThat(results(again)).extracting(RepositoryResult::outcome, RepositoryResult::templates, RepositoryResult::reason)
                .containsExactly(tuple(RepositoryOutcome.IMPORTED, 2, ""));
        Map<String, ProjectSummary> after = projectsOf(user);
        assertThat(after).containsOnlyKeys("acme/app:template.yaml", "acme/app:services/web/serverless.yml");
        ProjectSummary template = after.get("acme/app:template.yaml");
        assertThat(template.id()).isEqualTo(before.get("acme/app:template.yaml").id());
        assertThat(template.lastCommit()).isEqualTo(moved);
        assertThat(template.resourceCount()).isEqualTo(3);
        assertThat(template.updatedAt()).isEqualTo(clock.instant());
    }

    @Test
    void a_failing_repository_does_not_stop_the_others() {
        long user = newUser("dee");
        var local = newLocalHost();
        for (String name : List.of("acme/a", "acme/limited", "acme/b", "acme/down", "acme/c")) {
            BareRepos.create(local.root(), name, Map.of("template.yaml", Templates.SAM));
        }
        local.host().failing("acme/limited", HostException.Reason.RATE_LIMITED)
                .failing("acme/down", HostException.Reason.UNAVAILABLE);
        hosts.give(user, local.connected());

        ImportProgress progress = importAll(user);

        assertThat(progress.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(progress.done()).isEqualTo(5);
        Map<String, RepositoryResult> results = byRepository(progress);
        assertThat(results.get("acme/limited").outcome()).isEqualTo(RepositoryOutcome.FAILED);
        assertThat(results.get("acme/limited").reason()).startsWith("rate-limited by the host").contains("scripted");
        assertThat(results.get("acme/down").outcome()).isEqualTo(RepositoryOutcome.FAILED);
        assertThat(results.get("acme/down").reason()).startsWith("the host is unavailable");
        assertThat(List.of("acme/a", "acme/b", "acme/c"))
                .allSatisfy(name -> assertThat(results.get(name).outcome()).isEqualTo(RepositoryOutcome.IMPORTED));
        assertThat(projectsOf(user)).containsOnlyKeys("acme/a:template.yaml", "acme/b:template.yaml", "acme/c:template.yaml");
    }

    @Test
    void retrying_scans_only_the_failed_repositories_again_in_the_same_job() {
        long user = newUser("ria");
        var local = newLocalHost();
        for (String name : List.of("acme/a", "acme/limited", "acme/b")) {
            BareRepos.create(local.root(), name, Map.of("template.yaml", Templates.SAM));
        }
        local.host().failing("acme/limited", HostException.Reason.RATE_LIMITED);
        hosts.give(user, local.connected());
        ImportProgress first = importAll(user);
        assertThat(first.count(RepositoryOutcome.FAILED)).isEqualTo(1);
        assertThat(first.count(RepositoryOutcome.IMPORTED)).isEqualTo(2);
        int fileListings = local.host().fileListings.get();

        local.host().recovered("acme/limited");
        long jobId = imports.retryFailed(user).orElseThrow().jobId();
        ImportProgress retried = awaitEnd(user, jobId);

        assertThat(jobId).as("the same job").isEqualTo(first.jobId());
        assertThat(retried.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(retried.count(RepositoryOutcome.IMPORTED)).isEqualTo(3);
        assertThat(retried.count(RepositoryOutcome.FAILED)).isZero();
        assertThat(retried.done()).isEqualTo(3);
        assertThat(local.host().fileListings.get()).as("only the failed one was read again").isEqualTo(fileListings + 1);
        assertThat(projectsOf(user)).containsKey("acme/limited:template.yaml");
        assertThat(imports.retryFailed(user)).as("nothing left to retry: nothing happens")
                .hasValueSatisfying(p -> assertThat(p.status()).isEqualTo(ImportStatus.FINISHED));
    }

    @Test
    void retrying_lists_a_host_again_that_could_not_be_listed() {
        long user = newUser("ron");
        var local = newLocalHost();
        BareRepos.create(local.root(), "acme/app", Map.of("template.yaml", Templates.SAM));
        local.host().down(HostException.Reason.UNAVAILABLE);
        hosts.give(user, local.connected());
        ImportProgress failed = importAll(user);
        assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);

        local.host().down(null);
        ImportProgress retried = awaitEnd(user, imports.retryFailed(user).orElseThrow().jobId());

        assertThat(retried.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(results(retried)).extracting(RepositoryResult::repository, RepositoryResult::outcome)
                .containsExactly(tuple("acme/app", RepositoryOutcome.IMPORTED));
    }

    @Test
    void results_are_searched_filtered_and_paged_with_the_problems_first() {
        long user = newUser("pia");
        var local = newLocalHost();
        for (int i = 0; i < 30; i++) {
            BareRepos.create(local.root(), String.format("acme/app-%02d", i), i % 3 == 0
                    ? Map.of("README.md", "# none") : Map.of("template.yaml", i == 7 ? Templates.BROKEN_YAML : Templates.SAM));
        }
        local.host().failing("acme/app-20", HostException.Reason.UNAVAILABLE);
        hosts.give(user, local.connected());
        ImportProgress progress = importAll(user);
        long job = progress.jobId();

        assertThat(progress.counts()).containsEntry(RepositoryOutcome.NO_TEMPLATE, 10).containsEntry(RepositoryOutcome.FAILED, 1)
                .containsEntry(RepositoryOutcome.UNREADABLE, 1).containsEntry(RepositoryOutcome.IMPORTED, 18);
        assertThat(imports.results(user, job, ResultFilter.ALL, 0, 3)).extracting(RepositoryResult::repository)
                .as("failed, then unreadable, then the others as listed").containsExactly("acme/app-20", "acme/app-07", "acme/app-00");
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 30; offset += 7) {
            imports.results(user, job, ResultFilter.ALL, offset, 7).forEach(r -> paged.add(r.repository()));
        }
        assertThat(paged).hasSize(30).doesNotHaveDuplicates();
        assertThat(imports.countResults(user, job, ResultFilter.ALL)).isEqualTo(30);
        assertThat(imports.countResults(user, job, ResultFilter.PROBLEMS)).isEqualTo(2);
        assertThat(imports.results(user, job, new ResultFilter("", Set.of(RepositoryOutcome.NO_TEMPLATE)), 0, 100))
                .hasSize(10).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(RepositoryOutcome.NO_TEMPLATE));
        assertThat(imports.results(user, job, ResultFilter.ALL.withText("APP-1"), 0, 100)).extracting(RepositoryResult::repository)
                .as("ignoring case, in the name").hasSize(10).allSatisfy(name -> assertThat(name).startsWith("acme/app-1"));
        assertThat(imports.results(user, job, ResultFilter.ALL.withText("unavailable"), 0, 100))
                .extracting(RepositoryResult::repository).as("in the reason").containsExactly("acme/app-20");
        assertThat(imports.results(newUser("other"), job, ResultFilter.ALL, 0, 100)).as("not someone else's job").isEmpty();
        assertThat(imports.countResults(newUser("other2"), job, ResultFilter.ALL)).isZero();
    }

    @Test
    void a_host_that_cannot_list_its_repositories_fails_the_job_and_says_why() {
        long user = newUser("eve");
        var local = newLocalHost();
        BareRepos.create(local.root(), "acme/app", Map.of("template.yaml", Templates.SAM));
        local.host().down(HostException.Reason.UNAUTHORIZED);
        hosts.give(user, local.connected());

        ImportProgress progress = importAll(user);

        assertThat(progress.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(results(progress)).singleElement().satisfies(r -> {
            assertThat(r.repository()).isEqualTo("LOCAL " + local.apiBase());
            assertThat(r.outcome()).isEqualTo(RepositoryOutcome.FAILED);
            assertThat(r.reason()).contains("could not list the repositories").contains("refused the token");
        });
    }

    @Test
    void a_user_without_hosts_finishes_at_once_with_nothing() {
        long user = newUser("fay");

        ImportProgress progress = importAll(user);

        assertThat(progress.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(progress.total()).isZero();
        assertThat(results(progress)).isEmpty();
    }

    @Test
    void starting_while_an_import_runs_returns_the_running_one() {
        long user = newUser("gil");
        var local = newLocalHost();
        BareRepos.create(local.root(), "acme/app", Map.of("template.yaml", Templates.SAM));
        local.host().closeGate();
        hosts.give(user, local.connected());

        ImportProgress first = imports.start(user);
        ImportProgress second = imports.start(user);

        assertThat(second.jobId()).isEqualTo(first.jobId());
        assertThat(second.status()).isEqualTo(ImportStatus.RUNNING);
        assertThat(imports.latest(user)).hasValueSatisfying(p -> assertThat(p.status()).isEqualTo(ImportStatus.RUNNING));
        local.host().open();
        assertThat(results(awaitEnd(user, first.jobId()))).extracting(RepositoryResult::outcome)
                .containsExactly(RepositoryOutcome.IMPORTED);
    }

    @Test
    void a_repository_the_host_no_longer_lists_disappears_on_the_next_import() throws Exception {
        long user = newUser("hal");
        var local = newLocalHost();
        BareRepos.create(local.root(), "acme/kept", Map.of("template.yaml", Templates.SAM));
        BareRepos.create(local.root(), "acme/gone", Map.of("template.yaml", Templates.SAM));
        hosts.give(user, local.connected());
        importAll(user);
        assertThat(projectsOf(user)).containsOnlyKeys("acme/kept:template.yaml", "acme/gone:template.yaml");

        FileUtils.delete(local.root().resolve("acme/gone.git").toFile(), FileUtils.RECURSIVE);
        ImportProgress again = importAll(user);

        assertThat(results(again)).extracting(RepositoryResult::repository).containsExactly("acme/kept");
        assertThat(projectsOf(user)).containsOnlyKeys("acme/kept:template.yaml");
    }

    @Test
    void users_never_see_each_others_repositories() {
        long ann = newUser("ann");
        long bob = newUser("bob");
        long cid = newUser("cid");
        var annHost = newLocalHost();
        var bobHost = newLocalHost();
        BareRepos.create(annHost.root(), "ann/private", Map.of("template.yaml", Templates.SAM));
        BareRepos.create(bobHost.root(), "bob/secret", Map.of("template.yaml", Templates.SAM));
        hosts.give(ann, annHost.connected());
        hosts.give(bob, bobHost.connected());
        hosts.give(cid, annHost.connected()); // cid can read what ann reads

        importAll(ann);
        importAll(bob);
        importAll(cid);

        ProjectSummary annProject = projects.visibleTo(ann, "", null).getFirst();
        ProjectSummary bobProject = projects.visibleTo(bob, "", null).getFirst();
        assertThat(projects.visibleTo(ann, "", null)).extracting(ProjectSummary::repository).containsExactly("ann/private");
        assertThat(projects.visibleTo(bob, "", null)).extracting(ProjectSummary::repository).containsExactly("bob/secret");
        assertThat(projects.visibleTo(ann, "secret", null)).isEmpty();
        assertThat(projects.find(ann, bobProject.id())).isEmpty();
        assertThat(projects.find(bob, annProject.id())).isEmpty();
        assertThat(projects.find(ann, annProject.id())).contains(annProject);
        assertThat(results(imports.latest(ann).orElseThrow())).extracting(RepositoryResult::repository)
                .containsExactly("ann/private");
        assertThat(projects.visibleTo(cid, "", null)).extracting(ProjectSummary::id).containsExactly(annProject.id());
    }

    @Test
    void old_jobs_are_dropped_and_the_newest_kept() {
        long user = newUser("ida");
        for (int i = 0; i < ImportJournal.KEEP_JOBS + 3; i++) {
            importAll(user);
        }

        long jobs = jdbc.sql("select count(*) from import_job where user_id = ?").param(user).query(Long.class).single();

        assertThat(jobs).isEqualTo(ImportJournal.KEEP_JOBS);
        assertThat(imports.latest(user)).isPresent();
    }
}
