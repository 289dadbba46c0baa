package dev.stackdraft.it;

import static dev.stackdraft.it.StackdraftProcess.env;
import static dev.stackdraft.it.StackdraftProcess.freshDataDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.stackdraft.config.PostgresServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A start that cannot work ends in one short paragraph: the packaged jar, started as a process once per broken
 * setting, exits with a non-zero code and prints Spring Boot's "APPLICATION FAILED TO START" analysis naming the
 * cause and the setting to change, with no stack trace and under 25 lines of text after the banner (settings are
 * checked before anything starts; the key against the database, once it is open).
 */
class StartupFailuresIT {

    private static final String KEY_A = "q0NdFbq8IPRV7Hyk1ZTLAd8r5rHIgbHCXgvvmQdqQMk=";
    private static final String KEY_B = "3r8S5GUYCCu3V6g4JJ5sZxmPkJkK2ApEUfMTU79f3b8=";
    private static final String PASSWORD = "the-right-db-password";

    /** A data folder where Stackdraft once started with KEY_A and sealed the key check. */
    private static Path startedWithKeyA;
    /** A data folder where Stackdraft once started without a key and generated secret.key. */
    private static Path startedWithKeyFile;

    @BeforeAll
    static void startOnceEach() throws Exception {
        startedWithKeyA = freshDataDir("key-a");
        try (StackdraftProcess app = StackdraftProcess.start(startedWithKeyA,
                env("STACKDRAFT_ENCRYPTION_KEY", KEY_A))) {
            app.awaitStarted(Duration.ofMinutes(3));
        }
        startedWithKeyFile = freshDataDir("key-file");
        try (StackdraftProcess app = StackdraftProcess.start(startedWithKeyFile, Map.of())) {
            app.awaitStarted(Duration.ofMinutes(3));
        }
    }

    @AfterAll
    static void removeDataFolders() throws IOException {
        for (Path dir : new Path[] {startedWithKeyA, startedWithKeyFile}) {
            if (dir != null) {
                FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY | FileUtils.SKIP_MISSING);
            }
        }
    }

    @Test
    void a_database_that_refuses_connections_is_named_with_its_setting() {
        int closedPort = StackdraftProcess.freePort();

        var run = StackdraftProcess.runToEnd(freshDataDir("db-down"),
                env("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/stackdraft"));

        assertOneParagraph(run, "cannot reach its database at jdbc:postgresql://127.0.0.1:" + closedPort,
                "connection was refused", "SPRING_DATASOURCE_URL");
    }

    @Test
    void a_database_host_that_does_not_exist_is_named_with_its_setting() {
        var run = StackdraftProcess.runToEnd(freshDataDir("db-unknown"),
                env("SPRING_DATASOURCE_URL", "jdbc:postgresql://stackdraft-db.invalid:5432/stackdraft"));

        assertOneParagraph(run, "stackdraft-db.invalid is unknown", "SPRING_DATASOURCE_URL");
    }

    @Test
    void a_database_that_refuses_the_user_names_the_user_settings() throws Exception {
        PostgresServer postgres = ownPostgres(PASSWORD);
        try {
            var run = StackdraftProcess.runToEnd(freshDataDir("db-password"), env(
                    "SPRING_DATASOURCE_URL", postgres.jdbcUrl(),
                    "SPRING_DATASOURCE_USERNAME", PostgresServer.USER,
                    "SPRING_DATASOURCE_PASSWORD", "a-wrong-db-password"));

            assertOneParagraph(run, "refuses the user '" + PostgresServer.USER + "'", "password authentication failed",
                    "SPRING_DATASOURCE_PASSWORD");
            assertThat(run.output()).doesNotContain("a-wrong-db-password");
        } finally {
            postgres.stop();
        }
    }

    @Test
    void a_data_folder_that_cannot_be_written_is_named_with_its_setting() throws IOException {
        Path parent = freshDataDir("read-only");
        Path dataDir;
        if ("root".equals(System.getProperty("user.name"))) {
            // root writes anywhere the permissions say it may not: a folder below a plain file cannot be made by anyone
            Path file = Files.writeString(parent.resolve("a-file"), "not a folder");
            dataDir = file.resolve("data");
        } else {
            Files.setPosixFilePermissions(parent, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
            dataDir = parent.resolve("data");
        }

        var run = StackdraftProcess.runToEnd(dataDir, Map.of());

        assertOneParagraph(run, "The data folder " + dataDir + " (stackdraft.data-dir) cannot be written",
                "STACKDRAFT_DATA_DIR");
    }

    @Test
    void a_port_in_use_is_named_with_its_setting() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            int port = taken.getLocalPort();

            StackdraftProcess.Ended run;
            try (StackdraftProcess app = StackdraftProcess.start(freshDataDir("port"), port, Map.of())) {
                run = app.awaitEnd(Duration.ofMinutes(3));
            }

            assertOneParagraph(run, "Port " + port + " is already in use", "SERVER_PORT");
        }
    }

    @Test
    void a_github_client_id_without_its_secret_names_the_missing_setting() {
        var run = StackdraftProcess.runToEnd(freshDataDir("oauth"),
                env("STACKDRAFT_GITHUB_CLIENT_ID", "stackdraft-on-github"));

        assertOneParagraph(run, "STACKDRAFT_GITHUB_CLIENT_ID is set but STACKDRAFT_GITHUB_CLIENT_SECRET is not",
                "Set STACKDRAFT_GITHUB_CLIENT_SECRET");
    }

    @Test
    void an_encryption_key_that_is_not_base64_of_32_bytes_is_named_with_its_setting() {
        var run = StackdraftProcess.runToEnd(freshDataDir("key-short"),
                env("STACKDRAFT_ENCRYPTION_KEY", "c2hvcnQ="));

        assertOneParagraph(run, "must be 32 bytes", "STACKDRAFT_ENCRYPTION_KEY", "openssl rand -base64 32");
    }

    @Test
    void another_encryption_key_than_the_database_was_sealed_with_stops_the_start() throws IOException {
        Path copy = copyOf(startedWithKeyA, "key-b");

        var run = StackdraftProcess.runToEnd(copy, env("STACKDRAFT_ENCRYPTION_KEY", KEY_B));

        assertOneParagraphAfterTheDatabase(run, "The encryption key in use (STACKDRAFT_ENCRYPTION_KEY",
                "is not the one this database's tokens were sealed with", "all instances");
        assertThat(run.output()).doesNotContain(KEY_A).doesNotContain(KEY_B);
    }

    @Test
    void a_lost_key_file_stops_the_start_instead_of_a_new_key_being_generated() throws IOException {
        Path copy = copyOf(startedWithKeyFile, "key-lost");
        Files.delete(copy.resolve("secret.key"));

        var run = StackdraftProcess.runToEnd(copy, Map.of());

        assertOneParagraphAfterTheDatabase(run, "The encryption key file " + copy.resolve("secret.key") + " is missing",
                "none was generated", "STACKDRAFT_ENCRYPTION_KEY");
        assertThat(copy.resolve("secret.key")).doesNotExist();
    }

    @Test
    void the_same_key_starts_again() throws Exception {
        Path copy = copyOf(startedWithKeyA, "key-a-again");

        try (StackdraftProcess app = StackdraftProcess.start(copy, env("STACKDRAFT_ENCRYPTION_KEY", KEY_A))) {
            app.awaitStarted(Duration.ofMinutes(3));
        }
    }

    private static void assertOneParagraph(StackdraftProcess.Ended run, String... named) {
        assertOneParagraph(run, 25, named);
    }

    /**
     * The key is compared with the database, so these starts fail only once the database is open: the ordinary
     * start-up log up to there (Tomcat, the pool, Flyway: about 19 lines) comes before the paragraph.
     */
    private static void assertOneParagraphAfterTheDatabase(StackdraftProcess.Ended run, String... named) {
        assertOneParagraph(run, 32, named);
    }

    private static void assertOneParagraph(StackdraftProcess.Ended run, int maxLines, String... named) {
        assertThat(run.exitCode()).as("exit code; output:\n%s", run.output()).isNotZero();
        assertThat(run.output()).as("output").contains("APPLICATION FAILED TO START");
        assertThat(run.paragraph()).as("the failure analysis; output:\n%s", run.output()).contains(named);
        assertThat(run.output()).as("stack trace lines in the output").doesNotContain("\tat ")
                .doesNotContain("Caused by:");
        assertThat(run.linesAfterBanner()).as("lines after the banner; output:\n%s", run.output()).hasSizeLessThan(maxLines);
    }

    /** A PostgreSQL of this test's own (Debian's package); the test is skipped where it is not installed. */
    static PostgresServer ownPostgres(String password) throws IOException, InterruptedException {
        try {
            return PostgresServer.startOwn(password);
        } catch (IllegalStateException e) {
            return abort("no PostgreSQL here: " + e.getMessage());
        }
    }

    private static Path copyOf(Path dataDir, String name) throws IOException {
        Path copy = freshDataDir(name);
        try (var files = Files.walk(dataDir)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(dataDir.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return copy;
    }
}
