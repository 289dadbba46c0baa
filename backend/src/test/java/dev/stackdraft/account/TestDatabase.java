package dev.stackdraft.account;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** A fresh in-memory H2 database with the real migrations, and an {@link AccountService} on it. */
final class TestDatabase {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    final DataSource dataSource;
    final JdbcClient jdbc;
    final TokenCipher cipher = TokenCipher.withKey(new byte[32]);

    TestDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).load().migrate();
        this.dataSource = h2;
        this.jdbc = JdbcClient.create(h2);
    }

    AccountService accounts() {
        return accounts(cipher);
    }

    AccountService accounts(TokenCipher cipher) {
        return new AccountService(jdbc, cipher, PasswordEncoderFactories.createDelegatingPasswordEncoder(), CLOCK);
    }
}
