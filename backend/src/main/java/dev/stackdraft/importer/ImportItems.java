package dev.stackdraft.importer;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ImportItems extends ListCrudRepository<ImportItem, Long> {

    boolean existsByJobIdAndRepositoryId(long jobId, long repositoryId);

    /** Whether the job already says that this host could not be listed. */
    boolean existsByJobIdAndRepositoryIdIsNullAndRepository(long jobId, String repository);

    /** A page of the job's items still to do, after {@code afterId}. */
    List<ImportItem> findFirst100ByJobIdAndOutcomeAndIdGreaterThanOrderById(long jobId, RepositoryOutcome outcome,
                                                                                  long afterId);

    @Modifying
    @Query("""
            update import_item set outcome = :outcome, templates = :templates, reason = :reason
            where id = :id and outcome = 'PENDING'""")
    void finish(long id, RepositoryOutcome outcome, int templates, String reason);

    /** The job's failed repositories, to be scanned again. */
    @Modifying
    @Query("""
            update import_item set outcome = 'PENDING', templates = 0, reason = ''
            where job_id = :jobId and outcome = 'FAILED' and repository_id is not null""")
    int reopenFailed(long jobId);

    /** The job's hosts that could not be listed, to be listed again. */
    @Modifying
    @Query("delete from import_item where job_id = :jobId and outcome = 'FAILED' and repository_id is null")
    int deleteHostFailures(long jobId);
}
