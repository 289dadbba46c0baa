package dev.stackdraft.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A local stand-in for the Lambda API where moto cannot say it: answers queued by the test, in the REST-JSON shape
 * Lambda uses ({@code x-amzn-ErrorType} names the error), and every request it saw.
 */
final class LambdaStub implements AutoCloseable {

    record Answer(int status, String errorType, String body) {}

    record Request(String method, String pathAndQuery, String body, long atNanos) {}

    private final HttpServer server;
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Answer> otherwise = r -> new Answer(500, "ServiceException", "{\"Message\":\"no answer queued\"}");

    LambdaStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    LambdaStub then(int status, String errorType, String body) {
        answers.add(new Answer(status, errorType, body));
        return this;
    }

    LambdaStub thenOk(String body) {
        return then(200, "", body);
    }

    /** What to answer once the queue is empty. */
    LambdaStub otherwise(Function<Request, Answer> answer) {
        this.otherwise = answer;
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getRawQuery();
        Request request = new Request(exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query), requestBody, System.nanoTime());
        requests.add(request);
        Answer answer = answers.poll();
        if (answer == null) {
            answer = otherwise.apply(request);
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (!answer.errorType().isEmpty()) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", answer.errorType());
        }
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
