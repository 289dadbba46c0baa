package dev.stackdraft.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell bootstrap Stackdraft offers, run for real: checked by {@code sh -n} (and {@code bash -n}), then started
 * as Lambda starts it (executable, {@code AWS_LAMBDA_RUNTIME_API}, {@code _HANDLER}, {@code LAMBDA_TASK_ROOT}) against
 * a local imitation of the runtime API that hands out one event.
 */
class ShellBootstrapTest {

    @TempDir
    Path task;

    private RuntimeApi api;
    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void the_bootstrap_is_valid_posix_shell_and_names_the_handler() throws Exception {
        String text = BootstrapCheck.shellBootstrap("nightly.run");
        Path file = task.resolve("bootstrap");
        Files.writeString(file, text);

        assertThat(text).startsWith("#!/bin/sh\n").contains("handler=\"${_HANDLER:-nightly.run}\"")
                .contains("code (nightly.sh) and the shell function FUNCTION it defines (run)");
        assertThat(run("sh", "-n", file.toString())).as("sh -n").isEmpty();
        if (onPath("dash")) {
            assertThat(run("dash", "-n", file.toString())).as("dash -n").isEmpty();
        }
        if (onPath("bash")) {
            assertThat(run("bash", "-n", file.toString())).as("bash -n").isEmpty();
            assertThat(run("bash", "--posix", "-n", file.toString())).as("bash --posix -n").isEmpty();
        }
        assertThat(BootstrapCheck.shellBootstrap("not a handler; rm -rf /")).as("a hint that is no FILE.FUNCTION")
                .contains("handler=\"${_HANDLER:-function.handler}\"").doesNotContain("rm -rf");
    }

    @Test
    void one_invocation_is_answered_with_the_handlers_output() throws Exception {
        needsCurl();
        // 200 KB: more than Linux allows in one command-line argument, so the response must go through stdin
        handler("""
                handler() {
                  echo "handling $1" >&2
                  printf '{"event": %s, "trace": "%s", "padding": "' "$1" "$_X_AMZN_TRACE_ID"
                  head -c 200000 /dev/zero | tr '\\000' 'a'
                  printf '"}'
                }
                """);
        api = new RuntimeApi("{\"name\": \"stackdraft\"}");

        start();

        RuntimeApi.Post response = api.posts.get(20, TimeUnit.SECONDS);
        assertThat(response.path()).isEqualTo("/2018-06-01/runtime/invocation/req-1/response");
        assertThat(response.body()).startsWith("{\"event\": {\"name\": \"stackdraft\"}, \"trace\": "
                + "\"Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Sampled=1\", \"padding\": \"aaa").endsWith("aaa\"}")
                .hasSize(111 + 200_000);
        assertThat(api.nextCalls.get()).as("it asks for the next event after answering").isGreaterThanOrEqualTo(1);
        waitForLog("handling {\"name\": \"stackdraft\"}");
    }

    @Test
    void a_failing_handler_is_reported_as_the_invocations_error() throws Exception {
        needsCurl();
        handler("""
                handler() {
                  false
                  echo "never reached"
                }
                """);
        api = new RuntimeApi("{}");

        start();

        RuntimeApi.Post error = api.posts.get(20, TimeUnit.SECONDS);
        assertThat(error.path()).isEqualTo("/2018-06-01/runtime/invocation/req-1/error");
        assertThat(error.headers()).containsEntry("Lambda-runtime-function-error-type", List.of("Unhandled"));
        assertThat(error.body()).isEqualTo("{\"errorType\":\"Runtime.HandlerError\",\"errorMessage\":\"handler failed "
                + "with status 1\"}");
    }

    @Test
    void a_missing_handler_script_is_an_init_error_and_the_bootstrap_stops() throws Exception {
        needsCurl();
        api = new RuntimeApi("{}");

        start();

        RuntimeApi.Post error = api.posts.get(20, TimeUnit.SECONDS);
        assertThat(error.path()).isEqualTo("/2018-06-01/runtime/init/error");
        assertThat(error.body()).isEqualTo("{\"errorType\":\"Runtime.InvalidEntrypoint\",\"errorMessage\":\"no script "
                + task.resolve("function.sh") + " for the handler function.handler\"}");
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(api.nextCalls.get()).isZero();
    }

    private void handler(String script) throws IOException {
        Files.writeString(task.resolve("function.sh"), script);
    }

    /** As Lambda does: the executable bootstrap itself, with the runtime's environment. */
    private void start() throws IOException {
        Path bootstrap = task.resolve("bootstrap");
        Files.writeString(bootstrap, BootstrapCheck.shellBootstrap("function.handler"));
        Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder builder = new ProcessBuilder(bootstrap.toString()).directory(task.toFile())
                .redirectErrorStream(true).redirectOutput(task.resolve("log").toFile());
        Map<String, String> env = builder.environment();
        env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + api.port());
        env.put("_HANDLER", "function.handler");
        env.put("LAMBDA_TASK_ROOT", task.toString());
        process = builder.start();
    }

    private void waitForLog(String line) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String log = "";
        while (System.nanoTime() < deadline) {
            log = Files.readString(task.resolve("log"));
            if (log.contains(line)) {
                return;
            }
            Thread.sleep(50);
        }
        assertThat(log).contains(line);
    }

    private static void needsCurl() {
        Assumptions.assumeTrue(onPath("curl"), "skipped: the bootstrap needs curl, which is not installed here");
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command; what it wrote (stdout and stderr), which is empty when all went well. */
    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return p.exitValue() == 0 ? out : "exit " + p.exitValue() + ": " + out;
    }

    /**
     * The Lambda runtime API as far as a bootstrap sees it: the first {@code invocation/next} gets the event (with the
     * request id and trace headers), later ones wait until the test ends; the first POST is kept.
     */
    private static final class RuntimeApi implements AutoCloseable {

        record Post(String path, Map<String, List<String>> headers, String body) {}

        final CompletableFuture<Post> posts = new CompletableFuture<>();
        final AtomicInteger nextCalls = new AtomicInteger();
        private final CountDownLatch closing = new CountDownLatch(1);
        private final ExecutorService threads = Executors.newCachedThreadPool();
        private final HttpServer server;
        private final String event;

        RuntimeApi(String event) throws IOException {
            this.event = event;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(threads);
            server.createContext("/2018-06-01/runtime/", this::handle);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("GET") && path.endsWith("/invocation/next")) {
                if (nextCalls.getAndIncrement() > 0) {
                    try {
                        closing.await(30, TimeUnit.SECONDS); // Lambda holds the request until there is an event
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.close();
                    return;
                }
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", "req-1");
                exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
                        "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Sampled=1");
                exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", "1542409706888");
                answer(exchange, 200, event);
                return;
            }
            if (exchange.getRequestMethod().equals("POST")) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                posts.complete(new Post(path, Map.copyOf(exchange.getRequestHeaders()), body));
                answer(exchange, 202, "{\"status\":\"OK\"}");
                return;
            }
            answer(exchange, 404, "{}");
        }

        private static void answer(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        @Override
        public void close() {
            closing.countDown();
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
