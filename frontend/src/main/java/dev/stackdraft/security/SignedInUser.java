package dev.stackdraft.security;

import dev.stackdraft.account.StackdraftUser;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * The principal of a signed-in session, whichever way the user signed in: the Stackdraft user's id and names.
 * It holds no access token; the password hash it carries for the local sign-in is erased once checked.
 */
public final class SignedInUser implements UserDetails, OAuth2User, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final List<GrantedAuthority> AUTHORITIES = List.of(new SimpleGrantedAuthority("ROLE_USER"));

    private final long userId;
    private final String username;
    private final String displayName;
    private @Nullable String passwordHash;

    SignedInUser(StackdraftUser user, @Nullable String passwordHash) {
        this.userId = user.id();
        this.username = user.username();
        this.displayName = user.displayName();
        this.passwordHash = passwordHash;
    }

    public long userId() {
        return userId;
    }

    public String displayName() {
        return displayName;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return AUTHORITIES;
    }

    /** OAuth2's name: the Stackdraft username (not the host's id), so both sign-ins look alike. */
    @Override
    public String getName() {
        return username;
    }

    /** Only Stackdraft's own facts; the host's profile stays in the account store. */
    @Override
    public Map<String, Object> getAttributes() {
        return Map.of("userId", userId, "username", username, "displayName", displayName);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInUser that && that.userId == userId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(userId);
    }

    @Override
    public String toString() {
        return "SignedInUser[" + userId + ", " + username + "]";
    }
}
