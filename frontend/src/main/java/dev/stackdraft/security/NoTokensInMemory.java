package dev.stackdraft.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;

/**
 * Keeps no authorized clients: Spring Security would otherwise hold every user's access token in memory (or
 * the session). {@link HostAccountUserService} has stored it encrypted in the account store already, and the
 * platform reads it from there when it calls a host.
 */
final class NoTokensInMemory implements OAuth2AuthorizedClientService {

    @Override
    public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(String clientRegistrationId,
                                                                             String principalName) {
        return null;
    }

    @Override
    public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal) {
        // stored encrypted by HostAccountUserService
    }

    @Override
    public void removeAuthorizedClient(String clientRegistrationId, String principalName) {
        // nothing kept
    }
}
