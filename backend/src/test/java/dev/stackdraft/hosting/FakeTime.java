package dev.stackdraft.hosting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when someone sleeps on it; remembers every wait. */
final class FakeTime extends Clock implements Sleeper {

    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    private Instant now = START;
    private final List<Duration> waits = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        waits.add(duration);
        now = now.plus(duration);
    }

    synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }

    synchronized Duration waited() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** {@code seconds} from the start, as an epoch second (what the reset headers carry). */
    static String epochSecondsAfterStart(long seconds) {
        return Long.toString(START.plusSeconds(seconds).getEpochSecond());
    }

    Politeness politeness(Duration maxWait) {
        return new Politeness(maxWait, this, this);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
