package dev.stackdraft.importer;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An import job as it stands, in counts: {@code done} of {@code total} repositories scanned ({@code total} is 0
 * until the hosts have listed them) and how many came to each outcome. Small whatever the job's size, so it can be
 * asked for every second while a job runs; the repositories themselves are read a page at a time through
 * {@link ImportService#results}.
 */
public record ImportProgress(long jobId, ImportStatus status, int done, int total,
                             Map<RepositoryOutcome, Integer> counts, Instant startedAt, @Nullable Instant finishedAt) {

    public ImportProgress {
        EnumMap<RepositoryOutcome, Integer> all = new EnumMap<>(RepositoryOutcome.class);
        for (RepositoryOutcome outcome : RepositoryOutcome.values()) {
            all.put(outcome, counts.getOrDefault(outcome, 0));
        }
        counts = Map.copyOf(all);
    }

    /** How many of the job's repositories came to {@code outcome} (PENDING: not scanned yet). */
    public int count(RepositoryOutcome outcome) {
        return counts.get(outcome);
    }

    public boolean running() {
        return status == ImportStatus.RUNNING;
    }
}
