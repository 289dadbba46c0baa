package dev.stackdraft.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.config.StartupProblem;
import dev.stackdraft.hosting.HostKind;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

class HostSignInsTest {

    @Test
    void no_client_ids_no_hosts() {
        assertThat(HostSignIns.fromEnvironment(new MockEnvironment()).isEmpty()).isTrue();
    }

    @Test
    void a_host_appears_only_with_both_its_client_id_and_secret() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("stackdraft.gitlab.client-id", "gl-id")
                .withProperty("stackdraft.gitlab.client-secret", "gl-secret");

        HostSignIns hosts = HostSignIns.fromEnvironment(env);

        assertThat(hosts.all()).extracting(HostSignIn::kind).containsExactly(HostKind.GITLAB);
    }

    @Test
    void a_client_id_without_its_secret_stops_the_start_naming_both_settings() {
        MockEnvironment env = new MockEnvironment().withProperty("stackdraft.github.client-id", "gh-id");

        assertThatThrownBy(() -> HostSignIns.fromEnvironment(env))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("STACKDRAFT_GITHUB_CLIENT_ID is set but STACKDRAFT_GITHUB_CLIENT_SECRET is not")
                .satisfies(e -> assertThat(((StartupProblem) e).action())
                        .startsWith("Set STACKDRAFT_GITHUB_CLIENT_SECRET"));
        assertThatThrownBy(() -> HostSignIns.fromEnvironment(new MockEnvironment()
                .withProperty("stackdraft.gitlab.client-secret", "gl-secret")))
                .hasMessageContaining("STACKDRAFT_GITLAB_CLIENT_SECRET is set but STACKDRAFT_GITLAB_CLIENT_ID is not");
    }

    @Test
    void github_com_signs_in_at_github_and_reads_the_profile_from_its_api() {
        HostSignIns hosts = HostSignIns.fromEnvironment(new MockEnvironment()
                .withProperty("stackdraft.github.client-id", "gh-id")
                .withProperty("stackdraft.github.client-secret", "gh-secret"));

        HostSignIn github = hosts.byRegistrationId("github").orElseThrow();
        ClientRegistration registration = github.registration();

        assertThat(github.apiBase()).isEqualTo(URI.create("https://api.github.com"));
        assertThat(registration.getProviderDetails().getAuthorizationUri())
                .isEqualTo("https://github.com/login/oauth/authorize");
        assertThat(registration.getProviderDetails().getTokenUri())
                .isEqualTo("https://github.com/login/oauth/access_token");
        assertThat(registration.getProviderDetails().getUserInfoEndpoint().getUri())
                .isEqualTo("https://api.github.com/user");
        assertThat(registration.getProviderDetails().getUserInfoEndpoint().getUserNameAttributeName()).isEqualTo("id");
        assertThat(registration.getScopes()).containsExactlyInAnyOrder("repo", "read:user", "user:email");
        assertThat(registration.getRedirectUri()).isEqualTo("{baseUrl}/login/oauth2/code/{registrationId}");
        assertThat(registration.getClientId()).isEqualTo("gh-id");
        assertThat(github.toString()).doesNotContain("gh-secret");
    }

    @Test
    void github_enterprise_and_self_managed_gitlab_follow_their_base_urls() {
        HostSignIns hosts = HostSignIns.fromEnvironment(new MockEnvironment()
                .withProperty("stackdraft.github.client-id", "gh-id")
                .withProperty("stackdraft.github.client-secret", "gh-secret")
                .withProperty("stackdraft.github.base-url", "https://github.example.com/")
                .withProperty("stackdraft.gitlab.client-id", "gl-id")
                .withProperty("stackdraft.gitlab.client-secret", "gl-secret")
                .withProperty("stackdraft.gitlab.base-url", "https://gitlab.example.com"));

        HostSignIn github = hosts.byRegistrationId("github").orElseThrow();
        HostSignIn gitlab = hosts.byRegistrationId("gitlab").orElseThrow();

        assertThat(github.apiBase()).isEqualTo(URI.create("https://github.example.com/api/v3"));
        assertThat(github.registration().getProviderDetails().getAuthorizationUri())
                .isEqualTo("https://github.example.com/login/oauth/authorize");
        assertThat(gitlab.apiBase()).isEqualTo(URI.create("https://gitlab.example.com/api/v4"));
        ClientRegistration registration = gitlab.registration();
        assertThat(registration.getProviderDetails().getAuthorizationUri())
                .isEqualTo("https://gitlab.example.com/oauth/authorize");
        assertThat(registration.getProviderDetails().getTokenUri()).isEqualTo("https://gitlab.example.com/oauth/token");
        assertThat(registration.getProviderDetails().getUserInfoEndpoint().getUri())
                .isEqualTo("https://gitlab.example.com/api/v4/user");
        assertThat(registration.getScopes()).containsExactlyInAnyOrder("api", "read_user");
    }

    @Test
    void an_api_base_setting_overrides_the_derived_one() {
        HostSignIns hosts = HostSignIns.fromEnvironment(new MockEnvironment()
                .withProperty("stackdraft.github.client-id", "gh-id")
                .withProperty("stackdraft.github.client-secret", "gh-secret")
                .withProperty("stackdraft.github.base-url", "https://github.example.com")
                .withProperty("stackdraft.github.api-base", "https://api.github.example.com/"));

        assertThat(hosts.byRegistrationId("github").orElseThrow().apiBase())
                .isEqualTo(URI.create("https://api.github.example.com"));
    }

    @Test
    void profiles_become_host_users_with_the_noreply_address_when_the_email_is_private() {
        HostSignIn github = HostSignIn.github(URI.create("https://github.com"), "id", "secret");
        HostSignIn gitlab = HostSignIn.gitlab(URI.create("https://gitlab.example.com"), "id", "secret");

        assertThat(HostProfiles.hostUser(github, Map.of("id", 583231, "login", "octocat", "name", "The Octocat")))
                .satisfies(u -> {
                    assertThat(u.id()).isEqualTo("583231");
                    assertThat(u.commitEmail()).isEqualTo("583231+octocat@users.noreply.github.com");
                });
        assertThat(HostProfiles.hostUser(github, Map.of("id", 1, "login", "mona", "email", "mona@example.com")))
                .satisfies(u -> {
                    assertThat(u.name()).isEqualTo("mona");
                    assertThat(u.commitEmail()).isEqualTo("mona@example.com");
                });
        assertThat(HostProfiles.hostUser(gitlab, Map.of("id", 7, "username", "jo", "name", "Jo", "public_email", "")))
                .satisfies(u -> assertThat(u.commitEmail()).isEqualTo("7-jo@users.noreply.gitlab.example.com"));
        assertThat(HostProfiles.hostUser(gitlab, Map.of("id", 7, "username", "jo", "commit_email", "c@example.com",
                "email", "e@example.com"))).satisfies(u -> assertThat(u.commitEmail()).isEqualTo("c@example.com"));
    }
}
