package dev.stackdraft.startup;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Checks of settings that need nothing but the settings, made before any bean is (bean factory post-processors):
 * a mistake there stops the start in a few lines, before the database is opened or migrated.
 */
@Configuration(proxyBeanMethods = false)
class StartupConfiguration {

    @Bean
    static BeanFactoryPostProcessor portCheck() {
        return new PortCheck();
    }

    @Bean
    static BeanFactoryPostProcessor signInSettingsCheck(Environment environment) {
        return beanFactory -> OAuthClientSettings.HOSTS.forEach(
                host -> OAuthClientSettings.requireBothOrNeither(environment, host));
    }
}
