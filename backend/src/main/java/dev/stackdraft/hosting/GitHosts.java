package dev.stackdraft.hosting;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * Makes the REST clients for GitHub and GitLab; one instance shares one HTTP client (and its connections)
 * among all the users' hosts. The local provider is made elsewhere.
 */
public final class GitHosts {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;
    private final Politeness politeness;

    /** The standard {@link Politeness}: at most 60 s of waiting per request. */
    public GitHosts() {
        this(Politeness.standard());
    }

    public GitHosts(Politeness politeness) {
        this(newHttpClient(), politeness);
    }

    public GitHosts(HttpClient client, Politeness politeness) {
        this.client = Objects.requireNonNull(client, "client");
        this.politeness = Objects.requireNonNull(politeness, "politeness");
    }

    /**
     * The host of {@code kind} at {@code apiBase} as the owner of {@code token} sees it: GitHub's
     * {@code https://api.github.com} or {@code https://HOST/api/v3}, GitLab's {@code https://gitlab.com/api/v4}
     * or {@code https://HOST/api/v4}. GitLab tokens go as {@code Authorization: Bearer}, which serves OAuth and
     * access tokens alike.
     *
     * @throws IllegalArgumentException for {@link HostKind#LOCAL}, which has no REST API
     */
    public GitHost connect(HostKind kind, URI apiBase, String token) {
        return switch (kind) {
            case GITHUB -> new GitHubHost(apiBase, token, client, politeness);
            case GITLAB -> new GitLabHost(apiBase, token, GitLabHost.TokenHeader.BEARER, client, politeness);
            case LOCAL -> throw new IllegalArgumentException("the local provider is not reached over a REST API");
        };
    }

    /** The public service's API: {@code https://api.github.com}, {@code https://gitlab.com/api/v4}. */
    public static URI defaultApiBase(HostKind kind) {
        return switch (kind) {
            case GITHUB -> GitHubHost.GITHUB_COM;
            case GITLAB -> GitLabHost.GITLAB_COM;
            case LOCAL -> throw new IllegalArgumentException("the local provider has no API base");
        };
    }

    public Politeness politeness() {
        return politeness;
    }

    /** HTTP/1.1 or 2 as the server offers, redirects followed (GitHub redirects renamed repositories). */
    static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public String toString() {
        return "GitHosts[maxWait=" + politeness.maxWait() + "]";
    }
}
