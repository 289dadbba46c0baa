package dev.stackdraft.aws;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code moto_server} (the Python moto package's AWS imitation) for the tests: found on PATH (or pyenv's
 * shims), started once per test run on a free port, waited for until it answers, stopped when the JVM exits.
 * Tests call {@link #reset()} first so that each starts from an empty account.
 */
public final class MotoServer {

    private static MotoServer shared;
    private static String unavailable;

    private final Process process;
    private final int port;

    private MotoServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The server of this test run; empty (with {@link #whyNot()}) when moto is not installed or did not start. */
    public static synchronized Optional<MotoServer> shared() {
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

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Empties every service: each test starts from a fresh account. */
    public void reset() {
        try {
            HttpURLConnection c = (HttpURLConnection) endpoint().resolve("/moto-api/reset").toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.getOutputStream().close();
            if (c.getResponseCode() != 200) {
                throw new IllegalStateException("moto reset answered " + c.getResponseCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("moto reset failed: " + e.getMessage(), e);
        }
    }

    private static MotoServer start() throws IOException, InterruptedException {
        Path binary = find().orElseThrow(() -> new IllegalStateException(
                "moto_server is not installed (pip install 'moto[server]'): not on PATH nor in ~/.pyenv/shims"));
        int port = freePort();
        Path log = Files.createTempFile("moto", ".log");
        Process process = new ProcessBuilder(binary.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        MotoServer server = new MotoServer(process, port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-moto"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server stopped at once: " + Files.readString(log));
            }
            if (answers(server.endpoint())) {
                return server;
            }
            Thread.sleep(100);
        }
        server.stop();
        throw new IllegalStateException("moto_server did not answer on port " + port + " within 60 s");
    }

    private static boolean answers(URI endpoint) {
        try {
            HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            return c.getResponseCode() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, "moto_server");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        Path shim = Path.of(System.getProperty("user.home"), ".pyenv", "shims", "moto_server");
        return Files.isExecutable(shim) ? Optional.of(shim) : Optional.empty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
