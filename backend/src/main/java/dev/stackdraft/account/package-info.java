/**
 * Accounts: Stackdraft's users, the git host accounts they linked (GitHub, GitLab, the local provider), their
 * access tokens encrypted at rest ({@link dev.stackdraft.account.TokenCipher}, AES-GCM) and the local
 * administrator of the embedded default. The public API is {@link dev.stackdraft.account.AccountService};
 * tokens leave it only through {@link dev.stackdraft.account.AccountService#token(long)}, for calls to hosts,
 * and are never logged.
 */
@NullMarked
package dev.stackdraft.account;

import org.jspecify.annotations.NullMarked;
