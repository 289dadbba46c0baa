package dev.stackdraft.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.stackdraft.account.AccountService;
import dev.stackdraft.account.LinkedAccount;
import dev.stackdraft.account.StackdraftUser;
import dev.stackdraft.account.TokenCipher;
import dev.stackdraft.account.TokenCipherException;
import dev.stackdraft.edit.AddLayer;
import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.HostUser;
import dev.stackdraft.hosting.LocalGitHost;
import dev.stackdraft.hosting.SampleProjects;
import dev.stackdraft.importer.ImportService;
import dev.stackdraft.importer.ImportStatus;
import dev.stackdraft.project.ConnectedHost;
import dev.stackdraft.project.ProjectService;
import dev.stackdraft.project.ProjectSummary;
import dev.stackdraft.project.ProjectWriteBack;
import dev.stackdraft.project.WriteBackResult;
import dev.stackdraft.project.WriteTarget;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Backup and restore as docs/operations.md tells an operator to do it, on a real PostgreSQL:
 * a server with data (users, a linked GitHub account with its sealed token, imported projects, a commit) is dumped
 * with {@code pg_dump -Fc} while it runs, its {@code secret.key} copied; the dump is restored with
 * {@code pg_restore} into a fresh database; a server on that database, with an empty data folder but the key, reads
 * everything back: passwords match, the token opens, the projects are listed with their last commit, and the
 * working copies, which were not backed up, are cloned again on first use (a commit goes through). A key that is
 * not the one the tokens were sealed with does not open them: the key is part of the backup.
 *
 * <p>The servers are the platform as {@link PlatformTestApplication} wires it, plus the accounts; each has its own
 * database and data folder. The git host (a local provider in a folder of its own) is outside the backup, as GitHub
 * would be.
 */
class BackupRestoreTest {

    private static final HostUser PAT = new HostUser("pat", "pat", "Pat Doe", "pat@stackdraft.local");
    private static final HostUser OCTOCAT = new HostUser("583231", "octocat", "The Octocat", "octocat@github.com");
    private static final URI GITHUB_API = URI.create("https://api.github.com");
    private static final String TOKEN = "gho_backup_test_" + UUID.randomUUID().toString().replace("-", "");
    private static final String ADMIN_PASSWORD = "backup-admin-password";

    /** The accounts (token cipher from the data folder's key file, users, linked accounts) beside the platform. */
    @ComponentScan("dev.stackdraft.account")
    static final class WithAccounts {}

    @BeforeAll
    static void needsPostgres() {
        Assumptions.assumeTrue(PostgresServer.shared().isPresent(), PostgresServer::whyNot);
    }

    @Test
    void a_dump_and_the_key_restore_users_tokens_and_projects_and_working_copies_are_rebuilt() throws Exception {
        String source = database("stackdraft_backup_source");
        String restored = database("stackdraft_backup_restored");
        Path before = Files.createTempDirectory("stackdraft-before");
        Path after = Files.createTempDirectory("stackdraft-after");
        Path host = Files.createTempDirectory("stackdraft-host");
        SampleProjects.seedIfEmpty(host, java.time.Instant.now());
        ConnectedHost local = new ConnectedHost(HostKind.LOCAL, URI.create("local:/" + host.getFileName()),
                new LocalGitHost(host, PAT));
        Path dump = before.resolveSibling(before.getFileName() + ".dump");

        long user;
        List<ProjectSummary> listed;
        String committed;
        String sealed;
        try (ConfigurableApplicationContext server = start(source, before)) {
            AccountService accounts = server.getBean(AccountService.class);
            StackdraftUser pat = accounts.createLocalUser("pat", "Pat Doe", "pat-password");
            user = pat.id();
            accounts.linkHost(user, HostKind.GITHUB, GITHUB_API, OCTOCAT, TOKEN);
            server.getBean(TestHosts.class).give(user, local);
            importAll(server, user);
            listed = server.getBean(ProjectService.class).visibleTo(user, "", null);
            ProjectSummary orders = listed.stream().filter(p -> p.repository().endsWith("orders-service")).findFirst()
                    .orElseThrow();
            committed = ((WriteBackResult.Committed) server.getBean(ProjectWriteBack.class).commit(user, orders.id(),
                    List.of(new AddLayer("CreateOrderFunction", "arn:aws:lambda:eu-west-1:123456789012:layer:one:1")),
                    "A layer", WriteTarget.defaultBranch())).commitId();
            listed = server.getBean(ProjectService.class).visibleTo(user, "", null);
            sealed = server.getBean(JdbcClient.class)
                    .sql("select token_ciphertext from linked_account where user_id = ? and host = 'GITHUB'")
                    .param(user).query(String.class).single();
            assertThat(sealed).doesNotContain(TOKEN);
            assertThat(before.resolve("worktrees")).isNotEmptyDirectory();

            // the backup, taken while the server runs: the database dump and the key file
            run(tool("pg_dump"), "--format=custom", "--file=" + dump, connection(source));
            Files.copy(before.resolve(TokenCipher.KEY_FILE), after.resolve(TokenCipher.KEY_FILE));
        }

        run(tool("pg_restore"), "--no-owner", "--exit-on-error", "--dbname=" + connection(restored), dump.toString());

        try (ConfigurableApplicationContext server = start(restored, after)) {
            AccountService accounts = server.getBean(AccountService.class);
            assertThat(accounts.passwordMatches("pat", "pat-password")).isTrue();
            assertThat(accounts.passwordMatches("admin", ADMIN_PASSWORD)).isTrue();
            List<LinkedAccount> linked = accounts.linkedAccounts(user);
            assertThat(linked).extracting(LinkedAccount::login).contains("octocat");
            LinkedAccount github = linked.stream().filter(a -> a.host() == HostKind.GITHUB).findFirst().orElseThrow();
            assertThat(accounts.token(github.id())).as("the sealed token opens with the restored key").contains(TOKEN);

            server.getBean(TestHosts.class).give(user, local);
            ProjectService projects = server.getBean(ProjectService.class);
            assertThat(projects.visibleTo(user, "", null)).isEqualTo(listed);
            ProjectSummary orders = projects.visibleTo(user, "orders-service", null).getFirst();
            assertThat(orders.lastCommit()).isEqualTo(committed);

            assertThat(after.resolve("worktrees")).as("working copies are not in the backup").doesNotExist();
            ProjectWriteBack writeBack = server.getBean(ProjectWriteBack.class);
            assertThat(writeBack.templateText(user, orders.id())).get().asString()
                    .contains("arn:aws:lambda:eu-west-1:123456789012:layer:one:1");
            assertThat(after.resolve("worktrees")).as("cloned again on first use").isNotEmptyDirectory();
            assertThat(writeBack.commit(user, orders.id(), List.of(new AddLayer("CreateOrderFunction",
                    "arn:aws:lambda:eu-west-1:123456789012:layer:two:1")), "Another", WriteTarget.defaultBranch()))
                    .isInstanceOf(WriteBackResult.Committed.class);
        }

        TokenCipher otherKey = TokenCipher.withKey(new byte[32]);
        String context = HostKind.GITHUB + " " + GITHUB_API + " " + OCTOCAT.id(); // as AccountService seals it
        assertThatThrownBy(() -> otherKey.decrypt(sealed, context)).as("without the key file the tokens are lost")
                .isInstanceOf(TokenCipherException.class);
    }

    private static ConfigurableApplicationContext start(String database, Path dataDir) {
        return new SpringApplicationBuilder(PlatformTestApplication.class, WithAccounts.class)
                .web(WebApplicationType.NONE)
                .properties(Map.of(
                        "spring.datasource.url", PostgresServer.shared().orElseThrow().jdbcUrl()
                                .replace("/postgres", "/" + database),
                        "spring.datasource.username", PostgresServer.USER,
                        "spring.datasource.password", "",
                        "stackdraft.data-dir", dataDir.toString(),
                        "stackdraft.admin-password", ADMIN_PASSWORD))
                .run();
    }

    private static void importAll(ConfigurableApplicationContext server, long user) {
        ImportService imports = server.getBean(ImportService.class);
        long job = imports.start(user).jobId();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(
                () -> imports.latest(user).orElseThrow(), p -> p.jobId() == job && p.status() != ImportStatus.RUNNING);
    }

    /** A new empty database on the test server. */
    private static String database(String prefix) throws SQLException {
        String name = prefix + "_" + Long.toHexString(System.nanoTime());
        try (Connection admin = DriverManager.getConnection(PostgresServer.shared().orElseThrow().jdbcUrl(),
                PostgresServer.USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        }
        return name;
    }

    /** A libpq connection string for the tools: postgresql://user@127.0.0.1:port/database. */
    private static String connection(String database) {
        URI jdbc = URI.create(PostgresServer.shared().orElseThrow().jdbcUrl().substring("jdbc:".length()));
        return "postgresql://" + PostgresServer.USER + "@" + jdbc.getHost() + ":" + jdbc.getPort() + "/" + database;
    }

    /** The PostgreSQL client tool of the newest installed version (the one the test server runs). */
    private static String tool(String name) throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin").resolve(name)).filter(Files::isExecutable)
                    .max(Comparator.comparingInt(p -> Integer.parseInt(p.getParent().getParent().getFileName()
                            .toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException("no " + name + " in /usr/lib/postgresql/*/bin"))
                    .toString();
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }
}
