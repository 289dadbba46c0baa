package dev.stackdraft.metrics;

import dev.stackdraft.hosting.HostCallObserver;
import dev.stackdraft.hosting.HostException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.jspecify.annotations.Nullable;

/**
 * The git hosts' REST calls as meters, tagged by host ({@code GitHub}, {@code GitLab}):
 * <ul>
 *   <li>{@value #CALLS}: a timer of every attempt, with its {@code method}, {@code status} (the HTTP status, or
 *       {@code none} when no answer came) and {@code outcome} ({@code success}, {@code client_error},
 *       {@code server_error}, {@code no_answer}, ...);</li>
 *   <li>{@value #WAITS}: a timer of the waits before a request went out (again), by {@code reason}
 *       ({@code rate_limited}, {@code quota_used_up}, {@code back_off}): its sum is the time spent waiting;</li>
 *   <li>{@value #FAILURES}: a counter of the failures handed to callers, by {@code reason} ({@code unauthorized},
 *       {@code not_found}, {@code rate_limited}, {@code unavailable}, {@code rejected}).</li>
 * </ul>
 */
@Component
final class HostCallMetrics implements HostCallObserver {

    static final String CALLS = "stackdraft.host.calls";
    static final String WAITS = "stackdraft.host.calls.waits";
    static final String FAILURES = "stackdraft.host.calls.failures";

    /**
     * Looked up on first use: the git hosts are made early, and asking for the registry then would create it before
     * Spring Boot configures it.
     */
    private final Supplier<@Nullable MeterRegistry> registry;

    @Autowired
    HostCallMetrics(ObjectProvider<MeterRegistry> registry) {
        this(registry::getIfAvailable);
    }

    HostCallMetrics(Supplier<@Nullable MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public void answered(String host, String method, int status, Duration took) {
        MeterRegistry meters = registry.get();
        if (meters != null) {
            call(meters, host, method, Integer.toString(status), outcome(status)).record(took);
        }
    }

    @Override
    public void unanswered(String host, String method, Duration took) {
        MeterRegistry meters = registry.get();
        if (meters != null) {
            call(meters, host, method, "none", "no_answer").record(took);
        }
    }

    @Override
    public void waiting(String host, Wait why, Duration wait) {
        MeterRegistry meters = registry.get();
        if (meters != null) {
            Timer.builder(WAITS).description("Waits before a request to a git host went out (again)")
                    .tag("host", host).tag("reason", lower(why)).register(meters).record(wait);
        }
    }

    @Override
    public void failed(String host, HostException.Reason reason) {
        MeterRegistry meters = registry.get();
        if (meters != null) {
            Counter.builder(FAILURES).description("Requests to a git host that failed for their caller")
                    .tag("host", host).tag("reason", lower(reason)).register(meters).increment();
        }
    }

    private static Timer call(MeterRegistry meters, String host, String method, String status, String outcome) {
        return Timer.builder(CALLS).description("Requests to the git hosts' REST APIs, each attempt")
                .tag("host", host).tag("method", method).tag("status", status).tag("outcome", outcome)
                .register(meters);
    }

    /** As Micrometer's own HTTP client meters say it. */
    static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "informational";
            case 2 -> "success";
            case 3 -> "redirection";
            case 4 -> "client_error";
            case 5 -> "server_error";
            default -> "unknown";
        };
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
