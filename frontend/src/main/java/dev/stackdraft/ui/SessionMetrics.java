package dev.stackdraft.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * {@value #OPEN}: a gauge of the Vaadin sessions open on this instance (the sign-in page opens one too), counted as
 * Vaadin opens and closes them: a session ends when its user signs out or its HTTP session times out. Behind a
 * load balancer each instance reports its own; their sum is the whole server's.
 */
@Component
class SessionMetrics implements VaadinServiceInitListener {

    static final String OPEN = "stackdraft.sessions.open";

    private final AtomicInteger open = new AtomicInteger();

    SessionMetrics(MeterRegistry registry) {
        Gauge.builder(OPEN, open, AtomicInteger::get).description("Vaadin sessions open on this instance")
                .baseUnit("sessions").register(registry);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> open.incrementAndGet());
        event.getSource().addSessionDestroyListener(destroy -> open.decrementAndGet());
    }
}
