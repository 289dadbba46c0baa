package dev.stackdraft.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * A GitHub and a GitLab as their users' browsers and Stackdraft see them, on loopback ports:
 * <ul>
 * <li>{@link MockOAuth2Server} in-process is the authorization server: it issues the codes and the tokens;</li>
 * <li>WireMock stands at the hosts' own addresses ({@code /gh} is a GitHub Enterprise Server, {@code /gl} a
 *     self-managed GitLab): their authorize URLs redirect to the authorization server, their token URLs are proxied
 *     to it, and their user APIs ({@code GET /api/v3/user}, {@code GET /api/v4/user}) answer with the documented
 *     JSON shapes.</li>
 * </ul>
 * So Stackdraft is configured exactly as for a real Enterprise / self-managed host: a base URL per host.
 */
final class FakeHosts {

    final MockOAuth2Server oauth = new MockOAuth2Server();
    final WireMockServer wire = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

    private FakeHosts() {}

    static FakeHosts start() {
        FakeHosts hosts = new FakeHosts();
        hosts.oauth.start(0);
        hosts.wire.start();
        hosts.stubAuthorizationServer("/gh/login/oauth/authorize", "/gh/login/oauth/access_token", "github");
        hosts.stubAuthorizationServer("/gl/oauth/authorize", "/gl/oauth/token", "gitlab");
        hosts.githubUser(583231, "octocat", "The Octocat", null);
        hosts.gitlabUser(1, "john_smith", "John Smith", "john@example.com");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hosts.wire.stop();
            hosts.oauth.shutdown();
        }));
        return hosts;
    }

    String githubBase() {
        return wire.baseUrl() + "/gh";
    }

    String gitlabBase() {
        return wire.baseUrl() + "/gl";
    }

    String githubApi() {
        return githubBase() + "/api/v3";
    }

    String gitlabApi() {
        return gitlabBase() + "/api/v4";
    }

    /** GitHub's {@code GET /user} answers with this user from now on. */
    void githubUser(long id, String login, String name, String email) {
        wire.stubFor(get(urlPathEqualTo("/gh/api/v3/user"))
                .withHeader("Authorization", matching("(?i)bearer .+"))
                .willReturn(okJson("""
                        {
                          "login": "%s",
                          "id": %d,
                          "node_id": "MDQ6VXNlcjE=",
                          "avatar_url": "https://github.example.com/images/error/octocat_happy.gif",
                          "html_url": "https://github.example.com/%s",
                          "type": "User",
                          "site_admin": false,
                          "name": "%s",
                          "company": "GitHub",
                          "blog": "https://github.blog",
                          "location": "San Francisco",
                          "email": %s,
                          "hireable": false,
                          "bio": "There once was...",
                          "public_repos": 2,
                          "followers": 20,
                          "following": 0,
                          "created_at": "2008-01-14T04:33:35Z",
                          "updated_at": "2008-01-14T04:33:35Z"
                        }
                        """.formatted(login, id, login, name, email == null ? "null" : "\"" + email + "\""))));
    }

    /** GitLab's {@code GET /api/v4/user} answers with this user from now on. */
    void gitlabUser(long id, String username, String name, String publicEmail) {
        wire.stubFor(get(urlPathEqualTo("/gl/api/v4/user"))
                .withHeader("Authorization", matching("(?i)bearer .+"))
                .willReturn(okJson("""
                        {
                          "id": %d,
                          "username": "%s",
                          "name": "%s",
                          "state": "active",
                          "locked": false,
                          "avatar_url": "http://gitlab.example.com/uploads/user/avatar/1/index.jpg",
                          "web_url": "http://gitlab.example.com/%s",
                          "created_at": "2012-05-23T08:00:58Z",
                          "bio": "",
                          "public_email": "%s",
                          "bot": false,
                          "last_sign_in_at": "2012-06-01T11:41:01Z",
                          "confirmed_at": "2012-05-23T09:05:22Z",
                          "email": "%s",
                          "commit_email": "%s",
                          "two_factor_enabled": true,
                          "external": false,
                          "private_profile": false
                        }
                        """.formatted(id, username, name, username, publicEmail, publicEmail, publicEmail))));
    }

    /** The {@code Authorization} headers Stackdraft sent to a user API, oldest first. */
    List<String> userApiAuthorizations(String path) {
        return wire.findAll(getRequestedFor(urlPathEqualTo(path))).stream()
                .map(LoggedRequest::getHeaders)
                .map(headers -> headers.getHeader("Authorization").firstValue())
                .toList();
    }

    /**
     * The host's authorize URL sends the browser on to the authorization server (same query); its token URL is
     * answered by the authorization server (proxied).
     */
    private void stubAuthorizationServer(String authorizePath, String tokenPath, String issuer) {
        String issuerBase = oauth.url(issuer).toString(); // http://localhost:PORT/ISSUER
        wire.stubFor(get(urlPathEqualTo(authorizePath))
                .willReturn(aResponse()
                        .withStatus(302)
                        // the same request, with openid added: the mock server is an OpenID provider and wants it.
                        // Stackdraft does not see it (its registrations stay plain OAuth2, as GitHub and GitLab are).
                        .withHeader("Location", issuerBase + "/authorize?response_type=code"
                                + "&client_id={{{urlEncode request.query.client_id}}}"
                                + "&scope=openid%20{{{urlEncode request.query.scope}}}"
                                + "&state={{{urlEncode request.query.state}}}"
                                + "&redirect_uri={{{urlEncode request.query.redirect_uri}}}"
                                + "{{#if request.query.code_challenge}}"
                                + "&code_challenge={{{urlEncode request.query.code_challenge}}}"
                                + "&code_challenge_method={{{urlEncode request.query.code_challenge_method}}}{{/if}}")
                        .withTransformers("response-template")));
        wire.stubFor(post(urlPathEqualTo(tokenPath))
                .willReturn(aResponse()
                        .proxiedFrom(issuerBase + "/token")
                        .withProxyUrlPrefixToRemove(tokenPath)));
    }
}
