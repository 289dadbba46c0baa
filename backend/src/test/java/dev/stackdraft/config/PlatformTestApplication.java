package dev.stackdraft.config;

import dev.stackdraft.project.UserHosts;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Primary;

/**
 * The one Spring configuration of the platform tests: settings, projects and the importer as the app wires them,
 * on the auto-configured database (H2 unless a test points elsewhere), with a hand-moved clock and test-chosen
 * hosts instead of linked accounts.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackages = {"dev.stackdraft.project", "dev.stackdraft.importer"})
@ComponentScan(basePackages = {"dev.stackdraft.config", "dev.stackdraft.project", "dev.stackdraft.importer"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = UserHosts.class))
public class PlatformTestApplication {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    @Bean
    TestHosts testHosts() {
        return new TestHosts();
    }
}
