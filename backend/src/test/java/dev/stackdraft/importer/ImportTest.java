package dev.stackdraft.importer;

import static org.awaitility.Awaitility.await;

import dev.stackdraft.config.PlatformTest;
import dev.stackdraft.project.ProjectService;
import dev.stackdraft.project.ProjectSummary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;

/** What the import tests share: the services, and waiting for a job to end. */
abstract class ImportTest extends PlatformTest {

    @Autowired
    ImportService imports;
    @Autowired
    ProjectService projects;

    /** Starts an import and waits until it is no longer running. */
    ImportProgress importAll(long userId) {
        long jobId = imports.start(userId).jobId();
        return awaitEnd(userId, jobId);
    }

    ImportProgress awaitEnd(long userId, long jobId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> imports.latest(userId).orElseThrow(),
                        p -> p.jobId() == jobId && p.status() != ImportStatus.RUNNING);
    }

    /** Every repository of the import, as the service lists them: problems first, then in the order listed. */
    List<RepositoryResult> results(ImportProgress progress) {
        long userId = jdbc.sql("select user_id from import_job where id = ?").param(progress.jobId())
                .query(Long.class).single();
        return imports.results(userId, progress.jobId(), ResultFilter.ALL, 0, Integer.MAX_VALUE);
    }

    Map<String, RepositoryResult> byRepository(ImportProgress progress) {
        return results(progress).stream().collect(Collectors.toMap(RepositoryResult::repository, Function.identity()));
    }

    Map<String, ProjectSummary> projectsOf(long userId) {
        return projects.visibleTo(userId, "", null).stream()
                .collect(Collectors.toMap(p -> p.repository() + ":" + p.templatePath(), Function.identity()));
    }
}
