package dev.stackdraft.hosting;

import dev.stackdraft.hosting.HostException.Reason;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP side both REST clients share, and the politeness rules: every request goes through
 * {@link #send}, which waits out rate limits and backs off on 5xx and connection errors within the
 * {@link Politeness#maxWait() bound}, then {@link #check} turns what is left of the 4xx/5xx answers into a
 * {@link HostException}.
 *
 * <ul>
 *   <li>403/429 with {@code Retry-After} (seconds or an HTTP date): wait that long;</li>
 *   <li>403/429 with the quota header at 0 ({@code x-ratelimit-remaining} on GitHub,
 *       {@code RateLimit-Remaining} on GitLab): wait until the reset header's epoch second;</li>
 *   <li>other 429s, and 403s whose message speaks of a rate limit (GitHub's secondary limits): wait a
 *       minute, doubling each time;</li>
 *   <li>a successful answer that used up the quota: the next request waits for the reset first;</li>
 *   <li>5xx and connection errors: exponential back-off from 0.5 s, doubling up to 30 s, with jitter (each
 *       wait is uniform in [d/2, d]). A POST is retried only when it never reached the host (the connection
 *       was refused), so a pull request is never opened twice.</li>
 * </ul>
 *
 * A wait that would take the request past the bound is not started: the request fails at once. The token
 * lives only in {@link #headers}, which is never printed.
 */
final class HostHttp {

    /** The quota headers each host sends (both give the reset as UTC epoch seconds). */
    record QuotaHeaders(String remaining, String reset) {
        static final QuotaHeaders GITHUB = new QuotaHeaders("x-ratelimit-remaining", "x-ratelimit-reset");
        static final QuotaHeaders GITLAB = new QuotaHeaders("RateLimit-Remaining", "RateLimit-Reset");
    }

    /** A final answer: 2xx, or an error that waiting does not cure. */
    record Response(String method, URI uri, int status, HttpHeaders headers, byte[] body) {

        boolean ok() {
            return status / 100 == 2;
        }

        @Nullable String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** GitHub: "otherwise, wait for at least one minute before retrying". */
    static final Duration RATE_LIMIT_WITHOUT_HINT = Duration.ofMinutes(1);
    /** Added to a quota reset, against clock skew between us and the host. */
    static final Duration RESET_MARGIN = Duration.ofSeconds(1);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private static final System.Logger LOG = System.getLogger(HostHttp.class.getName());
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]*)*)");
    private static final Pattern REL = Pattern.compile("rel\\s*=\\s*\"?([^\";,]*)\"?", Pattern.CASE_INSENSITIVE);
    private static final int MAX_MESSAGE = 300;

    private final String hostName;
    private final URI apiBase;
    private final HttpClient client;
    private final Politeness politeness;
    private final QuotaHeaders quota;
    /** Sent with every request; holds the token. */
    private final Map<String, String> headers;
    /** Set when an answer used up the quota: no request goes out before this instant. */
    private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.MIN);

    HostHttp(String hostName, URI apiBase, HttpClient client, Politeness politeness, QuotaHeaders quota,
             Map<String, String> headers) {
        this.hostName = hostName;
        this.apiBase = withoutTrailingSlash(apiBase);
        this.client = client;
        this.politeness = politeness;
        this.quota = quota;
        this.headers = Map.copyOf(headers);
    }

    URI apiBase() {
        return apiBase;
    }

    /** The API base with {@code pathAndQuery} (already encoded, starting with {@code /}) appended. */
    URI uri(String pathAndQuery) {
        return URI.create(apiBase + pathAndQuery);
    }

    // ---- requests ------------------------------------------------------------------------------------

    Response get(URI uri, String accept) {
        return check(send("GET", uri, accept, null));
    }

    JsonNode getJson(URI uri, String accept) {
        return json(get(uri, accept));
    }

    JsonNode postJson(URI uri, String accept, JsonNode body) {
        return json(check(send("POST", uri, accept, JSON.writeValueAsBytes(body))));
    }

    /**
     * Whether the user can read what a GET of {@code uri} names: 403, 404, 410 and 451 mean they cannot (gone,
     * hidden, single sign-on not authorised, blocked); other failures are errors as everywhere.
     */
    boolean readable(URI uri, String accept) {
        Response answer = send("GET", uri, accept, null);
        if (answer.status() == 403 || answer.status() == 404 || answer.status() == 410 || answer.status() == 451) {
            return false;
        }
        check(answer);
        return true;
    }

    /**
     * The JSON a GET of {@code uri} answers, or empty when that is a 404 for something missing inside a
     * {@code container} that is still there (a branch of a repository). The host's own words say which 404 it
     * is when they contain {@code missingWords}; otherwise one more request asks whether the container can
     * still be read, so that a deleted repository is {@link Reason#NOT_FOUND}, never an empty one.
     */
    Optional<JsonNode> getJsonIfPresent(URI uri, String accept, URI container, String missingWords) {
        Response answer = send("GET", uri, accept, null);
        if (answer.status() == 404 && (message(answer).toLowerCase(Locale.ROOT)
                .contains(missingWords.toLowerCase(Locale.ROOT)) || readable(container, accept))) {
            return Optional.empty();
        }
        return Optional.of(json(check(answer)));
    }

    /**
     * Sends the request, waiting out rate limits and retrying 5xx / connection errors within the bound.
     * Returns the final answer whatever its status; throws only when it gives up waiting.
     */
    Response send(String method, URI uri, String accept, byte @Nullable [] jsonBody) {
        HttpRequest request = request(method, uri, accept, jsonBody);
        boolean idempotent = !method.equals("POST");
        Waits waits = new Waits(method, uri);
        while (true) {
            waits.pauseIfQuotaUsedUp();
            HttpResponse<byte[]> answer;
            long sent = System.nanoTime();
            try {
                answer = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                politeness.observer().answered(hostName, method, answer.statusCode(), since(sent));
            } catch (IOException e) {
                politeness.observer().unanswered(hostName, method, since(sent));
                boolean neverSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
                if (!idempotent && !neverSent) {
                    throw failed(new HostException(Reason.UNAVAILABLE, hostName + " did not answer " + method + " "
                            + uri.getRawPath() + " (" + e + "); it may or may not have been done: check before"
                            + " trying again", e));
                }
                waits.backOff("cannot be reached (" + e + ")", e);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failed(new HostException(Reason.UNAVAILABLE, "interrupted while talking to " + hostName, e));
            }
            Response response = new Response(method, uri, answer.statusCode(), answer.headers(), answer.body());
            rememberQuota(response);
            Duration rateLimit = rateLimitWait(response, waits.rateLimitedCount);
            if (rateLimit != null) {
                waits.rateLimited(rateLimit, response);
                continue;
            }
            if (response.status() >= 500 && idempotent) {
                waits.backOff("answered HTTP " + response.status(), null);
                continue;
            }
            return response;
        }
    }

    private HttpRequest request(String method, URI uri, String accept, byte @Nullable [] jsonBody) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Accept", accept)
                .header("User-Agent", "Stackdraft");
        headers.forEach(builder::header);
        if (jsonBody == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(jsonBody));
        }
        return builder.build();
    }

    /** The bookkeeping of one request's waits against the bound. */
    private final class Waits {
        private final String method;
        private final URI uri;
        private Duration waited = Duration.ZERO;
        private int backOffs;
        int rateLimitedCount;

        Waits(String method, URI uri) {
            this.method = method;
            this.uri = uri;
        }

        void pauseIfQuotaUsedUp() {
            Duration left = Duration.between(politeness.clock().instant(), pausedUntil.get());
            if (left.isPositive()) {
                sleep(left, HostCallObserver.Wait.QUOTA_USED_UP, Reason.RATE_LIMITED, hostName + "'s rate limit is used up and resets in "
                        + seconds(left) + ": try again later", null);
            }
        }

        void rateLimited(Duration wait, Response response) {
            rateLimitedCount++;
            sleep(wait, HostCallObserver.Wait.RATE_LIMITED, Reason.RATE_LIMITED, hostName + " is rate-limiting us (HTTP " + response.status()
                    + ") and asks us to wait " + seconds(wait) + ": try again later", null);
        }

        void backOff(String what, @Nullable Throwable cause) {
            Duration wait = backoff(backOffs++);
            sleep(wait, HostCallObserver.Wait.BACK_OFF, Reason.UNAVAILABLE, hostName + " " + what + " after " + backOffs + " attempt"
                    + (backOffs == 1 ? "" : "s") + ": try again later", cause);
        }

        private void sleep(Duration wait, HostCallObserver.Wait why, Reason reason, String giveUp,
                           @Nullable Throwable cause) {
            Duration after = waited.plus(wait);
            if (after.compareTo(politeness.maxWait()) > 0) {
                throw failed(new HostException(reason, giveUp + " (we wait at most "
                        + seconds(politeness.maxWait()) + " per request)", cause));
            }
            LOG.log(System.Logger.Level.INFO, "{0}: waiting {1} before retrying {2} {3}", hostName,
                    seconds(wait), method, uri.getRawPath());
            politeness.observer().waiting(hostName, why, wait);
            try {
                politeness.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failed(new HostException(Reason.UNAVAILABLE, "interrupted while waiting for " + hostName, e));
            }
            waited = after;
        }
    }

    /** How long a 403/429 asks us to wait, or null when the answer is no rate limit. */
    @Nullable Duration rateLimitWait(Response response, int rateLimitedBefore) {
        int status = response.status();
        if (status != 403 && status != 429) {
            return null;
        }
        String retryAfter = response.header("Retry-After");
        if (retryAfter != null) {
            Duration wait = parseRetryAfter(retryAfter);
            if (wait != null) {
                return atLeastOneSecond(wait);
            }
        }
        Instant reset = quotaReset(response);
        if (reset != null) {
            return atLeastOneSecond(Duration.between(politeness.clock().instant(), reset).plus(RESET_MARGIN));
        }
        boolean quotaGone = "0".equals(trimmed(response.header(quota.remaining())));
        if (status == 429 || quotaGone || message(response).toLowerCase(Locale.ROOT).contains("rate limit")) {
            return RATE_LIMIT_WITHOUT_HINT.multipliedBy(1L << Math.min(rateLimitedBefore, 10));
        }
        return null;
    }

    private void rememberQuota(Response response) {
        if (response.ok()) {
            Instant reset = quotaReset(response);
            if (reset != null) {
                Instant until = reset.plus(RESET_MARGIN);
                pausedUntil.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
    }

    /** The reset instant when the answer says the quota is used up, else null. */
    private @Nullable Instant quotaReset(Response response) {
        if (!"0".equals(trimmed(response.header(quota.remaining())))) {
            return null;
        }
        String reset = trimmed(response.header(quota.reset()));
        if (reset == null) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(reset));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code Retry-After}: delay-seconds or an HTTP date (RFC 9110 §10.2.3); null when it is neither. */
    @Nullable Duration parseRetryAfter(String value) {
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit) && !v.isEmpty()) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            Instant date = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(politeness.clock().instant(), date);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The {@code attempt}-th back-off (from 0): {@code min(0.5 s · 2^attempt, 30 s)}, jittered to [d/2, d]. */
    static Duration backoff(int attempt) {
        long full = Math.min(FIRST_BACKOFF.toMillis() << Math.min(attempt, 20), MAX_BACKOFF.toMillis());
        long half = full / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(full - half + 1));
    }

    private static Duration atLeastOneSecond(Duration wait) {
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }

    // ---- answers -------------------------------------------------------------------------------------

    /** The answer when it is a success; otherwise the {@link HostException} it stands for. */
    Response check(Response response) {
        if (response.ok()) {
            return response;
        }
        throw failure(response);
    }

    /** The {@link HostException} a final error answer stands for (told to the observer as a failure). */
    HostException failure(Response response) {
        return failed(failureOf(response));
    }

    private HostException failureOf(Response response) {
        int status = response.status();
        String what = response.method() + " " + response.uri().getRawPath();
        String said = message(response);
        String detail = said.isEmpty() ? "" : ": " + said;
        if (status == 401) {
            return new HostException(Reason.UNAUTHORIZED,
                    "the " + hostName + " token was revoked or expired: sign in again");
        }
        if (status == 404 || status == 410) {
            return new HostException(Reason.NOT_FOUND, hostName + " has no " + response.uri().getRawPath()
                    + " (it was deleted, or the account lost access)" + detail);
        }
        if (status >= 400 && status < 500) {
            return new HostException(Reason.REJECTED, hostName + " refused " + what + " (HTTP " + status + ")"
                    + detail);
        }
        if (status >= 500 && response.method().equals("POST")) {
            return new HostException(Reason.UNAVAILABLE, hostName + " failed on " + what + " (HTTP " + status
                    + "); it may or may not have been done: check before trying again" + detail);
        }
        return new HostException(Reason.UNAVAILABLE, hostName + " answered " + what + " with HTTP " + status
                + detail);
    }

    JsonNode json(Response response) {
        try {
            return JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw failed(new HostException(Reason.UNAVAILABLE, hostName + " answered " + response.method() + " "
                    + response.uri().getRawPath() + " with something that is not JSON", e));
        }
    }

    /** The host's own explanation from an error body ({@code message}, {@code error_description}, {@code error}). */
    static String message(Response response) {
        if (response.body().length == 0) {
            return "";
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (JacksonException e) {
            return "";
        }
        if (body == null || !body.isObject()) {
            return "";
        }
        for (String field : List.of("message", "error_description", "error")) {
            JsonNode node = body.get(field);
            if (node == null || node.isNull()) {
                continue;
            }
            String text = node.isString() ? node.asString() : node.toString();
            return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text;
        }
        return "";
    }

    // ---- pages ---------------------------------------------------------------------------------------

    /**
     * Every element of every page, starting at {@code first}, following {@code next} until it gives null.
     * The next page must be on the API's own server (the token is never sent elsewhere) and must not repeat.
     */
    List<JsonNode> pages(URI first, String accept, Function<Response, @Nullable URI> next) {
        List<JsonNode> all = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        URI page = first;
        while (page != null) {
            if (!seen.add(page)) {
                throw failed(new HostException(Reason.UNAVAILABLE, hostName + " sent us back to a page we had read: "
                        + page.getRawPath()));
            }
            if (!sameOrigin(apiBase, page)) {
                throw failed(new HostException(Reason.UNAVAILABLE, hostName
                        + " pointed the next page at another server (" + page.getHost()
                        + "); not following it with the token"));
            }
            Response response = get(page, accept);
            JsonNode items = json(response);
            if (!items.isArray()) {
                throw failed(new HostException(Reason.UNAVAILABLE, hostName + " answered " + page.getRawPath()
                        + " with something other than a list"));
            }
            items.values().forEach(all::add);
            page = next.apply(response);
        }
        return all;
    }

    /** The {@code rel="next"} target of the {@code Link} header(s), resolved against the page's address. */
    static @Nullable URI nextLink(Response response) {
        for (String value : response.headers().allValues("Link")) {
            Matcher link = LINK.matcher(value);
            while (link.find()) {
                Matcher rel = REL.matcher(link.group(2));
                while (rel.find()) {
                    for (String name : rel.group(1).trim().split("\\s+")) {
                        if (name.equalsIgnoreCase("next")) {
                            return response.uri().resolve(link.group(1).trim());
                        }
                    }
                }
            }
        }
        return null;
    }

    static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(lower(a.getScheme()), lower(b.getScheme()))
                && Objects.equals(lower(a.getHost()), lower(b.getHost()))
                && port(a) == port(b);
    }

    // ---- encoding ------------------------------------------------------------------------------------

    /** One path segment or query value, percent-encoded (spaces as {@code %20}). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A path of segments, each percent-encoded, the slashes between them kept. */
    static String encodePath(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            segments.add(encode(segment));
        }
        return String.join("/", segments);
    }

    /** {@code uri} with its query parameter {@code name} set to {@code value} (added when missing). */
    static URI withQueryParameter(URI uri, String name, String value) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                parameters.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        parameters.put(name, encode(value));
        StringBuilder rebuilt = new StringBuilder();
        parameters.forEach((k, v) -> rebuilt.append(rebuilt.isEmpty() ? "" : "&").append(k).append('=').append(v));
        String s = uri.toString();
        int q = s.indexOf('?');
        return URI.create((q < 0 ? s : s.substring(0, q)) + "?" + rebuilt);
    }

    // ---- small helpers -------------------------------------------------------------------------------

    /** {@code e}, told to the observer first: every failure a caller gets from here passes through this. */
    private HostException failed(HostException e) {
        politeness.observer().failed(hostName, e.reason());
        return e;
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        String text = value.asString();
        return text.isBlank() ? null : text;
    }

    static String required(JsonNode node, String field, String what) {
        String value = text(node, field);
        if (value == null) {
            throw new HostException(Reason.UNAVAILABLE, what + " came without " + field);
        }
        return value;
    }

    private static @Nullable String trimmed(@Nullable String value) {
        return value == null ? null : value.trim();
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static @Nullable String lower(@Nullable String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }

    private static URI withoutTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }

    @Override
    public String toString() {
        return "HostHttp[" + hostName + " " + apiBase + "]"; // never the headers: they hold the token
    }
}
