package dev.stackdraft.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommitEmailsTest {

    @Test
    void a_public_email_is_the_commit_email() {
        assertThat(CommitEmails.of(HostKind.GITHUB, "1", "mona", "github.com", Map.of("email", "mona@example.com")::get))
                .isEqualTo("mona@example.com");
    }

    @Test
    void gitlab_prefers_the_commit_email_then_the_public_one_then_the_email() {
        assertThat(CommitEmails.of(HostKind.GITLAB, "7", "jo", "gitlab.com",
                Map.of("commit_email", "c@example.com", "public_email", "p@example.com", "email", "e@example.com")::get))
                .isEqualTo("c@example.com");
        assertThat(CommitEmails.of(HostKind.GITLAB, "7", "jo", "gitlab.com",
                Map.of("public_email", "p@example.com", "email", "e@example.com")::get)).isEqualTo("p@example.com");
        assertThat(CommitEmails.of(HostKind.GITLAB, "7", "jo", "gitlab.com", Map.of("email", "e@example.com")::get))
                .isEqualTo("e@example.com");
    }

    @Test
    void a_private_email_means_the_noreply_address_of_the_host() {
        assertThat(CommitEmails.of(HostKind.GITHUB, "583231", "octocat", "github.com", Map.<String, String>of()::get))
                .isEqualTo("583231+octocat@users.noreply.github.com");
        assertThat(CommitEmails.of(HostKind.GITLAB, "7", "jo", "gitlab.example.com", Map.<String, String>of()::get))
                .isEqualTo("7-jo@users.noreply.gitlab.example.com");
        assertThatThrownBy(() -> CommitEmails.noreply(HostKind.LOCAL, "1", "admin", "localhost"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_noreply_host_is_github_com_or_the_servers_own() {
        assertThat(CommitEmails.noreplyHost(HostKind.GITHUB, URI.create("https://api.github.com"))).isEqualTo("github.com");
        assertThat(CommitEmails.noreplyHost(HostKind.GITHUB, URI.create("https://github.example.com/api/v3/")))
                .isEqualTo("github.example.com");
        assertThat(CommitEmails.noreplyHost(HostKind.GITLAB, URI.create("https://gitlab.example.com/api/v4")))
                .isEqualTo("gitlab.example.com");
    }
}
