package dev.stackdraft.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.stackdraft.config.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The password sign-in's throttle on a real database (H2 here; {@link PostgresSignInThrottleTest} runs the same on
 * PostgreSQL), with a password check that counts its calls and a clock the test moves.
 */
class SignInThrottleTest {

    final TestClock clock = new TestClock();
    final SignInSettings settings = SignInSettings.defaults();
    final AtomicInteger passwordChecks = new AtomicInteger();
    final List<Duration> pauses = new CopyOnWriteArrayList<>();
    TrustedDevices devices;
    JdbcClient jdbc;
    ThrottledPasswordSignIn signIn;
    /** How long a password check takes; the parallel test makes it take a while, as BCrypt does. */
    volatile Duration checkTakes = Duration.ZERO;

    DataSource dataSource() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    @BeforeEach
    void setUp() {
        DataSource dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("delete from sign_in_throttle").update();
        jdbc.sql("delete from sign_in_device").update();
        devices = new TrustedDevices(jdbc, settings, clock);
        SignInThrottle throttle = new SignInThrottle(jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), settings, clock);
        AuthenticationProvider passwords = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                passwordChecks.incrementAndGet();
                ThrottledPasswordSignIn.sleep(checkTakes);
                if (!"right".equals(authentication.getCredentials())) {
                    throw new BadCredentialsException("Bad credentials");
                }
                return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null,
                        AuthorityUtils.createAuthorityList("ROLE_USER"));
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return true;
            }
        };
        signIn = new ThrottledPasswordSignIn(passwords, throttle, devices, pauses::add);
    }

    @Test
    void the_attempt_that_reaches_the_account_limit_is_refused_with_the_wait_and_so_is_the_right_password() {
        for (int i = 1; i <= 4; i++) {
            assertThatThrownBy(() -> attempt("admin", "wrong", "203.0.113.1")).isInstanceOf(BadCredentialsException.class);
        }

        Throwable fifth = catchThrowable(() -> attempt("admin", "wrong", "203.0.113.1"));

        assertThat(fifth).isInstanceOf(SignInRefused.class);
        assertThat(((SignInRefused) fifth).sentence(clock.instant()))
                .isEqualTo("Too many failed sign-ins for this account. Wait 60 seconds, then sign in again.");
        int checks = passwordChecks.get();
        assertThatThrownBy(() -> attempt("admin", "right", "203.0.113.2")).isInstanceOf(SignInRefused.class);
        assertThatThrownBy(() -> attempt("ADMIN ", "right", "203.0.113.3")).as("the same account, spelled otherwise")
                .isInstanceOf(SignInRefused.class);
        assertThat(passwordChecks.get()).as("a refused attempt's password is not even checked").isEqualTo(checks);

        clock.advance(Duration.ofSeconds(61));
        assertThat(attempt("admin", "right", "203.0.113.1").isAuthenticated()).isTrue();
    }

    @Test
    void wrong_passwords_are_answered_later_each_time_up_to_the_cap() {
        for (int i = 1; i <= 8; i++) {
            catchThrowable(() -> attempt("nobody-" + UUID.randomUUID(), "wrong", "203.0.113.9"));
        }

        assertThat(pauses).containsExactly(Duration.ZERO, Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofMillis(1500), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(2));
    }

    @Test
    void each_further_lock_lasts_twice_as_long_up_to_the_cap_and_then_ends() {
        List<Duration> locks = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            SignInRefused refused = null;
            String address = "203.0.113." + round; // the address's own count stays below its limit
            for (int i = 0; i < 5; i++) {
                Throwable failure = catchThrowable(() -> attempt("admin", "wrong", address));
                refused = failure instanceof SignInRefused r ? r : null;
            }
            assertThat(refused).as("round %d ends locked", round).isNotNull();
            Duration lock = Duration.between(clock.instant(), refused.until());
            locks.add(lock);
            clock.advance(lock.plusSeconds(1));
        }

        assertThat(locks).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(15), Duration.ofMinutes(15));
        assertThat(attempt("admin", "right", "203.0.113.1").isAuthenticated()).as("nothing locks for good").isTrue();
    }

    @Test
    void a_success_resets_the_account_count() {
        for (int round = 0; round < 3; round++) {
            String address = "203.0.113." + (10 + round);
            for (int i = 0; i < 4; i++) {
                catchThrowable(() -> attempt("admin", "wrong", address));
            }
            assertThat(attempt("admin", "right", address).isAuthenticated()).isTrue();
        }
        assertThat(pauses.getLast()).as("the count had started over").isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void one_address_failing_for_many_accounts_is_locked_for_all_of_them() {
        for (int i = 1; i < 20; i++) {
            int n = i;
            assertThatThrownBy(() -> attempt("user-" + n, "wrong", "203.0.113.50"))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> attempt("user-20", "wrong", "203.0.113.50")).isInstanceOf(SignInRefused.class)
                .extracting(e -> ((SignInRefused) e).scope()).isEqualTo(SignInRefused.Scope.ADDRESS);
        assertThatThrownBy(() -> attempt("admin", "right", "203.0.113.50")).isInstanceOf(SignInRefused.class);
        assertThat(attempt("admin", "right", "203.0.113.51").isAuthenticated()).as("from elsewhere").isTrue();
    }

    @Test
    void successful_sign_ins_from_one_address_do_not_add_up_to_a_lock() {
        for (int i = 0; i < 50; i++) {
            assertThat(attempt("user-" + i, "right", "10.0.0.1").isAuthenticated()).isTrue();
        }
        assertThat(jdbc.sql("select failures from sign_in_throttle where throttle_key like 'address:%'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void a_browser_that_signed_in_before_signs_in_while_its_account_is_locked_until_it_fails_itself() {
        String cookie = deviceCookieFor("admin");
        for (int i = 0; i < 5; i++) {
            catchThrowable(() -> attempt("admin", "wrong", "203.0.113.66"));
        }
        assertThatThrownBy(() -> attempt("admin", "right", "203.0.113.66")).isInstanceOf(SignInRefused.class);

        assertThat(attempt("admin", "right", "203.0.113.66", cookie).isAuthenticated())
                .as("the owner's browser, even from the attacker's address").isTrue();
        assertThatThrownBy(() -> attempt("admin", "right", "203.0.113.67")).as("the account stays locked for others")
                .isInstanceOf(SignInRefused.class);

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> attempt("admin", "wrong", "203.0.113.68", cookie))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> attempt("admin", "wrong", "203.0.113.68", cookie)).isInstanceOf(SignInRefused.class)
                .extracting(e -> ((SignInRefused) e).scope()).isEqualTo(SignInRefused.Scope.DEVICE);
        assertThatThrownBy(() -> attempt("admin", "right", "203.0.113.68", cookie))
                .as("a device that failed too often is trusted no longer: the account's lock holds it")
                .isInstanceOf(SignInRefused.class);
    }

    @Test
    void a_device_cookie_counts_only_for_its_account_unaltered_and_unexpired() {
        String cookie = deviceCookieFor("admin");

        assertThat(devices.deviceId(cookie, "admin")).isNotNull();
        assertThat(devices.deviceId(cookie, "Admin")).isNotNull();
        assertThat(devices.deviceId(cookie, "someone-else")).isNull();
        assertThat(devices.deviceId(cookie.substring(0, cookie.length() - 4) + "AAAA", "admin")).isNull();
        assertThat(devices.deviceId("A".repeat(43), "admin")).as("made up").isNull();
        assertThat(new TrustedDevices(jdbc, settings, clock).deviceId(cookie, "admin"))
                .as("another instance on the same database").isNotNull();
        assertThat(jdbc.sql("select device_hash from sign_in_device").query(String.class).single())
                .as("the database keeps a hash, not the cookie").isNotEqualTo(cookie).doesNotContain(cookie);
        clock.advance(Duration.ofDays(181));
        assertThat(devices.deviceId(cookie, "admin")).as("expired").isNull();
    }

    @Test
    void the_device_cookie_is_http_only_strict_for_the_sign_in_page_and_secure_over_tls() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setSecure(true);
        MockHttpServletResponse response = new MockHttpServletResponse();

        devices.onAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null, List.of()),
                request, response);

        assertThat(response.getHeader("Set-Cookie")).startsWith("stackdraft-device=").contains("Path=/login")
                .contains("HttpOnly").contains("SameSite=Strict").contains("Secure").contains("Max-Age=15552000");
    }

    @Test
    void counts_are_forgotten_after_a_quiet_hour() {
        for (int i = 0; i < 4; i++) {
            catchThrowable(() -> attempt("admin", "wrong", "203.0.113.70"));
        }
        clock.advance(Duration.ofMinutes(61));
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> attempt("admin", "wrong", "203.0.113.70")).isInstanceOf(BadCredentialsException.class);
        }
        clock.advance(Duration.ofHours(2));
        catchThrowable(() -> attempt("someone", "wrong", "203.0.113.71"));
        assertThat(jdbc.sql("select count(*) from sign_in_throttle").query(Integer.class).single())
                .as("old rows are deleted: only the last attempt's account and address are left").isEqualTo(2);
    }

    @Test
    void parallel_guesses_cannot_pass_the_limit() throws Exception {
        checkTakes = Duration.ofMillis(150);
        int guesses = 16;
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Throwable>> outcomes = new ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            String address = "203.0.113." + (100 + i);
            outcomes.add(pool.submit(() -> {
                start.await();
                return catchThrowable(() -> attempt("admin", "wrong", address));
            }));
        }
        start.countDown();
        List<Throwable> thrown = new ArrayList<>();
        for (Future<Throwable> outcome : outcomes) {
            thrown.add(outcome.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(passwordChecks.get()).as("passwords checked out of %d parallel guesses", guesses).isEqualTo(5);
        assertThat(thrown).filteredOn(SignInRefused.class::isInstance).hasSize(guesses - 4);
    }

    @Test
    void rows_hold_hashes_not_names_or_addresses() {
        catchThrowable(() -> attempt("my-secret-password", "wrong", "203.0.113.80"));

        List<String> keys = jdbc.sql("select throttle_key from sign_in_throttle").query(String.class).list();
        assertThat(keys).hasSize(2).noneMatch(k -> k.contains("my-secret") || k.contains("203.0.113"));
    }

    @Test
    void waits_are_said_in_whole_seconds_or_minutes_rounded_up() {
        assertThat(SignInRefused.wait(Duration.ofMillis(10))).isEqualTo("1 second");
        assertThat(SignInRefused.wait(Duration.ofMillis(1500))).isEqualTo("2 seconds");
        assertThat(SignInRefused.wait(Duration.ofSeconds(60))).isEqualTo("60 seconds");
        assertThat(SignInRefused.wait(Duration.ofSeconds(91))).isEqualTo("2 minutes");
        assertThat(SignInRefused.wait(Duration.ofMinutes(15))).isEqualTo("15 minutes");
    }

    private Authentication attempt(String username, String password, String address) {
        return attempt(username, password, address, null);
    }

    private Authentication attempt(String username, String password, String address, @Nullable String deviceCookie) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(username,
                password);
        token.setDetails(new SignInDetails(address, deviceCookie));
        return signIn.authenticate(token);
    }

    private String deviceCookieFor(String username) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        devices.onAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()),
                new MockHttpServletRequest("POST", "/login"), response);
        String header = response.getHeader("Set-Cookie");
        return header.substring(header.indexOf('=') + 1, header.indexOf(';'));
    }
}
