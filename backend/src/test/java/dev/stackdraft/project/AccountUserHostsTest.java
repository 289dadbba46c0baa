package dev.stackdraft.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.account.AccountService;
import dev.stackdraft.account.LinkedAccount;
import dev.stackdraft.account.StackdraftUser;
import dev.stackdraft.account.TokenCipher;
import dev.stackdraft.config.HostConnector;
import dev.stackdraft.config.PlatformTest;
import dev.stackdraft.config.StackdraftSettings;
import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.HostUser;
import dev.stackdraft.hosting.LocalGitHost;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

class AccountUserHostsTest extends PlatformTest {

    private static final URI GHE = URI.create("https://github.example.com/api/v3");

    @Autowired
    HostConnector connector;
    @Autowired
    StackdraftSettings settings;
    @Autowired
    LocalGitHost localGitHost;

    @Test
    void a_local_user_reaches_the_local_provider_as_themselves() {
        AccountService accounts = accounts();
        String username = "local-" + UUID.randomUUID();
        StackdraftUser user = accounts.createLocalUser(username, "Lou", "secret-password");

        assertThat(new AccountUserHosts(accounts, connector, settings).hostsOf(user.id())).singleElement().satisfies(h -> {
            assertThat(h.kind()).isEqualTo(HostKind.LOCAL);
            assertThat(h.apiBase()).isEqualTo(LinkedAccount.LOCAL_API_BASE);
            assertThat(h.host()).isInstanceOfSatisfying(LocalGitHost.class,
                    local -> assertThat(local.root()).isEqualTo(localGitHost.root()));
            assertThat(h.host().currentUser()).as("whom the user's commits are by")
                    .isEqualTo(new HostUser(username, username, "Lou", username + "@stackdraft.local"));
        });
    }

    @Test
    void the_local_provider_can_be_switched_off() {
        AccountService accounts = accounts();
        StackdraftUser user = accounts.createLocalUser("local-" + UUID.randomUUID(), "Lou", "secret-password");
        StackdraftSettings off = new Binder(new MapConfigurationPropertySource(java.util.Map.of(
                "stackdraft.local.enabled", "false"))).bindOrCreate("stackdraft", StackdraftSettings.class);

        assertThat(new AccountUserHosts(accounts, connector, off).hostsOf(user.id())).isEmpty();
    }

    @Test
    void a_linked_host_account_is_reached_with_its_token_one_account_per_host() {
        AccountService accounts = accounts();
        String login = "gh-" + UUID.randomUUID();
        StackdraftUser user = accounts.signInWithHost(HostKind.GITHUB, GHE, hostUser(login), "first-token");
        accounts.linkHost(user.id(), HostKind.GITHUB, GHE, hostUser(login + "-second"), "second-token");
        accounts.linkHost(user.id(), HostKind.GITLAB, URI.create("https://gitlab.example.com/api/v4"),
                hostUser(login), "gitlab-token");

        var hosts = new AccountUserHosts(accounts, connector, settings).hostsOf(user.id());

        assertThat(hosts).extracting(ConnectedHost::kind).containsExactly(HostKind.GITHUB, HostKind.GITLAB);
        assertThat(hosts.getFirst().apiBase()).isEqualTo(GHE);
        assertThat(hosts.getFirst().host().gitCredentials().password()).isEqualTo("first-token");
        assertThat(hosts.get(1).host().gitCredentials().password()).isEqualTo("gitlab-token");
    }

    private AccountService accounts() {
        return new AccountService(jdbc, TokenCipher.withKey(new byte[32]),
                PasswordEncoderFactories.createDelegatingPasswordEncoder(), clock);
    }

    private static HostUser hostUser(String login) {
        return new HostUser(login + "-id", login, login, login + "@example.com");
    }

}
