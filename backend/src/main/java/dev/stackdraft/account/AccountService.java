package dev.stackdraft.account;

import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.HostUser;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stackdraft's users and their linked git host accounts. A host sign-in finds the user through the linked
 * account (host, API base, the host's user id) or creates both; a signed-in user may link further accounts
 * (a GitHub and a GitLab one, say). Tokens are stored only encrypted ({@link TokenCipher}) and come back out
 * only through {@link #token(long)}.
 */
@Transactional
public class AccountService {

    /** What local users' commits are authored with, before a host account gives a real address. */
    static final String LOCAL_EMAIL_DOMAIN = "stackdraft.local";

    private static final String ACCOUNT_COLUMNS =
            "id, user_id, host, api_base, host_user_id, login, name, commit_email, token_ciphertext, updated_at";

    private final JdbcClient jdbc;
    private final TokenCipher cipher;
    private final PasswordEncoder passwords;
    private final Clock clock;

    public AccountService(JdbcClient jdbc, TokenCipher cipher, PasswordEncoder passwords, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc);
        this.cipher = Objects.requireNonNull(cipher);
        this.passwords = Objects.requireNonNull(passwords);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The user who may sign in with {@code username} and a password, if there is one. */
    @Transactional(readOnly = true)
    public Optional<LocalUser> localUser(String username) {
        return jdbc.sql("select id, username, display_name, password_hash from app_user "
                        + "where username = ? and password_hash is not null")
                .param(username)
                .query((rs, row) -> new LocalUser(user(rs), rs.getString("password_hash")))
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<StackdraftUser> user(long userId) {
        return jdbc.sql("select id, username, display_name from app_user where id = ?")
                .param(userId)
                .query((rs, row) -> user(rs))
                .optional();
    }

    /**
     * Signs in with a host account: the user who linked it, with its profile and token refreshed, or a new user
     * linked to it. The username is the host login, or {@code login@host} when that is taken.
     */
    public StackdraftUser signInWithHost(HostKind kind, URI apiBase, HostUser hostUser, String accessToken) {
        Optional<LinkedAccount> existing = findAccount(kind, apiBase, hostUser.id());
        if (existing.isPresent()) {
            updateAccount(existing.get().id(), kind, apiBase, hostUser, accessToken);
            return user(existing.get().userId()).orElseThrow();
        }
        String displayName = hostUser.name().isBlank() ? hostUser.login() : hostUser.name();
        long userId = insertUser(freeUsername(hostUser.login(), apiBase), displayName, null);
        insertAccount(userId, kind, apiBase, hostUser, accessToken);
        return user(userId).orElseThrow();
    }

    /**
     * Links a host account to a signed-in user, or refreshes the link (profile and token) when it is theirs
     * already.
     *
     * @throws AccountException when another user linked that account
     */
    public LinkedAccount linkHost(long userId, HostKind kind, URI apiBase, HostUser hostUser, String accessToken) {
        if (user(userId).isEmpty()) {
            throw new AccountException("There is no user " + userId);
        }
        Optional<LinkedAccount> existing = findAccount(kind, apiBase, hostUser.id());
        if (existing.isPresent()) {
            if (existing.get().userId() != userId) {
                throw new AccountException("This " + hostName(kind) + " account (" + hostUser.login()
                        + ") is already linked to another Stackdraft user.");
            }
            updateAccount(existing.get().id(), kind, apiBase, hostUser, accessToken);
            return account(existing.get().id()).orElseThrow();
        }
        return account(insertAccount(userId, kind, apiBase, hostUser, accessToken)).orElseThrow();
    }

    /** The accounts {@code userId} linked, oldest first; no tokens inside. */
    @Transactional(readOnly = true)
    public List<LinkedAccount> linkedAccounts(long userId) {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from linked_account where user_id = ? order by id")
                .param(userId)
                .query((rs, row) -> account(rs))
                .list();
    }

    /** The decrypted access token of a linked account, for calling its host; empty when it has none. */
    @Transactional(readOnly = true)
    public Optional<String> token(long linkedAccountId) {
        return jdbc.sql("select host, api_base, host_user_id, token_ciphertext from linked_account where id = ?")
                .param(linkedAccountId)
                .query((rs, row) -> {
                    String stored = rs.getString("token_ciphertext");
                    return stored == null ? null : cipher.decrypt(stored, context(
                            HostKind.valueOf(rs.getString("host")), URI.create(rs.getString("api_base")),
                            rs.getString("host_user_id")));
                })
                .optional();
    }

    /**
     * Creates a user who signs in with a password (stored hashed), linked to the local provider.
     *
     * @throws AccountException when the username is taken
     */
    public StackdraftUser createLocalUser(String username, String displayName, String password) {
        if (jdbc.sql("select count(*) from app_user where username = ?").param(username).query(Long.class).single() > 0) {
            throw new AccountException("The username " + username + " is taken.");
        }
        long userId = insertUser(username, displayName, passwords.encode(password));
        HostUser local = new HostUser(username, username, displayName, username + "@" + LOCAL_EMAIL_DOMAIN);
        insertAccount(userId, HostKind.LOCAL, LinkedAccount.LOCAL_API_BASE, local, null);
        return user(userId).orElseThrow();
    }

    /** Sets a local user's password (stored hashed). */
    public void changePassword(long userId, String password) {
        jdbc.sql("update app_user set password_hash = ? where id = ?")
                .params(passwords.encode(password), userId)
                .update();
    }

    /** Whether {@code password} is {@code username}'s password. */
    @Transactional(readOnly = true)
    public boolean passwordMatches(String username, String password) {
        return localUser(username).map(u -> passwords.matches(password, u.passwordHash())).orElse(false);
    }

    /** The text a token is bound to: its account's unique key. */
    static String context(HostKind kind, URI apiBase, String hostUserId) {
        return kind + " " + apiBase + " " + hostUserId;
    }

    private Optional<LinkedAccount> findAccount(HostKind kind, URI apiBase, String hostUserId) {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from linked_account "
                        + "where host = ? and api_base = ? and host_user_id = ?")
                .params(kind.name(), apiBase.toString(), hostUserId)
                .query((rs, row) -> account(rs))
                .optional();
    }

    private Optional<LinkedAccount> account(long id) {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from linked_account where id = ?")
                .param(id)
                .query((rs, row) -> account(rs))
                .optional();
    }

    private long insertUser(String username, String displayName, @Nullable String passwordHash) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into app_user (username, display_name, password_hash, created_at) values (?, ?, ?, ?)")
                .params(username, displayName, passwordHash, now())
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    private long insertAccount(long userId, HostKind kind, URI apiBase, HostUser hostUser,
                               @Nullable String accessToken) {
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("insert into linked_account (user_id, host, api_base, host_user_id, login, name, commit_email, "
                            + "token_ciphertext, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(userId, kind.name(), apiBase.toString(), hostUser.id(), hostUser.login(), hostUser.name(),
                            hostUser.commitEmail(), encrypt(kind, apiBase, hostUser.id(), accessToken), now())
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new AccountException("This " + hostName(kind) + " account (" + hostUser.login()
                    + ") was linked at the same moment by another sign-in; please try again.");
        }
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    private void updateAccount(long accountId, HostKind kind, URI apiBase, HostUser hostUser, String accessToken) {
        jdbc.sql("update linked_account set login = ?, name = ?, commit_email = ?, token_ciphertext = ?, "
                        + "updated_at = ? where id = ?")
                .params(hostUser.login(), hostUser.name(), hostUser.commitEmail(),
                        encrypt(kind, apiBase, hostUser.id(), accessToken), now(), accountId)
                .update();
    }

    private @Nullable String encrypt(HostKind kind, URI apiBase, String hostUserId, @Nullable String token) {
        return token == null ? null : cipher.encrypt(token, context(kind, apiBase, hostUserId));
    }

    /** The login when free, else {@code login@host}, else {@code login@host-2}, {@code -3} ... */
    private String freeUsername(String login, URI apiBase) {
        String host = apiBase.getHost() == null ? "local" : apiBase.getHost().replaceFirst("^api\\.", "");
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? login : n == 2 ? login + "@" + host : login + "@" + host + "-" + (n - 1);
            boolean taken = jdbc.sql("select count(*) from app_user where lower(username) = ?")
                    .param(candidate.toLowerCase(Locale.ROOT))
                    .query(Long.class)
                    .single() > 0;
            if (!taken) {
                return candidate;
            }
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String hostName(HostKind kind) {
        return switch (kind) {
            case GITHUB -> "GitHub";
            case GITLAB -> "GitLab";
            case LOCAL -> "local";
        };
    }

    private static StackdraftUser user(ResultSet rs) throws SQLException {
        return new StackdraftUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"));
    }

    private static LinkedAccount account(ResultSet rs) throws SQLException {
        return new LinkedAccount(rs.getLong("id"), rs.getLong("user_id"), HostKind.valueOf(rs.getString("host")),
                URI.create(rs.getString("api_base")), rs.getString("host_user_id"), rs.getString("login"),
                rs.getString("name"), rs.getString("commit_email"), rs.getString("token_ciphertext") != null,
                instant(rs.getObject("updated_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime time) {
        return time.toInstant();
    }
}
