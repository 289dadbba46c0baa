package dev.stackdraft.security;

import dev.stackdraft.account.TokenCipher;
import dev.stackdraft.account.TokenCipherException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;

/**
 * OWASP's device cookies: a browser that signed in with the password gets a cookie, sealed with the server's key
 * (AES-GCM, the key the tokens are encrypted with, so every instance reads it), naming the account and a random
 * device id. Signing in as that account from that browser again is then counted per device, not per account or
 * address: an attacker who fails as {@code admin} locks only themselves out, never the administrator's own browser.
 * The cookie is only sent to the sign-in page ({@code Path=/login}), is {@code HttpOnly}, {@code SameSite=Strict}
 * and {@code Secure} when the request came over TLS.
 */
final class TrustedDevices implements SessionAuthenticationStrategy {

    static final String COOKIE = "stackdraft-device";
    private static final String CONTEXT = "stackdraft sign-in device cookie v1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenCipher cipher;
    private final SignInSettings settings;
    private final Clock clock;

    TrustedDevices(TokenCipher cipher, SignInSettings settings, Clock clock) {
        this.cipher = cipher;
        this.settings = settings;
        this.clock = clock;
    }

    /** The device id in {@code cookie} when it is ours, unexpired and was given for {@code username}; else null. */
    @Nullable String deviceId(@Nullable String cookie, String username) {
        if (!settings.trustDevices() || cookie == null || cookie.isBlank()) {
            return null;
        }
        String[] parts;
        try {
            parts = cipher.decrypt(cookie, CONTEXT).split("\n", -1);
        } catch (TokenCipherException | IllegalArgumentException e) {
            return null; // altered, or sealed with another key
        }
        if (parts.length != 3 || !normal(parts[0]).equals(normal(username))) {
            return null;
        }
        try {
            Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            return issued.plus(settings.deviceLifetime()).isAfter(clock.instant()) ? parts[1] : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** After a password sign-in: the browser gets (or renews) its device cookie for the account. */
    @Override
    public void onAuthentication(Authentication authentication, HttpServletRequest request,
                                 HttpServletResponse response) {
        if (!settings.trustDevices() || !(authentication instanceof UsernamePasswordAuthenticationToken)) {
            return;
        }
        String username = authentication.getName();
        String id = deviceId(cookie(request), username);
        if (id == null) {
            byte[] bytes = new byte[18];
            RANDOM.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        String value = cipher.encrypt(username + "\n" + id + "\n" + clock.instant().getEpochSecond(), CONTEXT);
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

    private static String normal(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
