package dev.stackdraft.security;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The password sign-in, held back by {@link SignInThrottle}: a locked account, address or device is refused before
 * its password is looked at; a wrong password is answered a little later each time, and the attempt that reaches a
 * limit is refused with the lock's message right away; a right one resets the account's count.
 */
final class ThrottledPasswordSignIn implements AuthenticationProvider {

    /** Holds a failed attempt's answer back; a field so that unit tests need not wait. */
    interface Pause {
        void pause(Duration duration);
    }

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final TrustedDevices devices;
    private final Pause pause;

    ThrottledPasswordSignIn(AuthenticationProvider passwords, SignInThrottle throttle, TrustedDevices devices,
                            Pause pause) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.devices = devices;
        this.pause = pause;
    }

    @Override
    public @Nullable Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        SignInDetails details = authentication.getDetails() instanceof SignInDetails d ? d
                : new SignInDetails("unknown", null);
        String device = devices.deviceId(details.deviceCookie(), username);
        SignInThrottle.Attempt attempt = throttle.begin(username, details.address(), device);
        Authentication result;
        try {
            result = passwords.authenticate(authentication);
        } catch (BadCredentialsException e) {
            SignInThrottle.Failure failure = throttle.failed(attempt);
            pause.pause(failure.delay());
            if (failure.lock().isPresent()) {
                throw failure.lock().get();
            }
            throw e;
        }
        throttle.succeeded(attempt);
        if (result instanceof UsernamePasswordAuthenticationToken token) {
            token.setDetails(null); // the session keeps no device cookie
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static void sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
