package dev.stackdraft.metrics;

import dev.stackdraft.project.WriteBackFinished;
import dev.stackdraft.project.WriteBackResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@value #COMMITS}: a counter of the write-backs, by {@code outcome}: {@code pushed}; or why nothing was written:
 * {@code conflict} (the branch moved and the edits no longer apply), {@code rejected} (the host refused the push:
 * a protected branch, no write access, a taken branch name), {@code refused} (the edit or the branch name is
 * wrong), {@code failed} (the host or git failed), {@code nothing_to_change}, {@code unsupported},
 * {@code not_found}. Every outcome is there from the start, at 0, so that rates work from the first scrape.
 */
@Component
class CommitMetrics {

    static final String COMMITS = "stackdraft.commits";

    private static final List<String> OUTCOMES = List.of("pushed", "conflict", "rejected", "refused", "failed",
            "nothing_to_change", "unsupported", "not_found");

    private final MeterRegistry registry;

    CommitMetrics(MeterRegistry registry) {
        this.registry = registry;
        OUTCOMES.forEach(this::counter);
    }

    @EventListener
    void finished(WriteBackFinished writeBack) {
        counter(outcome(writeBack.result())).increment();
    }

    static String outcome(WriteBackResult result) {
        return switch (result) {
            case WriteBackResult.Committed c -> "pushed";
            case WriteBackResult.Conflict c -> "conflict";
            case WriteBackResult.Rejected r -> "rejected";
            case WriteBackResult.Refused r -> "refused";
            case WriteBackResult.Failed f -> "failed";
            case WriteBackResult.NothingToChange n -> "nothing_to_change";
            case WriteBackResult.Unsupported u -> "unsupported";
            case WriteBackResult.NotFound n -> "not_found";
        };
    }

    private Counter counter(String outcome) {
        return Counter.builder(COMMITS).description("Write-backs of edits to the repositories, by outcome")
                .tag("outcome", outcome).register(registry);
    }
}
