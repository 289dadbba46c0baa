package dev.stackdraft.account;

import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Wires the accounts: the token cipher from {@code stackdraft.encryption-key} or the data folder's key file,
 * checked against the database,
 * BCrypt password hashing, the service, and the local administrator created on first start.
 */
@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    /**
     * Before any bean is made: a key that is set but malformed stops the start before the database is even opened.
     * The key is compared with the database later, by the cipher's bean.
     */
    @Bean
    static BeanFactoryPostProcessor encryptionKeyFormatCheck(Environment environment) {
        return beanFactory -> TokenCipherKeyCheck.requireWellFormed(environment.getProperty("stackdraft.encryption-key"),
                Path.of(environment.getProperty("stackdraft.data-dir", "./data")));
    }

    /**
     * Made after Flyway migrated the schema, because the key is checked against the database
     * ({@link TokenCipherKeyCheck}): a wrong or lost key stops the start instead of sealing tokens no other
     * instance, and no later start, could open.
     */
    @Bean
    @DependsOnDatabaseInitialization
    TokenCipher tokenCipher(@Value("${stackdraft.encryption-key:}") String key,
                            @Value("${stackdraft.data-dir:./data}") Path dataDir, DataSource dataSource,
                            ObjectProvider<Clock> clock) {
        return new TokenCipherKeyCheck(JdbcClient.create(dataSource), clock.getIfUnique(Clock::systemUTC))
                .cipherFor(key, dataDir);
    }

    /** Spring Security's delegating encoder: BCrypt, stored as {@code {bcrypt}...}. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AccountService accountService(DataSource dataSource, TokenCipher cipher, PasswordEncoder passwords,
                                  ObjectProvider<Clock> clock) {
        return new AccountService(JdbcClient.create(dataSource), cipher, passwords,
                clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    LocalAdmin localAdmin(AccountService accounts, @Value("${stackdraft.admin-password:}") String presetPassword) {
        return new LocalAdmin(accounts, presetPassword);
    }

    /** Once the schema is migrated and before the web server serves anyone: there is always an administrator. */
    @Bean
    SmartInitializingSingleton localAdminOnFirstStart(LocalAdmin admin) {
        return admin::ensureExists;
    }
}
