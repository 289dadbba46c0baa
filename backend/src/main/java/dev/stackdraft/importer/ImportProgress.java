package dev.stackdraft.importer;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An import job as it stands: {@code done} of {@code total} repositories scanned ({@code total} is 0 until the
 * hosts have listed them), one result per repository in the order they were listed.
 */
public record ImportProgress(long jobId, ImportStatus status, int done, int total, List<RepositoryResult> results,
                             Instant startedAt, @Nullable Instant finishedAt) {

    public ImportProgress {
        results = List.copyOf(results);
    }
}
