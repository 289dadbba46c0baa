package dev.stackdraft.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The packaged app, {@code target/stackdraft.jar}, run as an operator runs it: {@code java -jar}, in a process of
 * its own, with its own settings as environment variables and {@code --name=value} arguments, and nothing of the
 * test JVM's environment that could change its settings. Its output is kept: standard out and error together as
 * printed, and standard out's lines on their own (where a test reads the log lines the app writes).
 */
final class StackdraftProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "stackdraft.jar").toAbsolutePath();
    private static final String STARTED = "Started StackdraftApplication";

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final List<String> standardOutput = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private final Thread errorReader;
    final int port;

    private StackdraftProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        this.reader = Thread.ofVirtual().start(() -> copy(process.getInputStream(), standardOutput));
        this.errorReader = Thread.ofVirtual().start(() -> copy(process.getErrorStream(), new ArrayList<>()));
    }

    /** Starts the jar with the data folder {@code dataDir} on a free port, plus {@code env} and {@code args}. */
    static StackdraftProcess start(Path dataDir, Map<String, String> env, String... args) {
        return start(dataDir, freePort(), env, args);
    }

    static StackdraftProcess start(Path dataDir, int port, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-jar", JAR.toString(),
                "--server.port=" + port));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
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
            errorReader.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return new Ended(process.exitValue(), output.toString());
    }

    /** Waits until the app answers its health check, running {@code meanwhile} between checks. */
    StackdraftProcess awaitUp(Duration timeout, Runnable meanwhile) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isUp()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("Stackdraft did not come up (exit " + (process.isAlive() ? "-"
                        : process.exitValue()) + "):\n" + output);
            }
            meanwhile.run();
            sleep(Duration.ofMillis(250));
        }
        return this;
    }

    /** Whether the app answers its health check with 200. */
    boolean isUp() {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            return http.send(HttpRequest.newBuilder(url("/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Standard out and error, as printed. */
    String output() {
        return output.toString();
    }

    /** Standard out's lines: the app's log when it logs to the console. */
    List<String> standardOutput() {
        return List.copyOf(standardOutput);
    }

    /** Ends the process at once, as a crash or {@code kill -9} would: no shutdown hook runs. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    /** Copies a stream line by line into the whole output and into {@code lines}. */
    private void copy(InputStream in, List<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.append(line).append('\n');
                lines.add(line);
            }
        } catch (IOException e) {
            output.append("\n(output no longer readable: ").append(e.getMessage()).append(")\n");
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
