package dev.stackdraft.config;

import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.LocalGitHost;
import dev.stackdraft.project.ConnectedHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the Spring tests of the platform: they all share one context (H2, a fresh data folder for the test
 * run). Each test makes its own users and its own hosts, so tests do not see each other's data.
 */
@SpringBootTest(classes = PlatformTestApplication.class)
public abstract class PlatformTest {

    protected static final Path DATA_DIR = tempDir("stackdraft-platform-test");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("stackdraft.data-dir", DATA_DIR::toString);
    }

    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected TestClock clock;
    @Autowired
    protected TestHosts hosts;

    /** A user row (the accounts engineer's table), for the foreign keys. */
    protected long newUser(String name) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into app_user (username, display_name, created_at) values (?, ?, ?)")
                .params(name + "-" + UUID.randomUUID(), name, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** A local provider over its own fresh folder, recorded under its own API base. */
    protected static LocalHostFixture newLocalHost() {
        Path root = tempDir("stackdraft-host");
        return new LocalHostFixture(root, new ScriptedHost(new LocalGitHost(root)),
                URI.create("local:/" + root.getFileName()));
    }

    public record LocalHostFixture(Path root, ScriptedHost host, URI apiBase) {

        public ConnectedHost connected() {
            return new ConnectedHost(HostKind.LOCAL, apiBase, host);
        }
    }

    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
