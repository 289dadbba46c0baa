package dev.stackdraft.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Work that views hand off the UI thread: a service call whose answer comes back to the view through
 * {@link UI#access} (and is pushed to the browser), and repeated checks such as watching an import.
 */
@Component
public class BackgroundWork implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);

    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("stackdraft-ui-ticker").factory());

    /**
     * Runs {@code work} in the background, then {@code done} (or {@code failed}) with the UI locked. Nothing happens
     * when the UI has gone meanwhile.
     */
    public <T> void run(UI ui, Supplier<T> work, Consumer<T> done, Consumer<RuntimeException> failed) {
        workers.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                access(ui, () -> failed.accept(e));
                return;
            }
            access(ui, () -> done.accept(result));
        });
    }

    /** Runs {@code tick} (in the background) every {@code period} until the registration is removed. */
    public Registration every(Duration period, Runnable tick) {
        AtomicBoolean busy = new AtomicBoolean();
        ScheduledFuture<?> future = ticker.scheduleWithFixedDelay(() -> {
            if (!busy.compareAndSet(false, true)) {
                return; // the last check is still running: skip this one rather than pile up
            }
            workers.execute(() -> {
                try {
                    tick.run();
                } catch (RuntimeException e) {
                    log.warn("A background check failed", e);
                } finally {
                    busy.set(false);
                }
            });
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    /** {@link UI#access}, quiet when the UI was closed meanwhile. */
    public static void access(UI ui, Runnable change) {
        try {
            ui.access(change::run);
        } catch (UIDetachedException gone) {
            // the user navigated away or closed the tab: nobody to tell
        }
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        workers.shutdownNow();
    }
}
