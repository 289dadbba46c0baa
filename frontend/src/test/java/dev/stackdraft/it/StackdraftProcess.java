package dev.stackdraft.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged app, {@code target/stackdraft.jar}, run as an operator runs it: {@code java -jar}, in a process of
 * its own, with its own settings as environment variables and {@code --name=value} arguments, and nothing of the
 * test JVM's environment that could change its settings. Its output (standard out and error together) is kept.
 */
final class StackdraftProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "stackdraft.jar").toAbsolutePath();
    private static final String STARTED = "Started StackdraftApplication";

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;
    final int port;

    private StackdraftProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        this.reader = Thread.ofVirtual().start(() -> copy(process.getInputStream()));
    }

    /** Starts the jar with the data folder {@code dataDir} on a free port, plus {@code env} and {@code args}. */
    static StackdraftProcess start(Path dataDir, Map<String, String> env, String... args) {
        return start(dataDir, freePort(), env, args);
    }

    static StackdraftProcess start(Path dataDir, int port, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-jar", JAR.toString(),
                "--server.port=" + port));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("STACKDRAFT_") || name.startsWith("SPRING_")
                || name.startsWith("SERVER_") || name.startsWith("MANAGEMENT_") || name.startsWith("LOGGING_"));
        environment.put("STACKDRAFT_DATA_DIR", dataDir.toString());
        environment.put("STACKDRAFT_ADMIN_PASSWORD", "process-admin-password");
        environment.putAll(env);
        try {
            return new StackdraftProcess(builder.start(), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the jar to its end (a start that must fail): the exit code and what it printed. */
    static Ended runToEnd(Path dataDir, Map<String, String> env, String... args) {
        try (StackdraftProcess app = start(dataDir, env, args)) {
            return app.awaitEnd(Duration.ofMinutes(3));
        }
    }

    /** Waits until the app says it started; fails with its output when it ends or takes too long instead. */
    StackdraftProcess awaitStarted(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output.toString().contains(STARTED)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("Stackdraft did not start (exit " + (process.isAlive() ? "-" : process.exitValue())
                        + "):\n" + output);
            }
            Thread.sleep(200);
        }
        return this;
    }

    Ended awaitEnd(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("Stackdraft still runs after " + timeout + ":\n" + output);
            }
            reader.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return new Ended(process.exitValue(), output.toString());
    }

    String output() {
        return output.toString();
    }

    /** Stops the app as a service manager does (SIGTERM) and waits for it to end. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /**
     * How a run ended.
     *
     * @param exitCode the process's exit code
     * @param output   everything it printed
     */
    record Ended(int exitCode, String output) {

        /** The lines after Spring Boot's banner that hold any text. */
        List<String> linesAfterBanner() {
            int banner = output.indexOf(":: Spring Boot ::");
            String after = banner < 0 ? output : output.substring(output.indexOf('\n', banner) + 1);
            return after.lines().filter(line -> !line.isBlank()).toList();
        }

        /** The failure analysis: the text from "Description:" to the end. */
        String paragraph() {
            int description = output.indexOf("Description:");
            return description < 0 ? "" : output.substring(description);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path freshDataDir(String name) {
        try {
            return Files.createTempDirectory("stackdraft-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString());
    }

    private void copy(InputStream in) {
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                output.append(buffer, 0, n);
            }
        } catch (IOException e) {
            output.append("\n(output no longer readable: ").append(e.getMessage()).append(")\n");
        }
    }

    static Map<String, String> env(String... namesAndValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            env.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return env;
    }
}
