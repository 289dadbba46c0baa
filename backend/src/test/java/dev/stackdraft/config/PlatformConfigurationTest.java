package dev.stackdraft.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.account.LinkedAccount;
import dev.stackdraft.hosting.GitHost;
import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.HostRepository;
import dev.stackdraft.hosting.LocalGitHost;
import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PlatformConfigurationTest extends PlatformTest {

    @Autowired
    StackdraftSettings settings;
    @Autowired
    LocalGitHost localGitHost;
    @Autowired
    HostConnector connector;
    @Autowired
    Clock injectedClock;

    @Test
    void the_local_provider_lives_in_the_data_folder_and_starts_with_the_samples() {
        assertThat(settings.dataDir()).isEqualTo(DATA_DIR);
        assertThat(localGitHost.root()).isEqualTo(DATA_DIR.resolve("git").toAbsolutePath());
        assertThat(localGitHost.repositories()).extracting(HostRepository::fullName).containsExactly(
                "stackdraft-samples/docs-only", "stackdraft-samples/notes-serverless", "stackdraft-samples/orders-service");
    }

    @Test
    void the_connector_gives_the_local_provider_and_rest_clients_for_github_and_gitlab() {
        assertThat(connector.connect(HostKind.LOCAL, LinkedAccount.LOCAL_API_BASE, "")).isSameAs(localGitHost);

        GitHost github = connector.connect(HostKind.GITHUB, URI.create("https://github.example.com/api/v3"), "t0ken");
        GitHost gitlab = connector.connect(HostKind.GITLAB, URI.create("https://gitlab.example.com/api/v4"), "t0ken");

        assertThat(github.kind()).isEqualTo(HostKind.GITHUB);
        assertThat(gitlab.kind()).isEqualTo(HostKind.GITLAB);
        assertThat(github.gitCredentials().password()).isEqualTo("t0ken");
    }

    @Test
    void services_get_the_one_clock() {
        assertThat(injectedClock).isSameAs(clock);
    }
}
