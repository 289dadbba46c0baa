package dev.stackdraft.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stackdraft.config.BareRepos;
import dev.stackdraft.hosting.HostRepository;
import dev.stackdraft.project.ProjectStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A stop in the middle of an import leaves the job RUNNING in the database with some repositories done and the
 * rest PENDING; these tests write exactly that state, then do what a start does.
 */
class ResumeAfterRestartTest extends ImportTest {

    @Autowired
    ImportJobs jobs;
    @Autowired
    ImportItems items;
    @Autowired
    ProjectStore store;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void a_running_job_continues_with_its_pending_repositories_and_keeps_the_finished_ones() {
        long user = newUser("rex");
        var local = newLocalHost();
        BareRepos.create(local.root(), "acme/done-before", Map.of("template.yaml", Templates.SAM));
        BareRepos.create(local.root(), "acme/pending-one", Map.of("template.yaml", Templates.SAM));
        BareRepos.create(local.root(), "acme/pending-two", Map.of("README.md", "# nothing"));
        hosts.give(user, local.connected());
        List<HostRepository> listed = local.host().repositories();
        // in one transaction: the takeover poll must not find the job before its items
        ImportJob job = transaction.execute(status -> {
            ImportJob stopped = jobs.save(new ImportJob(null, user, ImportStatus.RUNNING, 3, 1, clock.instant(),
                    clock.instant(), null));
            for (HostRepository repository : listed) {
                long id = store.saveRepository(local.connected().kind(), local.apiBase(), repository);
                store.grantAccess(user, id);
                boolean finished = repository.fullName().equals("acme/done-before");
                items.save(new ImportItem(null, stopped.requireId(), id, repository.fullName(), repository.id(),
                        finished ? RepositoryOutcome.IMPORTED : RepositoryOutcome.PENDING, finished ? 1 : 0,
                        finished ? "scanned before the restart" : ""));
            }
            return stopped;
        });
        int listingsBefore = local.host().listings.get();

        imports.resumeRunning();
        ImportProgress progress = awaitEnd(user, job.requireId());

        assertThat(progress.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(progress.done()).isEqualTo(3);
        assertThat(progress.total()).isEqualTo(3);
        assertThat(results(progress)).extracting(RepositoryResult::repository, RepositoryResult::outcome, RepositoryResult::reason)
                .containsExactly(
                        tuple("acme/done-before", RepositoryOutcome.IMPORTED, "scanned before the restart"),
                        tuple("acme/pending-one", RepositoryOutcome.IMPORTED, ""),
                        tuple("acme/pending-two", RepositoryOutcome.NO_TEMPLATE, ""));
        assertThat(local.host().listings.get()).as("the repositories were listed before the stop").isEqualTo(listingsBefore);
        assertThat(local.host().fileListings.get()).as("only the pending ones are scanned").isEqualTo(2);
        assertThat(projectsOf(user)).containsOnlyKeys("acme/pending-one:template.yaml");
    }

    @Test
    void a_job_stopped_while_listing_lists_again() {
        long user = newUser("sue");
        var local = newLocalHost();
        BareRepos.create(local.root(), "acme/a", Map.of("template.yaml", Templates.SAM));
        BareRepos.create(local.root(), "acme/b", Map.of("template.yaml", Templates.SAM));
        hosts.give(user, local.connected());
        ImportJob job = jobs.save(ImportJob.start(user, clock.instant()));

        imports.resumeRunning();
        ImportProgress progress = awaitEnd(user, job.requireId());

        assertThat(progress.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(results(progress)).extracting(RepositoryResult::repository, RepositoryResult::outcome)
                .containsExactly(tuple("acme/a", RepositoryOutcome.IMPORTED), tuple("acme/b", RepositoryOutcome.IMPORTED));
    }

    @Test
    void starting_an_import_while_a_stopped_one_waits_resumes_it_instead_of_starting_another() {
        long user = newUser("tom");
        var local = newLocalHost();
        BareRepos.create(local.root(), "acme/a", Map.of("template.yaml", Templates.SAM));
        hosts.give(user, local.connected());
        ImportJob stopped = jobs.save(ImportJob.start(user, clock.instant()));

        ImportProgress started = imports.start(user);

        assertThat(started.jobId()).isEqualTo(stopped.requireId());
        assertThat(results(awaitEnd(user, stopped.requireId()))).extracting(RepositoryResult::outcome)
                .containsExactly(RepositoryOutcome.IMPORTED);
    }
}
