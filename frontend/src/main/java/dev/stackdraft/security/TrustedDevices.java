package dev.stackdraft.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;

/**
 * OWASP's device cookies, kept on the server: a browser that signed in with the password gets a cookie with a random
 * value (256 bits); the database keeps its SHA-256 with the account's, so every instance recognises it and reading the
 * database does not let anyone make one. Signing in as that account from that browser again is then counted per
 * device, not per account or address: an attacker who fails as {@code admin} locks only themselves out, never the
 * administrator's own browser. The cookie is only sent to the sign-in page ({@code Path=/login}), is
 * {@code HttpOnly}, {@code SameSite=Strict} and {@code Secure} when the request came over TLS.
 */
final class TrustedDevices implements SessionAuthenticationStrategy {

    static final String COOKIE = "stackdraft-device";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final SignInSettings settings;
    private final Clock clock;

    TrustedDevices(JdbcClient jdbc, SignInSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The device's hash (its count's name) when {@code cookie} is a device cookie this server gave to a browser that
     * signed in as {@code username}, within the device lifetime; else null.
     */
    @Nullable String deviceId(@Nullable String cookie, String username) {
        if (!settings.trustDevices() || cookie == null || cookie.isBlank() || cookie.length() > 100) {
            return null;
        }
        String device = SignInThrottle.hash(cookie);
        String account = SignInThrottle.hash(SignInThrottle.normal(username));
        OffsetDateTime since = utc(clock.instant().minus(settings.deviceLifetime()));
        boolean known = jdbc.sql("select count(*) from sign_in_device "
                        + "where device_hash = ? and account_hash = ? and issued_at > ?")
                .params(device, account, since).query(Long.class).single() > 0;
        return known ? device : null;
    }

    /** After a password sign-in: the browser gets (or renews) its device cookie for the account. */
    @Override
    public void onAuthentication(Authentication authentication, HttpServletRequest request,
                                 HttpServletResponse response) {
        if (!settings.trustDevices() || !(authentication instanceof UsernamePasswordAuthenticationToken)) {
            return;
        }
        Instant now = clock.instant();
        String account = SignInThrottle.hash(SignInThrottle.normal(authentication.getName()));
        String value = cookie(request);
        if (value != null && deviceId(value, authentication.getName()) != null) {
            jdbc.sql("update sign_in_device set issued_at = ? where device_hash = ?")
                    .params(utc(now), SignInThrottle.hash(value)).update();
        } else {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            jdbc.sql("delete from sign_in_device where issued_at < ?")
                    .param(utc(now.minus(settings.deviceLifetime()))).update();
            try {
                jdbc.sql("insert into sign_in_device (device_hash, account_hash, issued_at) values (?, ?, ?)")
                        .params(SignInThrottle.hash(value), account, utc(now)).update();
            } catch (DuplicateKeyException e) {
                return; // 256 random bits met an earlier value: no cookie this time
            }
        }
        ResponseCookie cookie = ResponseCookie.from(COOKIE, value)
                .path(SecurityConfiguration.LOGIN)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Strict")
                .maxAge(settings.deviceLifetime())
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    static @Nullable String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
