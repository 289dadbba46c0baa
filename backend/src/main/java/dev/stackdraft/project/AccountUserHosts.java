package dev.stackdraft.project;

import dev.stackdraft.account.AccountService;
import dev.stackdraft.account.LinkedAccount;
import dev.stackdraft.config.HostConnector;
import dev.stackdraft.config.StackdraftSettings;
import dev.stackdraft.hosting.GitHost;
import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.HostUser;
import dev.stackdraft.hosting.LocalGitHost;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A user's hosts from their linked accounts: the local provider for a local account (while
 * {@code stackdraft.local.enabled}; the account is its current user, whom commits are by), GitHub / GitLab with
 * the account's token. An account without a token is left out until the user signs in with it again. One account
 * per host (kind and API base): the one linked first.
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
                    asAccount(connector.connect(HostKind.LOCAL, account.apiBase(), ""), account))) : Optional.empty();
        }
        return accounts.token(account.id()).map(token -> new ConnectedHost(account.host(), account.apiBase(),
                connector.connect(account.host(), account.apiBase(), token)));
    }

    /** The local provider as the account's user: their commits are by them, not by the provider's stand-in. */
    private static GitHost asAccount(GitHost local, LinkedAccount account) {
        if (!(local instanceof LocalGitHost host)) {
            return local;
        }
        HostUser standIn = host.currentUser();
        return host.as(new HostUser(account.hostUserId(), account.login(),
                Objects.requireNonNullElse(account.name(), account.login()),
                Objects.requireNonNullElse(account.commitEmail(), standIn.commitEmail())));
    }
}
