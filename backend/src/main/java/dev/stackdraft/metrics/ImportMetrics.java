package dev.stackdraft.metrics;

import dev.stackdraft.importer.ImportFinished;
import dev.stackdraft.importer.ImportStatus;
import dev.stackdraft.importer.RepositoryOutcome;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The imports as meters:
 * <ul>
 *   <li>{@value #REPOSITORIES}: a gauge of the repositories of the running imports (every user's, every
 *       instance's), by {@code state} ({@code pending}, {@code imported}, {@code no_template}, {@code unreadable},
 *       {@code failed}); {@value #RUNNING}: the running import jobs. Both are read from the database, so every
 *       instance says the same, at most {@link #FRESH_FOR} old: one small grouped query however often Prometheus
 *       scrapes;</li>
 *   <li>{@value #DURATION}: a timer of the jobs that ended on this instance, by {@code status} ({@code finished},
 *       {@code failed}): its count is the jobs by outcome; {@value #SIZE}: the repositories each of them held.</li>
 * </ul>
 */
@Component
class ImportMetrics {

    static final String REPOSITORIES = "stackdraft.imports.repositories";
    static final String RUNNING = "stackdraft.imports.running";
    static final String DURATION = "stackdraft.imports.duration";
    static final String SIZE = "stackdraft.imports.size";
    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(ImportMetrics.class);

    private final MeterRegistry registry;
    private final JdbcClient jdbc;
    private final Clock clock;
    private Instant readAt = Instant.MIN;
    private volatile Map<RepositoryOutcome, Long> repositories = Map.of();
    private volatile long running;

    ImportMetrics(MeterRegistry registry, JdbcClient jdbc, Clock clock) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.clock = clock;
        for (RepositoryOutcome state : RepositoryOutcome.values()) {
            Gauge.builder(REPOSITORIES, this, metrics -> metrics.repositories(state))
                    .description("Repositories of the running imports, by state").tag("state", lower(state))
                    .baseUnit("repositories").register(registry);
        }
        Gauge.builder(RUNNING, this, ImportMetrics::running).description("Import jobs running").register(registry);
        for (ImportStatus status : new ImportStatus[] {ImportStatus.FINISHED, ImportStatus.FAILED}) {
            duration(status);
            size(status);
        }
    }

    @EventListener
    void finished(ImportFinished job) {
        duration(job.status()).record(job.took());
        size(job.status()).record(job.repositories());
    }

    private double repositories(RepositoryOutcome state) {
        return fresh() ? repositories.getOrDefault(state, 0L) : Double.NaN;
    }

    private double running() {
        return fresh() ? running : Double.NaN;
    }

    /** Reads the counts again when they are older than {@link #FRESH_FOR}; false when the database cannot tell. */
    private synchronized boolean fresh() {
        Instant now = clock.instant();
        if (Duration.between(readAt, now).compareTo(FRESH_FOR) < 0) {
            return true;
        }
        try {
            Map<RepositoryOutcome, Long> counts = new EnumMap<>(RepositoryOutcome.class);
            jdbc.sql("""
                    select i.outcome, count(*) from import_item i join import_job j on j.id = i.job_id
                    where j.status = 'RUNNING' group by i.outcome""")
                    .query((row, n) -> Map.entry(row.getString(1), row.getLong(2))).list()
                    .forEach(entry -> counts.put(RepositoryOutcome.valueOf(entry.getKey()), entry.getValue()));
            running = jdbc.sql("select count(*) from import_job where status = 'RUNNING'").query(Long.class).single();
            repositories = counts;
            readAt = now;
            return true;
        } catch (DataAccessException e) {
            log.debug("Could not count the running imports' repositories", e);
            return false;
        }
    }

    private Timer duration(ImportStatus status) {
        return Timer.builder(DURATION).description("Import jobs that ended on this instance, from start to end")
                .tag("status", lower(status)).register(registry);
    }

    private DistributionSummary size(ImportStatus status) {
        return DistributionSummary.builder(SIZE).description("Repositories of each import job that ended")
                .baseUnit("repositories").tag("status", lower(status)).register(registry);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
