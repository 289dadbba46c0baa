package dev.stackdraft.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Who is signed in, for views; and signing out (the session is invalidated). */
@Component
public class CurrentUser {

    private final AuthenticationContext authentication;

    CurrentUser(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    public Optional<SignedInUser> get() {
        return authentication.getAuthenticatedUser(SignedInUser.class);
    }

    /** The signed-in user; views are only shown to signed-in users, so this holds wherever a view asks. */
    public SignedInUser require() {
        return get().orElseThrow(() -> new IllegalStateException("nobody is signed in"));
    }

    public void signOut() {
        authentication.logout();
    }
}
