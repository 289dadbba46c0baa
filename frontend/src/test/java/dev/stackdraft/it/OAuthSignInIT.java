package dev.stackdraft.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.account.AccountService;
import dev.stackdraft.account.LinkedAccount;
import dev.stackdraft.account.StackdraftUser;
import dev.stackdraft.hosting.HostKind;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole OAuth2 redirect sign-in, as a browser does it (a cookie-keeping HTTP client that follows each
 * redirect by hand, so every hop is checked): Stackdraft's authorization endpoint → the host's authorize URL →
 * the authorization server → Stackdraft's callback → the host's token URL → the host's user API → the dashboard.
 */
class OAuthSignInIT extends AppIT {

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void github_sign_in_runs_the_whole_redirect_flow_and_stores_the_token_encrypted() throws Exception {
        HOSTS.githubUser(583231, "octocat", "The Octocat", null);
        Browser browser = new Browser();

        List<URI> hops = browser.signIn(app("/oauth2/authorization/github"));

        // authorize at the host, with Stackdraft's client, the scopes to read repos and push, and the callback
        Map<String, String> authorize = query(hops.get(1));
        assertThat(hops.get(1).toString()).startsWith(HOSTS.githubBase() + "/login/oauth/authorize?");
        assertThat(authorize).containsEntry("client_id", "stackdraft-on-github")
                .containsEntry("response_type", "code")
                .containsEntry("scope", "repo read:user user:email")
                .containsEntry("redirect_uri", app("/login/oauth2/code/github"))
                .containsKey("state");
        // the authorization server sent the browser back with a code; Stackdraft then landed it on the dashboard
        assertThat(hops.get(3).getPath()).isEqualTo("/login/oauth2/code/github");
        assertThat(query(hops.get(3))).containsKey("code").containsEntry("state", authorize.get("state"));
        assertThat(hops.getLast().getPath()).isEqualTo("/");
        HttpResponse<String> dashboard = browser.get(hops.getLast());
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("<div id=\"outlet\">");

        LinkedAccount account = linked(HostKind.GITHUB, "583231");
        assertThat(account.login()).isEqualTo("octocat");
        assertThat(account.apiBase()).hasToString(HOSTS.githubApi());
        assertThat(account.commitEmail()).startsWith("583231+octocat@users.noreply."); // the e-mail is private
        assertThat(accounts.user(account.userId())).get().extracting(StackdraftUser::displayName)
                .isEqualTo("The Octocat");
        assertTokenStoredEncrypted(account, "/gh/api/v3/user", dashboard.body());
    }

    @Test
    void gitlab_sign_in_runs_the_whole_redirect_flow_and_stores_the_token_encrypted() throws Exception {
        HOSTS.gitlabUser(7, "john_smith", "John Smith", "john@example.com");
        Browser browser = new Browser();

        List<URI> hops = browser.signIn(app("/oauth2/authorization/gitlab"));

        assertThat(hops.get(1).toString()).startsWith(HOSTS.gitlabBase() + "/oauth/authorize?");
        assertThat(query(hops.get(1))).containsEntry("client_id", "stackdraft-on-gitlab")
                .containsEntry("scope", "api read_user")
                .containsEntry("redirect_uri", app("/login/oauth2/code/gitlab"));
        assertThat(hops.get(3).getPath()).isEqualTo("/login/oauth2/code/gitlab");
        assertThat(hops.getLast().getPath()).isEqualTo("/");
        HttpResponse<String> dashboard = browser.get(hops.getLast());
        assertThat(dashboard.statusCode()).isEqualTo(200);

        LinkedAccount account = linked(HostKind.GITLAB, "7");
        assertThat(account.login()).isEqualTo("john_smith");
        assertThat(account.apiBase()).hasToString(HOSTS.gitlabApi());
        assertThat(account.commitEmail()).isEqualTo("john@example.com");
        assertTokenStoredEncrypted(account, "/gl/api/v4/user", dashboard.body());
    }

    @Test
    void a_signed_in_github_user_links_a_gitlab_account_and_signing_in_with_either_is_the_same_user() throws Exception {
        HOSTS.githubUser(1001, "linker", "Lin Ker", "lin@example.com");
        HOSTS.gitlabUser(2002, "linker-gl", "Lin Ker", "lin@example.com");
        Browser browser = new Browser();
        browser.signIn(app("/oauth2/authorization/github"));

        List<URI> hops = browser.signIn(app("/oauth2/authorization/gitlab")); // linking: the same session

        assertThat(hops.getLast().getPath()).isEqualTo("/");
        LinkedAccount github = linked(HostKind.GITHUB, "1001");
        LinkedAccount gitlab = linked(HostKind.GITLAB, "2002");
        assertThat(gitlab.userId()).isEqualTo(github.userId());
        assertThat(accounts.linkedAccounts(github.userId())).extracting(LinkedAccount::host)
                .containsExactly(HostKind.GITHUB, HostKind.GITLAB);

        Browser later = new Browser();
        later.signIn(app("/oauth2/authorization/gitlab"));
        assertThat(linked(HostKind.GITLAB, "2002").userId()).isEqualTo(github.userId());
        assertThat(jdbc.sql("select count(*) from app_user where username like 'linker%'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void a_failed_authorization_returns_to_the_login_page_and_stores_nothing() throws Exception {
        Browser browser = new Browser();
        long before = jdbc.sql("select count(*) from linked_account").query(Long.class).single();

        HttpResponse<String> callback = browser.get(URI.create(app("/login/oauth2/code/github?code=forged&state=forged")));

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(jdbc.sql("select count(*) from linked_account").query(Long.class).single()).isEqualTo(before);
    }

    private LinkedAccount linked(HostKind kind, String hostUserId) {
        long userId = jdbc.sql("select user_id from linked_account where host = ? and host_user_id = ?")
                .params(kind.name(), hostUserId).query(Long.class).single();
        return accounts.linkedAccounts(userId).stream()
                .filter(a -> a.host() == kind && a.hostUserId().equals(hostUserId))
                .findFirst().orElseThrow();
    }

    /** The token the host's API saw is the one stored, encrypted in the database and absent from the page. */
    private void assertTokenStoredEncrypted(LinkedAccount account, String userApi, String page) {
        String authorization = HOSTS.userApiAuthorizations(userApi).getLast();
        String token = authorization.substring("Bearer ".length());
        assertThat(token).isNotBlank();
        assertThat(account.hasToken()).isTrue();
        assertThat(accounts.token(account.id())).contains(token);
        String stored = jdbc.sql("select token_ciphertext from linked_account where id = ?")
                .param(account.id()).query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(token);
        assertThat(page).doesNotContain(token);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }

    /** A browser without JavaScript: keeps cookies, follows redirects one hop at a time. */
    static final class Browser {

        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        /** Follows redirects from {@code start} until a page answers; every URI visited, in order. */
        List<URI> signIn(String start) throws IOException, InterruptedException {
            List<URI> hops = new ArrayList<>();
            URI next = URI.create(start);
            for (int i = 0; i < 10; i++) {
                hops.add(next);
                HttpResponse<String> response = get(next);
                if (response.statusCode() / 100 != 3) {
                    assertThat(response.statusCode()).as("the answer at " + next).isEqualTo(200);
                    return hops;
                }
                next = next.resolve(response.headers().firstValue("Location").orElseThrow());
                if (next.getPath().equals("/")) {
                    hops.add(next);
                    return hops;
                }
            }
            throw new AssertionError("too many redirects: " + hops);
        }

        HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
