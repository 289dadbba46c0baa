package dev.stackdraft.importer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How instances sharing one database hand import jobs to each other (the other {@code stackdraft.import.*} settings
 * are in {@link dev.stackdraft.config.StackdraftSettings.Import}).
 *
 * @param lease     {@code stackdraft.import.lease}: how long a job (and each repository being scanned) stays an
 *                  instance's without it renewing the claim; a heartbeat renews it three times per lease. After an
 *                  instance dies, its jobs are taken over once this has passed, so it bounds the pause an import
 *                  sees; an instance that stalls longer than this (a long GC pause, a frozen VM) loses its jobs
 * @param leasePoll {@code stackdraft.import.lease-poll}: how often an instance looks for jobs nobody holds
 */
@ConfigurationProperties("stackdraft.import")
record LeaseSettings(@DefaultValue("30s") Duration lease, @DefaultValue("5s") Duration leasePoll) {

    LeaseSettings {
        if (lease.compareTo(Duration.ofSeconds(1)) < 0 || leasePoll.isNegative() || leasePoll.isZero()) {
            throw new IllegalArgumentException("stackdraft.import.lease must be at least 1s and"
                    + " stackdraft.import.lease-poll more than 0 (e.g. 30s and 5s)");
        }
    }

    /** How often a held lease is renewed: three chances before it runs out. */
    Duration heartbeat() {
        return lease.dividedBy(3);
    }
}
