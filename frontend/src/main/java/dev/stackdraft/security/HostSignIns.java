package dev.stackdraft.security;

import dev.stackdraft.config.StackdraftSettings;
import dev.stackdraft.config.StartupProblem;
import dev.stackdraft.startup.OAuthClientSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;

/**
 * The git hosts users may sign in with, from the settings: a host appears as soon as its client id and secret
 * are set ({@code STACKDRAFT_GITHUB_CLIENT_ID} / {@code _SECRET}, {@code STACKDRAFT_GITLAB_CLIENT_ID} /
 * {@code _SECRET}; only one of the two stops the start with a {@link StartupProblem});
 * {@code STACKDRAFT_GITHUB_BASE_URL} and {@code STACKDRAFT_GITLAB_BASE_URL} point at an
 * Enterprise Server or a self-managed GitLab.
 */
public final class HostSignIns {

    private final List<HostSignIn> hosts;

    public HostSignIns(List<HostSignIn> hosts) {
        this.hosts = List.copyOf(hosts);
    }

    static HostSignIns fromEnvironment(Environment env) {
        List<HostSignIn> hosts = new ArrayList<>();
        // the same keys and the same defaults as the platform's StackdraftSettings: one derivation of the API base
        configured(env, "github").ifPresent(c -> hosts.add(HostSignIn.github(new StackdraftSettings.GitHub(
                url(env, "github", "base-url"), url(env, "github", "api-base")), c.id(), c.secret())));
        configured(env, "gitlab").ifPresent(c -> hosts.add(HostSignIn.gitlab(new StackdraftSettings.GitLab(
                url(env, "gitlab", "base-url"), url(env, "gitlab", "api-base")), c.id(), c.secret())));
        return new HostSignIns(hosts);
    }

    public List<HostSignIn> all() {
        return hosts;
    }

    public boolean isEmpty() {
        return hosts.isEmpty();
    }

    public Optional<HostSignIn> byRegistrationId(String registrationId) {
        return hosts.stream().filter(h -> h.registrationId().equals(registrationId)).findFirst();
    }

    /** Spring Security's registrations; only called when there is at least one host. */
    ClientRegistrationRepository repository() {
        return new InMemoryClientRegistrationRepository(hosts.stream().map(HostSignIn::registration)
                .toArray(ClientRegistration[]::new));
    }

    private record Client(String id, String secret) {}

    private static Optional<Client> configured(Environment env, String host) {
        String id = env.getProperty("stackdraft." + host + ".client-id", "").strip();
        String secret = env.getProperty("stackdraft." + host + ".client-secret", "").strip();
        OAuthClientSettings.requireBothOrNeither(env, host);
        return id.isEmpty() || secret.isEmpty() ? Optional.empty() : Optional.of(new Client(id, secret));
    }

    /** A URL setting as written; blank when unset, which the settings read as "the default". */
    private static URI url(Environment env, String host, String key) {
        return URI.create(env.getProperty("stackdraft." + host + "." + key, "").strip());
    }
}
