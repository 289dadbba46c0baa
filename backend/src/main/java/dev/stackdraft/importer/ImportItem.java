package dev.stackdraft.importer;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One repository of an import job. {@code repositoryId} is null for a host that could not be listed. */
@Table
record ImportItem(@Id @Nullable Long id, long jobId, @Nullable Long repositoryId, String repository,
                  String hostRepoId, RepositoryOutcome outcome, int templates, String reason) {

    static final int MAX_REASON = 2000;

    ImportItem {
        reason = reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
    }

    static ImportItem pending(long jobId, long repositoryId, String repository, String hostRepoId) {
        return new ImportItem(null, jobId, repositoryId, repository, hostRepoId, RepositoryOutcome.PENDING, 0, "");
    }

    ImportItem withId(Long newId) {
        return new ImportItem(newId, jobId, repositoryId, repository, hostRepoId, outcome, templates, reason);
    }
}
