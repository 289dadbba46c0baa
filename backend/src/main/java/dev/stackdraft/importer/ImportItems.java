package dev.stackdraft.importer;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ImportItems extends ListCrudRepository<ImportItem, Long> {

    List<ImportItem> findByJobIdOrderById(long jobId);

    boolean existsByJobIdAndRepositoryId(long jobId, long repositoryId);

    /** A page of the job's items still to do, after {@code afterId}. */
    List<ImportItem> findFirst100ByJobIdAndOutcomeAndIdGreaterThanOrderById(long jobId, RepositoryOutcome outcome,
                                                                                  long afterId);

    @Modifying
    @Query("update import_item set outcome = :outcome, templates = :templates, reason = :reason where id = :id")
    void finish(long id, RepositoryOutcome outcome, int templates, String reason);
}
