package dev.stackdraft.importer;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Claims on import work held by this instance, kept in the database so that several instances on one database share
 * it: a job is run by the instance holding its lease ({@code import_job.lease_owner} / {@code lease_until}), and a
 * repository is scanned by one job at a time ({@code import_repository_claim}). Every claim is one conditional
 * UPDATE (or an INSERT that a primary key decides), so two instances asking at once cannot both get it, on H2 as
 * on PostgreSQL. Leases end at the database's {@code current_timestamp}: the instances' clocks never compare.
 */
@Component
@EnableConfigurationProperties(LeaseSettings.class)
class ImportLeases {

    /** An unheld RUNNING job, to be taken over. */
    record Abandoned(long jobId, long userId) {}

    private final JdbcClient jdbc;
    private final LeaseSettings settings;
    private final String owner = instanceId();
    /** {@code current_timestamp} plus one lease: the lease is fixed at start, so it is written into the SQL. */
    private final String leaseEnd;

    ImportLeases(JdbcClient jdbc, LeaseSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.leaseEnd = String.format(Locale.ROOT, "current_timestamp + interval '%d.%03d' second",
                settings.lease().toSeconds(), settings.lease().toMillisPart());
    }

    /** This instance, as its leases name it: host, process id and a random part (a restarted process is another). */
    String owner() {
        return owner;
    }

    LeaseSettings settings() {
        return settings;
    }

    /** Takes the RUNNING job if nobody holds it (or this instance already does); false when another instance does. */
    boolean claimJob(long jobId) {
        return jdbc.sql("update import_job set lease_owner = :owner, lease_until = " + leaseEnd + "\n" + """
                         where id = :id and status = 'RUNNING'
                         and (lease_owner is null or lease_until is null or lease_until < current_timestamp
                              or lease_owner = :owner)""")
                .param("owner", owner).param("id", jobId).update() == 1;
    }

    /** Extends the lease; false when this instance no longer holds it (another took it over, or it ended). */
    boolean renewJob(long jobId) {
        return jdbc.sql("update import_job set lease_until = " + leaseEnd
                        + " where id = :id and status = 'RUNNING' and lease_owner = :owner")
                .param("owner", owner).param("id", jobId).update() == 1;
    }

    /** Lets go of the job (when this instance holds it), for another instance or the next start to take. */
    void releaseJob(long jobId) {
        jdbc.sql("update import_job set lease_owner = null, lease_until = null where id = :id and lease_owner = :owner")
                .param("owner", owner).param("id", jobId).update();
    }

    /** RUNNING jobs no instance holds: never claimed, released at a clean stop, or their holder's lease ran out. */
    List<Abandoned> abandonedJobs() {
        return jdbc.sql("""
                        select id, user_id from import_job where status = 'RUNNING'
                        and (lease_owner is null or lease_until is null or lease_until < current_timestamp)
                        order by id""")
                .query((rs, row) -> new Abandoned(rs.getLong("id"), rs.getLong("user_id"))).list();
    }

    /**
     * Takes the repository for the job's scan unless another job scans it (a claim whose lease ran out is free).
     * Without a transaction: a refused INSERT must not spoil one (PostgreSQL would abort it).
     */
    boolean claimRepository(long repositoryId, long jobId) {
        int taken = jdbc.sql("update import_repository_claim set job_id = :job, lease_owner = :owner, lease_until = "
                        + leaseEnd + "\n" + """
                         where repository_id = :repository
                         and (lease_until < current_timestamp or (lease_owner = :owner and job_id = :job))""")
                .param("job", jobId).param("owner", owner).param("repository", repositoryId).update();
        if (taken == 1) {
            return true;
        }
        try {
            return jdbc.sql("insert into import_repository_claim (repository_id, job_id, lease_owner, lease_until)"
                            + " select :repository, :job, :owner, " + leaseEnd + "\n" + """
                             from import_job where id = :job
                             and not exists (select 1 from import_repository_claim where repository_id = :repository)""")
                    .param("job", jobId).param("owner", owner).param("repository", repositoryId).update() == 1;
        } catch (DuplicateKeyException e) {
            return false; // another instance inserted it between the two statements
        }
    }

    void releaseRepository(long repositoryId, long jobId) {
        jdbc.sql("delete from import_repository_claim where repository_id = :repository and job_id = :job"
                        + " and lease_owner = :owner")
                .param("repository", repositoryId).param("job", jobId).param("owner", owner).update();
    }

    /** Extends the lease of every repository this instance is scanning. */
    void renewRepositories() {
        jdbc.sql("update import_repository_claim set lease_until = " + leaseEnd + " where lease_owner = :owner")
                .param("owner", owner).update();
    }

    /**
     * Serialises the starts of one user's imports across instances (the user's row stays locked until the
     * caller's transaction ends), so that two clicks on two instances make one job.
     */
    void lockStartsOf(long userId) {
        jdbc.sql("select id from app_user where id = :id for update").param("id", userId).query(Long.class).optional();
    }

    /** At a clean stop: what this instance held is free at once for the next start or another instance. */
    void releaseAll() {
        jdbc.sql("delete from import_repository_claim where lease_owner = :owner").param("owner", owner).update();
        jdbc.sql("update import_job set lease_owner = null, lease_until = null where lease_owner = :owner")
                .param("owner", owner).update();
    }

    private static String instanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "unknown-host");
        }
        String id = host + "/" + ProcessHandle.current().pid() + "/"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        return id.length() <= 200 ? id : id.substring(id.length() - 200);
    }
}
