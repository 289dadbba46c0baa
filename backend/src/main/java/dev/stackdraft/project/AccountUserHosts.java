package dev.stackdraft.project;

import dev.stackdraft.account.AccountService;
import dev.stackdraft.account.LinkedAccount;
import dev.stackdraft.config.HostConnector;
import dev.stackdraft.config.StackdraftSettings;
import dev.stackdraft.hosting.HostKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A user's hosts from their linked accounts: the local provider for a local account (while
 * {@code stackdraft.local.enabled}), GitHub / GitLab with the account's token. An account without a token is left
 * out until the user signs in with it again. One account per host (kind and API base): the one linked first.
 */
@Component
class AccountUserHosts implements UserHosts {

    private final AccountService accounts;
    private final HostConnector connector;
    private final boolean localEnabled;

    AccountUserHosts(AccountService accounts, HostConnector connector, StackdraftSettings settings) {
        this.accounts = accounts;
        this.connector = connector;
        this.localEnabled = settings.local().enabled();
    }

    @Override
    public List<ConnectedHost> hostsOf(long userId) {
        List<ConnectedHost> hosts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (LinkedAccount account : accounts.linkedAccounts(userId)) {
            connect(account)
                    .filter(host -> seen.add(host.kind() + " " + host.apiBase()))
                    .ifPresent(hosts::add);
        }
        return List.copyOf(hosts);
    }

    private Optional<ConnectedHost> connect(LinkedAccount account) {
        if (account.host() == HostKind.LOCAL) {
            return localEnabled ? Optional.of(new ConnectedHost(HostKind.LOCAL, account.apiBase(),
                    connector.connect(HostKind.LOCAL, account.apiBase(), ""))) : Optional.empty();
        }
        return accounts.token(account.id()).map(token -> new ConnectedHost(account.host(), account.apiBase(),
                connector.connect(account.host(), account.apiBase(), token)));
    }
}
