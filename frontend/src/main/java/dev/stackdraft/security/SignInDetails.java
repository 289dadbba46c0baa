package dev.stackdraft.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * What the password sign-in needs to know about the request: the client address (the servlet's remote address,
 * which Tomcat's remote IP valve takes from {@code X-Forwarded-For} only when the request came through a trusted
 * proxy) and the browser's device cookie. Used only while the password is checked; the signed-in session keeps
 * neither.
 */
record SignInDetails(String address, @Nullable String deviceCookie) {

    static SignInDetails of(HttpServletRequest request) {
        return new SignInDetails(request.getRemoteAddr(), TrustedDevices.cookie(request));
    }
}
