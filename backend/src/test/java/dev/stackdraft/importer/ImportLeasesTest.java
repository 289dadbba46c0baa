package dev.stackdraft.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.stackdraft.config.BareRepos;
import dev.stackdraft.config.StackdraftSettings;
import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.project.ConnectedHost;
import dev.stackdraft.project.ProjectStore;
import dev.stackdraft.project.UserHosts;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several instances on one database, as two (or more) runners of their own in this JVM: each with its own instance
 * id and a short lease, sharing the application's database, store and hosts. The application's own runner (a third
 * instance, with the default lease) may take part in a takeover too, so what is checked is what any holder must do.
 */
class ImportLeasesTest extends ImportTest {

    private static final Duration LEASE = Duration.ofSeconds(1);
    private static final int PARALLELISM = 4;

    @Autowired
    ImportJobs jobs;
    @Autowired
    ImportItems items;
    @Autowired
    ImportResults importResults;
    @Autowired
    ProjectStore store;
    @Autowired
    UserHosts userHosts;
    @Autowired
    RepositoryImport repositoryImport;
    @Autowired
    StackdraftSettings settings;
    @Autowired
    ConfigurableApplicationContext context;

    private final List<Instance> instances = new ArrayList<>();
    private final List<ImportFinished> finished = new CopyOnWriteArrayList<>();
    private final ApplicationListener<PayloadApplicationEvent<ImportFinished>> listener = e -> finished.add(e.getPayload());
    private final ListAppender<ILoggingEvent> runnerLog = new ListAppender<>();

    @BeforeEach
    void listen() {
        context.addApplicationListener(listener);
        runnerLog.start();
        ((Logger) LoggerFactory.getLogger(ImportRunner.class)).addAppender(runnerLog);
    }

    @AfterEach
    void stopInstances() throws InterruptedException {
        context.removeApplicationListener(listener);
        ((Logger) LoggerFactory.getLogger(ImportRunner.class)).detachAppender(runnerLog);
        for (Instance instance : instances) {
            instance.leases.frozen = false;
            instance.runner.stop();
        }
    }

    @Test
    void a_job_whose_instance_froze_is_taken_over_and_the_late_results_of_the_frozen_one_do_not_count() {
        long user = newUser("takeover");
        WatchedHost host = organisation(12);
        hosts.give(user, connected(host));
        Instance first = instance();
        Instance second = instance();
        host.holdNext(PARALLELISM); // the first instance's first scans hang at the host

        long job = first.journal.runningOrCreate(user).requireId();
        first.runner.launch(job, user);
        await().atMost(Duration.ofSeconds(30)).until(host::held, held -> held == PARALLELISM);
        second.runner.takeOverAbandoned();
        assertThat(owner(job)).as("a held job stays with its instance").isEqualTo(first.leases.owner());

        first.leases.frozen = true; // its heartbeat stops, as in a long pause
        second.runner.keepTakingOver();
        ImportProgress progress = awaitEnd(user, job);

        assertThat(progress.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(progress.done()).isEqualTo(12);
        assertThat(results(progress)).extracting(RepositoryResult::outcome).containsOnly(RepositoryOutcome.IMPORTED);
        assertThat(owner(job)).isNull();
        assertThat(finished).as("published once, by the instance that ended it").singleElement()
                .satisfies(end -> assertThat(end.jobId()).isEqualTo(job))
                .satisfies(end -> assertThat(end.status()).isEqualTo(ImportStatus.FINISHED))
                .satisfies(end -> assertThat(end.repositories()).isEqualTo(12));
        assertThat(host.listings().values()).as("each repository listed once, the hung ones again").hasSize(12)
                .containsOnly(1, 2).filteredOn(n -> n == 2).hasSize(PARALLELISM);

        first.leases.frozen = false;
        host.letGo(); // the frozen instance wakes up and finishes its scans: too late
        await().atMost(Duration.ofSeconds(10)).until(() -> warnings("lost its lease"), lines -> !lines.isEmpty());
        assertThat(warnings("lost its lease")).allSatisfy(line -> {
            assertThat(line.getMDCPropertyMap()).containsEntry(ImportRunner.MDC_KEY, Long.toString(job));
            assertThat(line.getThreadName()).startsWith("import-");
        });
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> host.held() == 0);
        assertThat(jdbc.sql("select status from import_job where id = ?").param(job).query(String.class).single())
                .isEqualTo("FINISHED");
        assertThat(finished).hasSize(1);
        assertThat(claims()).as("no repository claim is left").isZero();
    }

    @Test
    void an_instance_that_lost_its_lease_stops_working_on_the_job() {
        long user = newUser("robbed");
        WatchedHost host = organisation(10);
        hosts.give(user, connected(host));
        Instance instance = instance();
        host.holdNext(PARALLELISM);
        long job = instance.journal.runningOrCreate(user).requireId();
        instance.runner.launch(job, user);
        await().atMost(Duration.ofSeconds(30)).until(host::held, held -> held == PARALLELISM);

        // another instance took it (say this one stalled past its lease): its heartbeat learns so
        jdbc.sql("update import_job set lease_owner = 'another-instance', lease_until = current_timestamp"
                + " + interval '1' hour where id = ?").param(job).update();
        await().atMost(Duration.ofSeconds(10)).until(() -> warnings("lost its lease"), lines -> !lines.isEmpty());
        host.letGo();
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> host.held() == 0);

        assertThat(warnings("lost its lease").getFirst().getMDCPropertyMap())
                .containsEntry(ImportRunner.MDC_KEY, Long.toString(job));
        assertThat(jdbc.sql("select count(*) from import_item where job_id = ? and outcome = 'PENDING'").param(job)
                .query(Integer.class).single()).as("nothing more counted from it").isEqualTo(10);
        assertThat(host.listings().values().stream().mapToInt(Integer::intValue).sum())
                .as("no repository started after it knew").isEqualTo(PARALLELISM);
        assertThat(owner(job)).isEqualTo("another-instance");
        assertThat(finished).isEmpty();
    }

    @Test
    void two_users_of_one_organisation_importing_on_two_instances_never_scan_a_repository_twice_at_once() {
        WatchedHost host = organisation(16).slowed(Duration.ofMillis(40));
        long alice = newUser("alice");
        long bob = newUser("bob");
        ConnectedHost shared = connected(host);
        hosts.give(alice, shared);
        hosts.give(bob, shared);
        Instance first = instance();
        Instance second = instance();

        long aliceJob = first.journal.runningOrCreate(alice).requireId();
        long bobJob = second.journal.runningOrCreate(bob).requireId();
        first.runner.launch(aliceJob, alice);
        second.runner.launch(bobJob, bob);
        ImportProgress aliceEnd = awaitEnd(alice, aliceJob);
        ImportProgress bobEnd = awaitEnd(bob, bobJob);

        assertThat(List.of(aliceEnd, bobEnd)).allSatisfy(end -> {
            assertThat(end.status()).isEqualTo(ImportStatus.FINISHED);
            assertThat(end.count(RepositoryOutcome.IMPORTED)).isEqualTo(16);
        });
        assertThat(host.mostAtOnce()).as("scans of one repository at the same time").isEqualTo(1);
        assertThat(projectsOf(alice)).hasSize(16).isEqualTo(projectsOf(bob));
        assertThat(finished).extracting(ImportFinished::jobId).containsExactlyInAnyOrder(aliceJob, bobJob);
        assertThat(claims()).isZero();
    }

    @Test
    void two_starts_of_one_user_on_two_instances_make_one_job() {
        long user = newUser("twice");
        WatchedHost host = organisation(3);
        hosts.give(user, connected(host));
        Instance first = instance();
        Instance second = instance();

        long one = first.journal.runningOrCreate(user).requireId();
        long other = second.journal.runningOrCreate(user).requireId();
        second.runner.launch(other, user);
        first.runner.launch(one, user);

        assertThat(other).isEqualTo(one);
        assertThat(awaitEnd(user, one).status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(host.listings().values()).containsOnly(1).hasSize(3);
    }

    /** A host of {@code count} repositories with a template each. */
    private static WatchedHost organisation(int count) {
        var local = newLocalHost();
        for (int i = 0; i < count; i++) {
            BareRepos.create(local.root(), "acme/service-%02d".formatted(i), Map.of("template.yaml", Templates.SAM));
        }
        return new WatchedHost(local.host());
    }

    private ConnectedHost connected(WatchedHost host) {
        return new ConnectedHost(HostKind.LOCAL, URI.create("local:/watched-" + System.identityHashCode(host)),
                host);
    }

    private Instance instance() {
        FreezableLeases leases = new FreezableLeases(jdbc, new LeaseSettings(LEASE, Duration.ofMillis(100)));
        ImportJournal journal = new ImportJournal(jobs, items, importResults, leases, clock);
        StackdraftSettings withParallelism = new StackdraftSettings(settings.dataDir(),
                new StackdraftSettings.Import(PARALLELISM, settings.importing().maxFilesRead()), settings.access(),
                settings.github(), settings.gitlab(), settings.local());
        Instance instance = new Instance(leases, journal, new ImportRunner(journal, leases, store, userHosts,
                repositoryImport, context, withParallelism));
        instances.add(instance);
        return instance;
    }

    private String owner(long job) {
        return jdbc.sql("select lease_owner from import_job where id = ?").param(job).query(String.class).optional()
                .orElse(null);
    }

    private int claims() {
        return jdbc.sql("select count(*) from import_repository_claim").query(Integer.class).single();
    }

    private List<ILoggingEvent> warnings(String text) {
        return runnerLog.list.stream().filter(e -> e.getFormattedMessage().contains(text)).toList();
    }

    private record Instance(FreezableLeases leases, ImportJournal journal, ImportRunner runner) {}

    /** Leases whose renewals and releases can stop, as those of an instance that froze (its claims run out). */
    private static final class FreezableLeases extends ImportLeases {

        volatile boolean frozen;

        FreezableLeases(JdbcClient jdbc, LeaseSettings settings) {
            super(jdbc, settings);
        }

        @Override
        boolean renewJob(long jobId) {
            return frozen || super.renewJob(jobId);
        }

        @Override
        void renewRepositories() {
            if (!frozen) {
                super.renewRepositories();
            }
        }
    }
}
