package dev.stackdraft.security;

import dev.stackdraft.account.AccountService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The password sign-in's users: the account store's local users (the embedded default's administrator). Not a bean:
 * {@link ThrottledPasswordSignIn} is the one authentication provider and checks passwords through it.
 */
class LocalUsers implements UserDetailsService {

    private final AccountService accounts;

    LocalUsers(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.localUser(username)
                .map(local -> new SignedInUser(local.user(), local.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("no local user of that name"));
    }
}
