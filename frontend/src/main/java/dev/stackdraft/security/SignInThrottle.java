package dev.stackdraft.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed password sign-ins per account, per client address and per trusted device, in the database so that
 * all instances behind a load balancer count together. An attempt is counted as a failure <em>before</em> its
 * password is checked, under a row lock, and taken back when it succeeds: a burst of parallel guesses cannot slip
 * past the limit while the first ones are still being checked. Transactions are short (no password check inside).
 */
final class SignInThrottle {

    /** Which counts an attempt used, what they held before it, and which locks it set (to take back on success). */
    record Attempt(List<Key> keys, Instant at, int earlierFailures, Map<String, Instant> previousFailure,
                   Map<Key, Instant> lockedByThis) {}

    /** One count: its row's key, its limit and what a lock on it says. */
    record Key(String id, int limit, SignInRefused.Scope scope) {}

    private record Row(int failures, int locks, Instant lastFailure, @Nullable Instant lockedUntil) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SignInSettings settings;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, TransactionTemplate transactions, SignInSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    Key account(String username) {
        return new Key("account:" + hash(normal(username)), settings.maxFailuresPerAccount(),
                SignInRefused.Scope.ACCOUNT);
    }

    Key address(String address) {
        return new Key("address:" + hash(address), settings.maxFailuresPerAddress(), SignInRefused.Scope.ADDRESS);
    }

    /** The count of the device whose cookie value hashes to {@code deviceHash} (see {@link TrustedDevices}). */
    Key device(String deviceHash) {
        return new Key("device:" + deviceHash, settings.maxFailuresPerAccount(), SignInRefused.Scope.DEVICE);
    }

    /**
     * Starts an attempt at {@code username} from {@code address}, from a browser with a trusted device id for that
     * account or none. A trusted device is held back only by its own count (so nobody else's failures can lock its
     * owner out); a device that failed too often is trusted no longer and counts as any browser.
     *
     * @throws SignInRefused when a count is locked: the password must not even be checked
     */
    Attempt begin(String username, String address, @Nullable String deviceId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        forgetOld(now);
        List<Key> browser = List.of(account(username), address(address));
        List<Key> all = new ArrayList<>(browser);
        Key device = deviceId == null ? null : device(deviceId);
        if (device != null) {
            all.add(device);
        }
        for (int tries = 0; ; tries++) {
            all.forEach(key -> ensureRow(key, now));
            Attempt attempt = transactions.execute(status -> {
                Map<String, Row> rows = lockRows(all);
                if (rows.size() < all.size()) {
                    return null; // removed by a clean-up in between: create it again
                }
                boolean trusted = device != null && !isLocked(fresh(rows.get(device.id()), now), now);
                return count(trusted ? List.of(device) : browser, rows, now);
            });
            if (attempt != null) {
                return attempt;
            }
            if (tries >= 3) {
                throw new IllegalStateException("the sign-in counts kept disappearing");
            }
        }
    }

    /** The attempt's password was right: the account's (or device's) count starts over, the address's is taken back. */
    void succeeded(Attempt attempt) {
        transactions.executeWithoutResult(status -> {
            Map<String, Row> rows = lockRows(attempt.keys());
            for (Key key : attempt.keys()) {
                Row row = rows.get(key.id());
                if (row == null) {
                    continue;
                }
                if (key.scope() != SignInRefused.Scope.ADDRESS) {
                    jdbc.sql("delete from sign_in_throttle where throttle_key = ?").param(key.id()).update();
                    continue;
                }
                boolean lockedByThis = attempt.lockedByThis().containsKey(key);
                int failures = lockedByThis ? key.limit() - 1 : Math.max(0, row.failures() - 1);
                int locks = lockedByThis ? Math.max(0, row.locks() - 1) : row.locks();
                Instant lockedUntil = lockedByThis ? null : row.lockedUntil();
                // the last failure goes back to what it was, unless another attempt came since
                Instant lastFailure = row.lastFailure().equals(attempt.at())
                        ? attempt.previousFailure().getOrDefault(key.id(), row.lastFailure()) : row.lastFailure();
                update(key, new Row(failures, locks, lastFailure, lockedUntil));
            }
        });
    }

    /**
     * The attempt's password was wrong (it is counted already): how long to hold the answer back, and the lock it
     * set when it was the one that reached a limit.
     */
    Failure failed(Attempt attempt) {
        Optional<SignInRefused> lock = attempt.lockedByThis().entrySet().stream()
                .map(locked -> new SignInRefused(locked.getKey().scope(), locked.getValue()))
                .max(Comparator.comparing(SignInRefused::until));
        return new Failure(settings.delayAfter(attempt.earlierFailures()), lock);
    }

    record Failure(Duration delay, Optional<SignInRefused> lock) {}

    private Attempt count(List<Key> keys, Map<String, Row> rows, Instant now) {
        Instant refusedUntil = null;
        SignInRefused.Scope refusedFor = null;
        for (Key key : keys) {
            Row row = fresh(rows.get(key.id()), now);
            if (isLocked(row, now) && (refusedUntil == null || row.lockedUntil().isAfter(refusedUntil))) {
                refusedUntil = row.lockedUntil();
                refusedFor = key.scope();
            }
        }
        if (refusedUntil != null) {
            throw new SignInRefused(refusedFor, refusedUntil);
        }
        int earlier = 0;
        Map<String, Instant> previous = new LinkedHashMap<>();
        Map<Key, Instant> locked = new LinkedHashMap<>();
        for (Key key : keys) {
            Row row = fresh(rows.get(key.id()), now);
            earlier = Math.max(earlier, row.failures());
            previous.put(key.id(), rows.get(key.id()).lastFailure());
            int failures = row.failures() + 1;
            if (failures >= key.limit()) {
                int locks = row.locks() + 1;
                Instant until = now.plus(settings.lockFor(locks));
                update(key, new Row(0, locks, now, until));
                locked.put(key, until);
            } else {
                update(key, new Row(failures, row.locks(), now, null));
            }
        }
        return new Attempt(keys, now, earlier, previous, locked);
    }

    /** A row as it counts now: forgotten when its last failure is older than the setting says. */
    private Row fresh(Row row, Instant now) {
        boolean forgotten = row.lastFailure().plus(settings.forgetAfter()).isBefore(now) && !isLocked(row, now);
        return forgotten ? new Row(0, 0, row.lastFailure(), null) : row;
    }

    private static boolean isLocked(Row row, Instant now) {
        return row.lockedUntil() != null && row.lockedUntil().isAfter(now);
    }

    private void forgetOld(Instant now) {
        OffsetDateTime at = utc(now);
        jdbc.sql("delete from sign_in_throttle where last_failure < ? and (locked_until is null or locked_until < ?)")
                .params(utc(now.minus(settings.forgetAfter())), at).update();
    }

    private void ensureRow(Key key, Instant now) {
        try {
            jdbc.sql("insert into sign_in_throttle (throttle_key, failures, locks, last_failure, locked_until) "
                            + "select ?, 0, 0, ?, null where not exists "
                            + "(select 1 from sign_in_throttle where throttle_key = ?)")
                    .params(key.id(), utc(now), key.id()).update();
        } catch (DuplicateKeyException e) {
            // another attempt created it at the same moment: as good
        }
    }

    private Map<String, Row> lockRows(List<Key> keys) {
        Map<String, Row> rows = new LinkedHashMap<>();
        // one at a time in key order, so that two attempts never wait for each other's rows crosswise
        keys.stream().map(Key::id).sorted().distinct().forEach(id -> jdbc.sql(
                        "select failures, locks, last_failure, locked_until from sign_in_throttle "
                                + "where throttle_key = ? for update")
                .param(id)
                .query((rs, n) -> new Row(rs.getInt("failures"), rs.getInt("locks"),
                        rs.getObject("last_failure", OffsetDateTime.class).toInstant(),
                        instant(rs.getObject("locked_until", OffsetDateTime.class))))
                .optional().ifPresent(row -> rows.put(id, row)));
        return rows;
    }

    private void update(Key key, Row row) {
        jdbc.sql("update sign_in_throttle set failures = ?, locks = ?, last_failure = ?, locked_until = ? "
                        + "where throttle_key = ?")
                .params(row.failures(), row.locks(), utc(row.lastFailure()),
                        row.lockedUntil() == null ? null : utc(row.lockedUntil()), key.id())
                .update();
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A username as it is counted: case and surrounding blanks do not make another account. */
    static String normal(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    /** The row key's hash: names and addresses are not kept in clear (a password typed as a username, say). */
    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
