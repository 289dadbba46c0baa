package dev.stackdraft.config;

import dev.stackdraft.hosting.GitHosts;
import dev.stackdraft.hosting.HostCallObserver;
import dev.stackdraft.hosting.LocalGitHost;
import dev.stackdraft.hosting.Politeness;
import dev.stackdraft.hosting.SampleProjects;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The platform's shared beans: settings, the clock, the local provider and the host connector; and the check that
 * the data folder can be written, before anything else.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StackdraftSettings.class)
class PlatformConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformConfiguration.class);

    /** Before any bean is made: a data folder that cannot be written stops the start with one clear sentence. */
    @Bean
    static BeanFactoryPostProcessor dataFolderCheck(Environment environment) {
        return new DataFolderCheck(environment);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The local provider; on first start (no repository yet) it is seeded with the sample projects. */
    @Bean
    LocalGitHost localGitHost(StackdraftSettings settings, Clock clock) {
        LocalGitHost host = new LocalGitHost(settings.gitRoot());
        if (settings.local().enabled() && settings.local().samples()) {
            List<String> created = SampleProjects.seedIfEmpty(host.root(), clock.instant());
            if (!created.isEmpty()) {
                log.info("Created the sample projects {} in {}", created, host.root());
            }
        }
        return host;
    }

    /** The GitHub and GitLab REST clients: one HTTP client shared by every user's hosts. */
    @Bean
    GitHosts gitHosts(ObjectProvider<HostCallObserver> observer) {
        return new GitHosts(Politeness.standard().withObserver(observer.getIfAvailable(() -> HostCallObserver.NONE)));
    }

    @Bean
    HostConnector hostConnector(LocalGitHost localGitHost, GitHosts gitHosts) {
        return new DefaultHostConnector(localGitHost, gitHosts);
    }
}
