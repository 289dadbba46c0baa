package dev.stackdraft.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stackdraft.config.PlatformTest;
import dev.stackdraft.edit.AddLayer;
import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.hosting.GitHosts;
import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.HostUser;
import dev.stackdraft.hosting.LocalGitHost;
import dev.stackdraft.hosting.SampleProjects;
import dev.stackdraft.importer.ImportFinished;
import dev.stackdraft.importer.ImportService;
import dev.stackdraft.importer.ImportStatus;
import dev.stackdraft.project.ConnectedHost;
import dev.stackdraft.project.ProjectService;
import dev.stackdraft.project.ProjectSummary;
import dev.stackdraft.project.ProjectWriteBack;
import dev.stackdraft.project.WriteBackResult;
import dev.stackdraft.project.WriteTarget;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import and commit meters in the platform as the app wires it (the write-back, the importer, the database),
 * and the write-back's log lines as the JSON the console writes when structured logging is on.
 */
@Import({SimpleMeterRegistry.class, ImportMetrics.class, CommitMetrics.class, HostCallMetrics.class})
@TestPropertySource(properties = "logging.structured.format.console=ecs")
@ExtendWith(OutputCaptureExtension.class)
class ServerMetricsTest extends PlatformTest {

    private static final HostUser PAT = new HostUser("pat", "pat", "Pat Doe", "pat@stackdraft.local");
    private static final List<EditCommand> ADD_POWERTOOLS = List.of(new AddLayer("CreateOrderFunction",
            "arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV3-python312-arm64:7"));

    @Autowired
    MeterRegistry registry;
    @Autowired
    ProjectWriteBack writeBack;
    @Autowired
    ProjectService projects;
    @Autowired
    ImportService imports;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    GitHosts gitHosts;

    long user;
    ProjectSummary orders;

    @BeforeEach
    void setUp() {
        user = newUser("pat");
        Path root = tempDir("stackdraft-samples");
        SampleProjects.seedIfEmpty(root, clock.instant());
        hosts.give(user, new ConnectedHost(HostKind.LOCAL, URI.create("local:/" + root.getFileName()),
                new LocalGitHost(root, PAT)));
        long job = imports.start(user).jobId();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(
                () -> imports.latest(user).orElseThrow(), p -> p.jobId() == job && p.status() != ImportStatus.RUNNING);
        orders = projects.visibleTo(user, "orders-service", null).getFirst();
    }

    @Test
    void the_apps_host_calls_are_heard() {
        assertThat(gitHosts.politeness().observer()).isInstanceOf(HostCallMetrics.class);
    }

    @Test
    void commits_are_counted_by_outcome() {
        double pushed = commits("pushed");
        double refused = commits("refused");
        double conflicts = commits("conflict");

        assertThat(writeBack.commit(user, orders.id(), ADD_POWERTOOLS, "Powertools", WriteTarget.defaultBranch()))
                .isInstanceOf(WriteBackResult.Committed.class);
        assertThat(writeBack.commit(user, orders.id(), ADD_POWERTOOLS, "", WriteTarget.newBranch("no spaces", false)))
                .isInstanceOf(WriteBackResult.Refused.class);

        assertThat(commits("pushed")).isEqualTo(pushed + 1);
        assertThat(commits("refused")).isEqualTo(refused + 1);
        assertThat(commits("conflict")).as("every outcome is there from the start").isEqualTo(conflicts);
    }

    @Test
    void a_pushed_commit_is_logged_as_json_with_its_commit_and_project_ids(CapturedOutput output) {
        WriteBackResult.Committed committed = (WriteBackResult.Committed) writeBack.commit(user, orders.id(),
                ADD_POWERTOOLS, "Powertools", WriteTarget.defaultBranch());

        JsonNode line = output.getOut().lines().filter(l -> l.contains("Committed " + committed.commitId()))
                .map(l -> JsonMapper.builder().build().readTree(l)).findFirst().orElseThrow();
        assertThat(line.path("log").path("logger").asString()).isEqualTo(ProjectWriteBack.class.getName());
        assertThat(line.path("commit").asString()).isEqualTo(committed.commitId());
        assertThat(line.path("project").asString()).isEqualTo(Long.toString(orders.id()));
        assertThat(line.path("message").asString()).contains("orders-service");
    }

    @Test
    void import_jobs_are_timed_by_status() {
        var finished = registry.get(ImportMetrics.DURATION).tag("status", "finished").timer();
        long before = finished.count();

        events.publishEvent(new ImportFinished(41, ImportStatus.FINISHED, Duration.ofSeconds(90), 120));

        assertThat(finished.count()).isEqualTo(before + 1);
        assertThat(finished.max(TimeUnit.SECONDS)).isEqualTo(90);
        assertThat(registry.get(ImportMetrics.SIZE).tag("status", "finished").summary().max()).isEqualTo(120);
        assertThat(registry.get(ImportMetrics.DURATION).tag("status", "failed").timer().count()).isZero();
    }

    @Test
    void repositories_of_running_imports_are_read_from_the_database_per_state() {
        clock.advance(ImportMetrics.FRESH_FOR);
        double pending = repositories("pending");
        double imported = repositories("imported");
        double running = registry.get(ImportMetrics.RUNNING).gauge().value();

        long job = jdbc.sql("insert into import_job (user_id, status, total, done, started_at) values (?, 'RUNNING', 3, 1, ?)")
                .params(user, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update() == 1
                ? jdbc.sql("select max(id) from import_job where user_id = ?").param(user).query(Long.class).single() : -1;
        for (String outcome : new String[] {"PENDING", "PENDING", "IMPORTED"}) {
            jdbc.sql("insert into import_item (job_id, repository, host_repo_id, outcome, templates, reason) "
                    + "values (?, ?, ?, ?, 0, '')").params(job, "acme/" + outcome + Math.random(), "x" + Math.random(),
                    outcome).update();
        }
        assertThat(repositories("pending")).as("cached for a few seconds").isEqualTo(pending);

        clock.advance(ImportMetrics.FRESH_FOR);
        assertThat(repositories("pending")).isEqualTo(pending + 2);
        assertThat(repositories("imported")).isEqualTo(imported + 1);
        assertThat(registry.get(ImportMetrics.RUNNING).gauge().value()).isEqualTo(running + 1);

        jdbc.sql("update import_job set status = 'FINISHED' where id = ?").param(job).update();
        clock.advance(ImportMetrics.FRESH_FOR);
        assertThat(repositories("pending")).as("only running imports").isEqualTo(pending);
    }

    private double commits(String outcome) {
        return registry.get(CommitMetrics.COMMITS).tag("outcome", outcome).counter().count();
    }

    private double repositories(String state) {
        return registry.get(ImportMetrics.REPOSITORIES).tag("state", state).gauge().value();
    }
}
