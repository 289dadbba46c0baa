package dev.stackdraft.security;

import dev.stackdraft.config.StackdraftSettings;
import dev.stackdraft.hosting.HostKind;
import java.net.URI;
import java.util.List;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * One configured git host to sign in with: GitHub (github.com or an Enterprise Server) or GitLab (gitlab.com or
 * self-managed). {@code baseUrl} is what users open in the browser; {@code apiBase} what the REST API answers at.
 */
public record HostSignIn(String registrationId, HostKind kind, URI baseUrl, URI apiBase, String clientId,
                         String clientSecret) {

    static final String REDIRECT_URI = "{baseUrl}/login/oauth2/code/{registrationId}";

    /** GitHub where the settings say (they derive its API: {@code https://api.github.com} or {@code BASE/api/v3}). */
    public static HostSignIn github(StackdraftSettings.GitHub at, String clientId, String clientSecret) {
        return new HostSignIn("github", HostKind.GITHUB, at.baseUrl(), at.apiBase(), clientId, clientSecret);
    }

    /** GitHub at {@code baseUrl}, its API where it usually is. */
    public static HostSignIn github(URI baseUrl, String clientId, String clientSecret) {
        return github(StackdraftSettings.GitHub.at(baseUrl), clientId, clientSecret);
    }

    /** GitLab where the settings say (they derive its API: {@code BASE/api/v4}). */
    public static HostSignIn gitlab(StackdraftSettings.GitLab at, String clientId, String clientSecret) {
        return new HostSignIn("gitlab", HostKind.GITLAB, at.baseUrl(), at.apiBase(), clientId, clientSecret);
    }

    /** GitLab at {@code baseUrl}, its API where it usually is. */
    public static HostSignIn gitlab(URI baseUrl, String clientId, String clientSecret) {
        return gitlab(StackdraftSettings.GitLab.at(baseUrl), clientId, clientSecret);
    }

    /** The name people know the host by. */
    public String displayName() {
        return switch (kind) {
            case GITHUB -> "GitHub";
            case GITLAB -> "GitLab";
            case LOCAL -> "Local";
        };
    }

    /** Where the browser goes to start signing in (or linking) with this host. */
    public String authorizationPath() {
        return "/oauth2/authorization/" + registrationId;
    }

    /** Spring Security's registration: endpoints, scopes to read repositories and push, and the user profile. */
    ClientRegistration registration() {
        ClientRegistration.Builder builder = ClientRegistration.withRegistrationId(registrationId)
                .clientName(displayName())
                .clientId(clientId)
                .clientSecret(clientSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(REDIRECT_URI)
                .userInfoUri(apiBase + "/user")
                .userNameAttributeName("id");
        return switch (kind) {
            case GITHUB -> builder
                    .authorizationUri(baseUrl + "/login/oauth/authorize")
                    .tokenUri(baseUrl + "/login/oauth/access_token")
                    .scope(List.of("repo", "read:user", "user:email"))
                    .build();
            case GITLAB -> builder
                    .authorizationUri(baseUrl + "/oauth/authorize")
                    .tokenUri(baseUrl + "/oauth/token")
                    .scope(List.of("api", "read_user"))
                    .build();
            case LOCAL -> throw new IllegalStateException("the local provider has no OAuth2 sign-in");
        };
    }

    @Override
    public String toString() {
        return "HostSignIn[" + registrationId + ", " + baseUrl + ", api " + apiBase + ", client " + clientId + ", secret ****]";
    }
}
