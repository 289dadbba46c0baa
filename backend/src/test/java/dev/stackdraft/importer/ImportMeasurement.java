package dev.stackdraft.importer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Time and heap of one import, for the bulk-import benchmarks: wall time, the peak heap growth sampled every
 * 5 ms while it runs, and what is still retained after a GC (flat memory means nothing kept per repository).
 */
final class ImportMeasurement {

    record Figures(int repositories, long millis, long peakHeapMb, long retainedMb) {

        String line() {
            return String.format(Locale.ROOT, "[benchmark] | %d | %.1f s | +%d MB | +%d MB |", repositories,
                    millis / 1000.0, peakHeapMb, retainedMb);
        }
    }

    record Measured<T>(T result, Figures figures) {}

    private ImportMeasurement() {}

    static <T> Measured<T> measure(int repositories, Supplier<T> work) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        T result = work.get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        sampling.set(false);
        sampler.interrupt();
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        return new Measured<>(result, new Figures(repositories, millis, (peak.get() - before) / (1024 * 1024),
                Math.max(0, after - before) / (1024 * 1024)));
    }
}
