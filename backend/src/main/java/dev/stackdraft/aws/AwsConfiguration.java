package dev.stackdraft.aws;

import dev.stackdraft.account.TokenCipher;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires AWS for the app: one set of SDK clients on the server's own credentials (closed with the context), the
 * layer catalog with its cache time ({@code stackdraft.aws.layer-cache-seconds}, 60 by default), the access check
 * and the account registry.
 */
@Configuration(proxyBeanMethods = false)
class AwsConfiguration {

    @Bean(destroyMethod = "close")
    AwsClients awsClients() {
        return AwsClients.standard();
    }

    @Bean
    LayerCatalog layerCatalog(AwsClients clients, ObjectProvider<Clock> clock,
                              @Value("${stackdraft.aws.layer-cache-seconds:60}") long ttlSeconds) {
        return new LayerCatalog(clients, clock.getIfUnique(Clock::systemUTC), Duration.ofSeconds(ttlSeconds));
    }

    @Bean // not "accessCheck": that is the project package's check of repository access
    AccessCheck awsAccessCheck(AwsClients clients) {
        return new AccessCheck(clients);
    }

    @Bean
    AwsAccounts awsAccounts(DataSource dataSource, TokenCipher cipher, AccessCheck access, ObjectProvider<Clock> clock) {
        return new AwsAccounts(JdbcClient.create(dataSource), cipher, access, clock.getIfUnique(Clock::systemUTC));
    }
}
