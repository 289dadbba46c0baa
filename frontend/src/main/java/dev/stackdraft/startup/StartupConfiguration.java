package dev.stackdraft.startup;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the port check, which must run before any bean is made. */
@Configuration(proxyBeanMethods = false)
class StartupConfiguration {

    @Bean
    static BeanFactoryPostProcessor portCheck() {
        return new PortCheck();
    }
}
