package dev.stackdraft.security;

import dev.stackdraft.account.AccountException;
import dev.stackdraft.account.AccountService;
import dev.stackdraft.account.StackdraftUser;
import dev.stackdraft.hosting.HostUser;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * The last step of an OAuth2 sign-in: reads the user's profile from the host (its user-info endpoint), stores
 * the access token encrypted in the account store, and answers the Stackdraft user. When someone is signed in
 * already, the host account is linked to them instead (a GitHub and a GitLab account on one user).
 */
final class HostAccountUserService implements OAuth2UserService<OAuth2UserRequest, OAuth2User> {

    private static final Logger log = LoggerFactory.getLogger(HostAccountUserService.class);

    private final OAuth2UserService<OAuth2UserRequest, OAuth2User> profiles;
    private final AccountService accounts;
    private final HostSignIns hosts;

    HostAccountUserService(AccountService accounts, HostSignIns hosts) {
        this(new DefaultOAuth2UserService(), accounts, hosts);
    }

    HostAccountUserService(OAuth2UserService<OAuth2UserRequest, OAuth2User> profiles, AccountService accounts,
                           HostSignIns hosts) {
        this.profiles = profiles;
        this.accounts = accounts;
        this.hosts = hosts;
    }

    @Override
    public OAuth2User loadUser(OAuth2UserRequest request) {
        String registrationId = request.getClientRegistration().getRegistrationId();
        HostSignIn host = hosts.byRegistrationId(registrationId).orElseThrow(
                () -> failure("unknown_host", "Signing in with " + registrationId + " is not configured."));
        OAuth2User profile = profiles.loadUser(request);
        HostUser hostUser;
        try {
            hostUser = HostProfiles.hostUser(host, profile.getAttributes());
        } catch (IllegalArgumentException e) {
            throw failure("bad_profile", host.displayName() + " answered with a profile Stackdraft cannot read ("
                    + e.getMessage() + ").");
        }
        String token = request.getAccessToken().getTokenValue();
        try {
            @Nullable SignedInUser current = currentUser();
            StackdraftUser user;
            if (current != null) {
                accounts.linkHost(current.userId(), host.kind(), host.apiBase(), hostUser, token);
                user = accounts.user(current.userId()).orElseThrow();
                log.info("User {} linked the {} account {}", user.username(), host.displayName(), hostUser.login());
            } else {
                user = accounts.signInWithHost(host.kind(), host.apiBase(), hostUser, token);
                log.info("User {} signed in with the {} account {}", user.username(), host.displayName(),
                        hostUser.login());
            }
            return new SignedInUser(user, null);
        } catch (AccountException e) {
            throw failure("account", e.getMessage());
        }
    }

    private static @Nullable SignedInUser currentUser() {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        return current != null && current.isAuthenticated() && current.getPrincipal() instanceof SignedInUser user
                ? user : null;
    }

    private static OAuth2AuthenticationException failure(String code, @Nullable String message) {
        String text = Objects.requireNonNullElse(message, "Signing in failed.");
        return new OAuth2AuthenticationException(new OAuth2Error(code, text, null), text);
    }
}
