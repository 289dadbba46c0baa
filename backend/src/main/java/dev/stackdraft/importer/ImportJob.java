package dev.stackdraft.importer;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An import job (aggregate root); its items are their own aggregates, written one by one as they finish. */
@Table
record ImportJob(@Id @Nullable Long id, long userId, ImportStatus status, int total, int done,
                 Instant startedAt, @Nullable Instant listedAt, @Nullable Instant finishedAt) {

    static ImportJob start(long userId, Instant now) {
        return new ImportJob(null, userId, ImportStatus.RUNNING, 0, 0, now, null, null);
    }

    ImportJob withId(Long newId) {
        return new ImportJob(newId, userId, status, total, done, startedAt, listedAt, finishedAt);
    }

    long requireId() {
        if (id == null) {
            throw new IllegalStateException("import job not saved yet");
        }
        return id;
    }
}
