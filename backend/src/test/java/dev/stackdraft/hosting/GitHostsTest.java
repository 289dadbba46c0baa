package dev.stackdraft.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GitHostsTest {

    private static final String TOKEN = "gho_do-not-print-me";

    private final GitHosts hosts = new GitHosts(Politeness.standard().withMaxWait(Duration.ofSeconds(5)));

    @Test
    void connect_makes_the_rest_client_of_each_kind_at_the_given_base() {
        GitHost github = hosts.connect(HostKind.GITHUB, URI.create("https://ghe.example.com/api/v3"), TOKEN);
        GitHost gitlab = hosts.connect(HostKind.GITLAB, URI.create("https://gitlab.example.com/api/v4"), TOKEN);

        assertThat(github).isInstanceOf(GitHubHost.class).hasToString("GitHubHost[https://ghe.example.com/api/v3]");
        assertThat(gitlab).isInstanceOf(GitLabHost.class).hasToString("GitLabHost[https://gitlab.example.com/api/v4]");
        assertThat(github.kind()).isEqualTo(HostKind.GITHUB);
        assertThat(gitlab.kind()).isEqualTo(HostKind.GITLAB);
    }

    @Test
    void the_local_provider_is_not_made_here() {
        assertThatThrownBy(() -> hosts.connect(HostKind.LOCAL, URI.create("file:///data/git"), ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_public_services_have_default_api_bases() {
        assertThat(GitHosts.defaultApiBase(HostKind.GITHUB)).isEqualTo(URI.create("https://api.github.com"));
        assertThat(GitHosts.defaultApiBase(HostKind.GITLAB)).isEqualTo(URI.create("https://gitlab.com/api/v4"));
    }

    @Test
    void the_wait_bound_is_a_setting() {
        assertThat(hosts.politeness().maxWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(Politeness.standard().maxWait()).isEqualTo(Duration.ofSeconds(60));
        assertThatThrownBy(() -> Politeness.standard().withMaxWait(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
