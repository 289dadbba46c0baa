package dev.stackdraft.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Sign-in hardening (issue 10) against the shared app, through HTTP as an attacker would send it and in Chromium as
 * people use it. Each HTTP test comes "from" its own documentation address (RFC 5737) through {@code X-Forwarded-For},
 * which Tomcat honours because the test client connects from loopback, a trusted proxy; so no test leaves
 * {@code 127.0.0.1} locked for the other ITs, and every test that locks {@code admin} waits the lock out (2 s here,
 * set in {@link AppIT}) and signs in once more, which resets the account.
 */
class SignInHardeningIT extends BrowserIT {

    private static final Duration LOCK = Duration.ofSeconds(2);
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @Test
    void a_sign_in_post_without_the_pages_csrf_token_is_refused_and_with_it_signs_in() throws Exception {
        Client client = new Client("198.51.100.11");
        client.get("/login");

        HttpResponse<String> forged = client.post("/login", Map.of("username", "admin", "password", ADMIN_PASSWORD));

        assertThat(location(forged)).as("no token: back to the sign-in page").endsWith("/login?expired");
        assertThat(location(client.get("/"))).as("not signed in").endsWith("/login");

        HttpResponse<String> real = client.signIn("admin", ADMIN_PASSWORD);

        assertThat(location(real)).satisfies(SignInHardeningIT::signedIn);
        assertThat(client.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void wrong_passwords_are_slowed_then_refused_until_the_lock_ends_and_a_success_resets_the_count() throws Exception {
        Client attacker = new Client("198.51.100.21");
        List<Long> millis = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            long start = System.nanoTime();
            assertThat(location(attacker.signIn("admin", "guess-" + i))).endsWith("/login?error");
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        // AppIT: 200 ms per earlier failure, at most 500 ms; the server sleeps before it answers, so this is a floor
        assertThat(millis.get(3)).as("the 4th failure is answered min(3 × 200, 500) ms later at least (%s)", millis)
                .isGreaterThanOrEqualTo(500);

        HttpResponse<String> fifth = attacker.signIn("admin", "guess-5");
        long lockedAt = System.nanoTime();

        assertThat(location(fifth)).endsWith("/login?error"); // the page says how long to wait: the browser test
        assertThat(location(attacker.signIn("admin", ADMIN_PASSWORD))).as("the right password, while locked")
                .endsWith("/login?error");
        assertThat(location(new Client("198.51.100.22").signIn("admin", ADMIN_PASSWORD)))
                .as("the right password from another address, while the account is locked").endsWith("/login?error");

        sleepUntil(lockedAt, LOCK.plusMillis(300));
        assertThat(location(attacker.signIn("admin", ADMIN_PASSWORD))).as("after the wait").satisfies(SignInHardeningIT::signedIn);

        Client typist = new Client("198.51.100.23");
        for (int round = 0; round < 2; round++) {
            for (int i = 1; i <= 4; i++) {
                assertThat(location(typist.signIn("admin", "typo-" + i))).endsWith("/login?error");
            }
            assertThat(location(typist.signIn("admin", ADMIN_PASSWORD)))
                    .as("4 failures, then the right password (round %d): the count started over after round 0", round)
                    .satisfies(SignInHardeningIT::signedIn);
        }
    }

    @Test
    void failures_from_one_address_lock_that_address_for_every_account() throws Exception {
        Client sprayer = new Client("198.51.100.31");
        for (int i = 1; i <= 19; i++) {
            assertThat(location(sprayer.signIn("nobody-" + i, "spray"))).endsWith("/login?error");
        }
        HttpResponse<String> twentieth = sprayer.signIn("nobody-20", "spray");
        long lockedAt = System.nanoTime();

        assertThat(location(twentieth)).endsWith("/login?error");
        assertThat(location(sprayer.signIn("admin", ADMIN_PASSWORD))).as("admin from the locked address")
                .endsWith("/login?error");
        assertThat(location(new Client("198.51.100.32").signIn("admin", ADMIN_PASSWORD)))
                .as("admin from another address").satisfies(SignInHardeningIT::signedIn);

        sleepUntil(lockedAt, LOCK.plusMillis(300));
        assertThat(location(sprayer.signIn("admin", ADMIN_PASSWORD))).as("after the wait").satisfies(SignInHardeningIT::signedIn);
    }

    @Test
    void a_browser_that_signed_in_before_is_not_locked_out_by_someone_elses_failures() throws Exception {
        Client owner = new Client("198.51.100.41");
        HttpResponse<String> signedIn = owner.signIn("admin", ADMIN_PASSWORD);
        String deviceCookie = setCookie(signedIn, "stackdraft-device");
        assertThat(deviceCookie).contains("Path=/login").contains("HttpOnly").contains("SameSite=Strict")
                .doesNotContain("Secure");

        Client attacker = new Client("198.51.100.42");
        for (int i = 1; i <= 5; i++) {
            attacker.signIn("admin", "guess-" + i);
        }
        long lockedAt = System.nanoTime();
        assertThat(location(attacker.signIn("admin", ADMIN_PASSWORD))).as("admin is locked for the attacker")
                .endsWith("/login?error");

        Client ownerLater = new Client("198.51.100.43"); // a new session: only the device cookie is kept
        ownerLater.keepCookie(deviceCookie);
        assertThat(location(ownerLater.signIn("admin", ADMIN_PASSWORD))).as("the owner's browser, account locked")
                .satisfies(SignInHardeningIT::signedIn);

        sleepUntil(lockedAt, LOCK.plusMillis(300));
        assertThat(location(attacker.signIn("admin", ADMIN_PASSWORD))).satisfies(SignInHardeningIT::signedIn); // resets the account
    }

    @Test
    void session_ids_stay_in_cookies_that_are_http_only_and_same_site_lax() throws Exception {
        Client client = new Client("198.51.100.51");

        HttpResponse<String> redirect = client.get("/");

        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(location(redirect)).isEqualTo(app("/login")).doesNotContainIgnoringCase("jsessionid");
        assertThat(setCookie(redirect, "JSESSIONID")).contains("HttpOnly").contains("SameSite=Lax")
                .doesNotContain("Secure");
        HttpResponse<String> page = client.get("/login");
        assertThat(page.body()).doesNotContainIgnoringCase("jsessionid");
        assertThat(location(client.signIn("admin", ADMIN_PASSWORD))).satisfies(SignInHardeningIT::signedIn)
                .doesNotContainIgnoringCase("jsessionid");
    }

    @Test
    void behind_a_tls_proxy_cookies_are_secure_hsts_is_sent_and_oauth_redirects_use_the_public_url() throws Exception {
        Client client = new Client("198.51.100.61", Map.of("X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "stackdraft.example.com"));

        HttpResponse<String> page = client.get("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(setCookie(page, "JSESSIONID")).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).get().asString().contains("max-age=");
        HttpResponse<String> github = client.get("/oauth2/authorization/github");
        assertThat(location(github)).startsWith(HOSTS.githubBase() + "/login/oauth/authorize?");
        assertThat(query(URI.create(location(github)))).containsEntry("redirect_uri",
                "https://stackdraft.example.com/login/oauth2/code/github");

        HttpResponse<String> plain = new Client("198.51.100.62").get("/login");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).as("no HSTS over plain HTTP").isEmpty();
    }

    @Test
    void pages_carry_the_security_headers_and_the_content_security_policy() throws Exception {
        HttpResponse<String> page = new Client("198.51.100.71").get("/login");

        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'")
                .contains("img-src 'self' data: blob:");
    }

    @Test
    void the_real_sign_in_form_works_and_the_dashboard_and_a_canvas_run_under_the_policy() {
        browser.manage().deleteAllCookies();
        browser.get(app("/login"));
        assertThat(browser.findElements(By.cssSelector("meta[name='_csrf']"))).as("the page's CSRF token").isNotEmpty();
        signInAsAdmin(browser); // the form posts the token (a post without it is refused: the test above)
        assertNoPolicyViolation("the dashboard");

        openCanvas(sample("orders-service", "template.yaml"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.findElement(By.id("canvas-export-svg")).click();
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector(".sd-export"), "data-exported",
                "data:image/svg+xml;charset=utf-8,"));
        browser.findElement(By.id("canvas-export-png")).click();
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector(".sd-export"), "data-exported",
                "data:image/png;base64,"));

        assertNoPolicyViolation("the canvas and its export");
        assertNoErrorNotice(browser);

        // the check sees violations: an image from another origin is refused, and the console says so
        browser.executeScript("const image = new Image(); image.src = 'https://example.invalid/probe.png';"
                + " document.body.appendChild(image);");
        wait.until(d -> !policyViolations().isEmpty());
    }

    @Test
    void the_sign_in_page_says_how_long_to_wait_when_refused() {
        ChromeDriver other = Chromium.start();
        try {
            // this browser comes "from" its own address, so the lock below stays with it
            other.executeCdpCommand("Network.enable", Map.of());
            other.executeCdpCommand("Network.setExtraHTTPHeaders",
                    Map.of("headers", Map.of("X-Forwarded-For", "198.51.100.81")));
            WebDriverWait wait = new WebDriverWait(other, Duration.ofSeconds(60));
            for (int i = 1; i <= 5; i++) {
                other.get(app("/login"));
                wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#login-form input[name='username']"))).sendKeys("mallory");
                other.findElement(By.cssSelector("#login-form input[name='password']")).sendKeys("guess-" + i, Keys.ENTER);
                wait.until(ExpectedConditions.urlContains("/login?error"));
            }
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-message")));
            assertThat(other.findElement(By.id("login-message")).getText())
                    .matches("Too many failed sign-ins for this account\\. Wait [12] seconds?, then sign in again\\.");
            Chromium.screenshot(other, "sign-in-refused");
        } finally {
            other.quit();
        }
    }

    /**
     * Whatever a test did, {@code admin} is not left locked for the other ITs: once any lock has ended, admin signs in
     * (which resets the account's count).
     */
    @AfterEach
    void adminCanSignInAgain() throws Exception {
        long start = System.nanoTime();
        while (location(new Client("198.51.100.99").signIn("admin", ADMIN_PASSWORD)).contains("/login")) {
            assertThat(System.nanoTime() - start).as("admin still locked out after 10 s").isLessThan(10_000_000_000L);
            Thread.sleep(500);
        }
    }

    /** Where a successful sign-in goes: the dashboard (with Spring Security's {@code ?continue} after a saved request). */
    private static void signedIn(String location) {
        assertThat(location).as("signed in").matches(".*://localhost:\\d+/(\\?continue)?");
    }

    private void assertNoPolicyViolation(String where) {
        assertThat(policyViolations()).as("CSP violations Chromium logged on %s", where).isEmpty();
    }

    /** The content security policy violations in the browser's console since the last look. */
    private static List<String> policyViolations() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    private static void sleepUntil(long startNanos, Duration after) throws InterruptedException {
        long left = startNanos + after.toNanos() - System.nanoTime();
        if (left > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("(no Location; status " + response.statusCode() + ")");
    }

    private static String setCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie set: "
                        + response.headers().allValues("Set-Cookie")));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    /**
     * A browser as HTTP: keeps cookies, follows no redirect, and says which client address it stands for (a trusted
     * proxy's {@code X-Forwarded-For}) plus any other header a proxy would add.
     */
    private final class Client {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        private final Map<String, String> headers = new LinkedHashMap<>();

        Client(String address) {
            this(address, Map.of());
        }

        Client(String address, Map<String, String> proxyHeaders) {
            headers.put("X-Forwarded-For", address);
            headers.putAll(proxyHeaders);
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** What the sign-in form does: the page's token, then the post. */
        HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
            HttpResponse<String> page = get("/login");
            Matcher token = CSRF.matcher(page.body());
            assertThat(token.find()).as("the sign-in page's CSRF token").isTrue();
            return post("/login", Map.of("username", username, "password", password, "_csrf", token.group(1)));
        }

        void keepCookie(String setCookie) {
            HttpCookie.parse("Set-Cookie: " + setCookie).forEach(c -> cookies.getCookieStore().add(URI.create(app("/login")), c));
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(app(path))).timeout(Duration.ofSeconds(60));
            headers.forEach(builder::header);
            return builder;
        }
    }
}
