package dev.stackdraft.importer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ImportJobs extends ListCrudRepository<ImportJob, Long> {

    Optional<ImportJob> findFirstByUserIdOrderByIdDesc(long userId);

    Optional<ImportJob> findFirstByUserIdAndStatusOrderByIdDesc(long userId, ImportStatus status);

    @Modifying
    @Query("""
            update import_job set listed_at = :at,
                total = (select count(*) from import_item where job_id = :id)
            where id = :id""")
    void listed(long id, Instant at);

    @Modifying
    @Query("""
            update import_job
            set done = (select count(*) from import_item where job_id = :id and outcome <> 'PENDING')
            where id = :id""")
    void recount(long id);

    @Modifying
    @Query("""
            update import_job set status = 'RUNNING', finished_at = null, lease_owner = null, lease_until = null
            where id = :id""")
    void reopen(long id);

    @Modifying
    @Query("update import_job set listed_at = null where id = :id")
    void relist(long id);

    /**
     * Ends the job if {@code owner} holds it (and lets go of it).
     *
     * @return 0 when another instance holds it now, or it ended already
     */
    @Modifying
    @Query("""
            update import_job set status = :status, finished_at = :at, lease_owner = null, lease_until = null
            where id = :id and status = 'RUNNING' and lease_owner = :owner""")
    int finish(long id, ImportStatus status, Instant at, String owner);

    /**
     * Locks the job's row if {@code owner} holds the job, for the rest of the transaction: what is written in it then
     * counts only while the holder is still the holder. An UPDATE, not a SELECT ... FOR UPDATE, so that PostgreSQL
     * checks the owner again on the row as it is after a takeover that it waited for.
     *
     * @return 0 when {@code owner} does not hold the job (any more)
     */
    @Modifying
    @Query("update import_job set lease_owner = lease_owner where id = :id and status = 'RUNNING' and lease_owner = :owner")
    int lockIfHeldBy(long id, String owner);

    /** Keeps the user's {@code keep} newest finished jobs; older ones go with their items. */
    @Modifying
    @Query("""
            delete from import_job where user_id = :userId and status <> 'RUNNING' and id not in (
                select id from (select id from import_job where user_id = :userId order by id desc
                                fetch first :keep rows only) newest)""")
    void prune(long userId, int keep);
}
