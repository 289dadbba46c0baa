package dev.stackdraft.metrics;

import dev.stackdraft.hosting.GitHosts;
import dev.stackdraft.hosting.HostCallObserver;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Gives the app's {@link GitHosts} (made by the platform configuration, which knows nothing of metrics) an observer
 * that feeds {@link HostCallMetrics}: the same politeness, heard. The registry is looked up lazily, on the first
 * call: a post-processor that asked for it at once would create it before Spring Boot configures it.
 *
 * <p>The {@code GitHosts} replaced here has not sent anything yet; its idle HTTP client is dropped with it.
 */
@Component
class ObservedGitHosts implements BeanPostProcessor {

    private final ObjectProvider<MeterRegistry> registry;

    ObservedGitHosts(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof GitHosts hosts && hosts.politeness().observer() == HostCallObserver.NONE) {
            return new GitHosts(hosts.politeness().withObserver(new HostCallMetrics(registry::getIfAvailable)));
        }
        return bean;
    }
}
