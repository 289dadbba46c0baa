package dev.stackdraft.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stackdraft.config.BareRepos;
import dev.stackdraft.config.PostgresServer;
import dev.stackdraft.hosting.HostException;
import dev.stackdraft.project.ProjectState;
import dev.stackdraft.project.OwnerCount;
import dev.stackdraft.project.ProjectSummary;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The migrations and every query of projects and imports on a real PostgreSQL (the rest of the tests use H2):
 * Flyway migrates it once, as the context starts.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresImportTest extends ImportTest {

    @BeforeAll
    static void needsPostgres() {
        Assumptions.assumeTrue(PostgresServer.shared().isPresent(), PostgresServer::whyNot);
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PostgresServer.shared().orElseThrow().jdbcUrl());
        registry.add("spring.datasource.username", () -> PostgresServer.USER);
        registry.add("spring.datasource.password", () -> "");
    }

    @Test
    void the_migrations_ran_on_postgresql() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success = false").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'")
                .query(String.class).list())
                .contains("app_user", "linked_account", "git_repository", "project", "repository_access", "import_job",
                        "import_item");
    }

    @Test
    void imports_and_projects_work_on_postgresql() {
        long user = newUser("pg");
        var local = newLocalHost();
        BareRepos.create(local.root(), "acme/three-stacks", Map.of("template.yaml", Templates.SAM,
                "infra/net_work.json", Templates.CFN_JSON, "services/api/serverless.yml", Templates.SERVERLESS));
        BareRepos.create(local.root(), "acme/findings", Map.of("template.yaml", Templates.WITH_FINDINGS));
        BareRepos.create(local.root(), "acme/docs", Map.of("README.md", "# docs"));
        BareRepos.create(local.root(), "acme/empty");
        BareRepos.create(local.root(), "acme/limited", Map.of("template.yaml", Templates.SAM));
        local.host().failing("acme/limited", HostException.Reason.RATE_LIMITED);
        hosts.give(user, local.connected());

        ImportProgress first = importAll(user);

        assertThat(first.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(results(first)).extracting(RepositoryResult::repository, RepositoryResult::outcome, RepositoryResult::templates)
                .as("the failures first").containsExactly(
                        tuple("acme/limited", RepositoryOutcome.FAILED, 0),
                        tuple("acme/docs", RepositoryOutcome.NO_TEMPLATE, 0),
                        tuple("acme/empty", RepositoryOutcome.NO_TEMPLATE, 0),
                        tuple("acme/findings", RepositoryOutcome.IMPORTED, 1),
                        tuple("acme/three-stacks", RepositoryOutcome.IMPORTED, 3));
        assertThat(imports.results(user, first.jobId(), ResultFilter.ALL.withText("THREE"), 0, 10))
                .extracting(RepositoryResult::repository).containsExactly("acme/three-stacks");
        assertThat(projects.owners(user)).containsExactly(new OwnerCount("acme", 4));
        List<Long> ids = projects.visibleTo(user, "", null).stream().map(ProjectSummary::id).toList();
        assertThat(ids).hasSize(4);
        assertThat(projects.visibleTo(user, "net_", null)).extracting(ProjectSummary::templatePath)
                .containsExactly("infra/net_work.json");
        assertThat(projects.visibleTo(user, "", ProjectState.HAS_FINDINGS)).extracting(ProjectSummary::repository)
                .containsExactly("acme/findings");
        ProjectSummary one = projects.visibleTo(user, "", null).getFirst();
        assertThat(projects.find(user, one.id())).contains(one);
        assertThat(one.updatedAt()).isEqualTo(clock.instant());

        ImportProgress second = importAll(user);
        assertThat(projects.visibleTo(user, "", null)).extracting(ProjectSummary::id).containsExactlyElementsOf(ids);
        assertThat(results(second)).filteredOn(r -> r.outcome() != RepositoryOutcome.FAILED)
                .allSatisfy(r -> assertThat(r.reason()).isIn("unchanged since it was last scanned", "the default branch main has no commits"));

        Map<String, String> changes = new HashMap<>();
        changes.put("template.yaml", Templates.sam("A", "B"));
        changes.put("infra/net_work.json", null);
        String moved = BareRepos.commit(local.root(), "acme/three-stacks", changes);
        importAll(user);
        assertThat(projects.visibleTo(user, "three-stacks", null))
                .extracting(ProjectSummary::templatePath, ProjectSummary::lastCommit, ProjectSummary::resourceCount)
                .containsExactly(tuple("services/api/serverless.yml", moved, 1), tuple("template.yaml", moved, 2));

        local.host().readable(r -> !r.fullName().equals("acme/findings"));
        clock.advance(Duration.ofMinutes(6));
        assertThat(projects.visibleTo(user, "", null)).extracting(ProjectSummary::repository).doesNotContain("acme/findings")
                .contains("acme/three-stacks");
    }

    @Test
    void a_stopped_job_resumes_and_old_jobs_are_dropped_on_postgresql() {
        long user = newUser("pg-resume");
        var local = newLocalHost();
        BareRepos.create(local.root(), "acme/a", Map.of("template.yaml", Templates.SAM));
        hosts.give(user, local.connected());
        for (int i = 0; i < ImportJournal.KEEP_JOBS + 1; i++) {
            importAll(user);
        }
        long stopped = jdbc.sql("insert into import_job (user_id, status, total, done, started_at) values (?, 'RUNNING', 0, 0, now())")
                .param(user).update() == 1 ? jdbc.sql("select max(id) from import_job where user_id = ?").param(user)
                .query(Long.class).single() : -1;

        imports.resumeRunning();
        ImportProgress resumed = awaitEnd(user, stopped);

        assertThat(resumed.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(results(resumed)).extracting(RepositoryResult::outcome).containsExactly(RepositoryOutcome.IMPORTED);
        assertThat(jdbc.sql("select count(*) from import_job where user_id = ?").param(user).query(Long.class).single())
                .isEqualTo(ImportJournal.KEEP_JOBS + 1);
    }
}
