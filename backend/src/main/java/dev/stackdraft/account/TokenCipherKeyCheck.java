package dev.stackdraft.account;

import dev.stackdraft.config.StartupProblem;
import dev.stackdraft.hosting.HostKind;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes sure the encryption key in use is the one the database's sealed values were sealed with, at every start,
 * before anything is decrypted or sealed: all instances on one database and every restart must use the same key,
 * or tokens written by one become unreadable to the others. The database keeps a known value sealed with the key
 * (table {@code key_check}, one row); a key it does not open stops the start with a {@link StartupProblem}.
 *
 * <p>A missing key file is generated only for a database that holds nothing sealed yet: generating one beside
 * sealed data would silently make every stored token unreadable. A database from before the check gets its row
 * on the first start that opens one of its stored tokens with the key in use (or that finds nothing sealed).
 */
final class TokenCipherKeyCheck {

    private static final Logger log = LoggerFactory.getLogger(TokenCipherKeyCheck.class);
    private static final String KNOWN_VALUE = "stackdraft key check";
    private static final String CONTEXT = "key_check";
    private static final String SHARE = "all instances on one database must share it";

    private final JdbcClient jdbc;
    private final Clock clock;

    TokenCipherKeyCheck(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The cipher to use: the configured key, else the data folder's key file (generated when the database holds
     * nothing sealed), checked against the database.
     *
     * @throws StartupProblem when the key is malformed, missing beside sealed data, or not the database's key
     */
    TokenCipher cipherFor(@Nullable String configuredKey, Path dataDir) {
        String source = source(configuredKey, dataDir);
        Optional<TokenCipher> existing = requireWellFormed(configuredKey, dataDir);
        Optional<String> check = storedCheck();
        if (existing.isEmpty()) {
            if (check.isPresent() || sealedValues() > 0) {
                throw new StartupProblem("The encryption key file " + source + " is missing, but this database holds "
                        + "tokens sealed with a key; a new key would make them all unreadable, so none was generated.",
                        "Put the secret.key used before back into the data folder (from the backup), or set "
                                + "STACKDRAFT_ENCRYPTION_KEY to that key; " + SHARE + ".");
            }
            TokenCipher generated = TokenCipher.fromSettings(configuredKey, dataDir);
            return checked(generated, source);
        }
        TokenCipher cipher = existing.get();
        if (check.isPresent()) {
            if (!opens(cipher, check.get())) {
                throw mismatch(source);
            }
            return cipher;
        }
        return beforeTheCheck(cipher, source);
    }

    /**
     * The configured key, else the key file's, when there is one; what the settings say.
     *
     * @throws StartupProblem when the key is set but is not base64 of 32 bytes, or the key file cannot be read
     */
    static Optional<TokenCipher> requireWellFormed(@Nullable String configuredKey, Path dataDir) {
        try {
            return TokenCipher.existing(configuredKey, dataDir);
        } catch (TokenCipherException e) {
            throw new StartupProblem(e.getMessage() + ".", "Set " + (TokenCipher.isSet(configuredKey)
                    ? "STACKDRAFT_ENCRYPTION_KEY" : "the content of " + source(configuredKey, dataDir))
                    + " to the key used before: base64 of 32 bytes (a new one: `openssl rand -base64 32`, only for a "
                    + "database without stored tokens); " + SHARE + ".");
        }
    }

    private static String source(@Nullable String configuredKey, Path dataDir) {
        return TokenCipher.isSet(configuredKey) ? "STACKDRAFT_ENCRYPTION_KEY (stackdraft.encryption-key)"
                : dataDir.resolve(TokenCipher.KEY_FILE).toAbsolutePath().normalize().toString();
    }

    /** A database from before the check: trust the key once it opens a stored token, or when nothing is sealed. */
    private TokenCipher beforeTheCheck(TokenCipher cipher, String source) {
        Optional<Boolean> opensAToken = jdbc.sql("select host, api_base, host_user_id, token_ciphertext "
                        + "from linked_account where token_ciphertext is not null order by id fetch first 1 rows only")
                .query((rs, row) -> opens(cipher, rs.getString("token_ciphertext"), AccountService.context(
                        HostKind.valueOf(rs.getString("host")), URI.create(rs.getString("api_base")),
                        rs.getString("host_user_id"))))
                .optional();
        if (opensAToken.isPresent()) {
            if (!opensAToken.get()) {
                throw mismatch(source);
            }
            return checked(cipher, source);
        }
        if (sealedValues() == 0) {
            return checked(cipher, source);
        }
        // only other sealed values (AWS external ids), whose context this package does not know: nothing to tell by
        log.info("The encryption key cannot be checked yet: this database holds no host token; it will be at the "
                + "first start after one is stored");
        return cipher;
    }

    /** Stores the check sealed with {@code cipher}; another instance may have stored one at the same moment. */
    private TokenCipher checked(TokenCipher cipher, String source) {
        try {
            jdbc.sql("insert into key_check (id, sealed, created_at) values (1, ?, ?)")
                    .params(cipher.encrypt(KNOWN_VALUE, CONTEXT), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .update();
            return cipher;
        } catch (DuplicateKeyException raced) {
            if (storedCheck().map(sealed -> opens(cipher, sealed)).orElse(false)) {
                return cipher;
            }
            throw mismatch(source);
        }
    }

    private Optional<String> storedCheck() {
        return jdbc.sql("select sealed from key_check where id = 1").query(String.class).optional();
    }

    private long sealedValues() {
        return jdbc.sql("select (select count(*) from linked_account where token_ciphertext is not null) "
                + "+ (select count(*) from aws_account where external_id_ciphertext is not null)").query(Long.class).single();
    }

    private static boolean opens(TokenCipher cipher, String sealed) {
        try {
            return KNOWN_VALUE.equals(cipher.decrypt(sealed, CONTEXT));
        } catch (TokenCipherException e) {
            return false;
        }
    }

    private static boolean opens(TokenCipher cipher, String sealed, String context) {
        try {
            cipher.decrypt(sealed, context);
            return true;
        } catch (TokenCipherException e) {
            return false;
        }
    }

    private static StartupProblem mismatch(String source) {
        return new StartupProblem("The encryption key in use (" + source + ") is not the one this database's tokens "
                + "were sealed with.", "Set STACKDRAFT_ENCRYPTION_KEY (or <data-dir>/secret.key) to the key used "
                + "before; " + SHARE + ".");
    }
}
