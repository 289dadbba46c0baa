package dev.stackdraft.hosting;

import java.time.Duration;

/** Waits. The seam that lets tests wait out a rate limit without really sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** Really sleeps, on the calling thread. */
    Sleeper REAL = Thread::sleep;

    void sleep(Duration duration) throws InterruptedException;
}
