package dev.stackdraft.importer;

import java.time.Duration;

/**
 * Published (as a Spring application event) when an import job ends on this instance, so that what watches the
 * server (metrics, logs) learns of it without the importer knowing them.
 *
 * @param jobId        the job
 * @param status       how it ended ({@link ImportStatus#FINISHED} or {@link ImportStatus#FAILED})
 * @param took         from the job's start to its end, takeovers by other instances included
 * @param repositories how many repositories the job held
 */
public record ImportFinished(long jobId, ImportStatus status, Duration took, int repositories) {
}
