package dev.stackdraft.account;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts host access tokens at rest: AES-256-GCM, a fresh random 12-byte nonce per token, and a context
 * (which account the token belongs to) as associated data, so that a ciphertext copied onto another account
 * does not decrypt. The stored form is {@code v1:} followed by base64 of nonce, ciphertext and tag.
 *
 * <p>The key comes from the setting {@code stackdraft.encryption-key} (base64 of 32 bytes, e.g. {@code openssl
 * rand -base64 32}) or, when that is not set, from {@code <data-dir>/secret.key}, which is generated on first
 * start with owner-only permissions ({@code rw-------}) and reused afterwards. Neither the key nor a token is
 * ever logged or put into an exception message.
 */
public final class TokenCipher {

    /** The key file's name in the data folder. */
    public static final String KEY_FILE = "secret.key";

    static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private static final Logger log = LoggerFactory.getLogger(TokenCipher.class);
    private static final String VERSION = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private TokenCipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new TokenCipherException("The token encryption key must be " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** A cipher with this raw 32-byte key. */
    public static TokenCipher withKey(byte[] key) {
        return new TokenCipher(key.clone());
    }

    /**
     * The cipher the settings ask for: the configured key when {@code configuredKey} is set (base64 of 32 bytes),
     * else the key in {@code dataDir/secret.key}, created with owner-only permissions when it does not exist yet.
     */
    public static TokenCipher fromSettings(@Nullable String configuredKey, Path dataDir) {
        return existing(configuredKey, dataDir).orElseGet(() -> new TokenCipher(keyFile(dataDir.resolve(KEY_FILE))));
    }

    /**
     * The cipher of the key the settings point at, without making one: the configured key when {@code configuredKey}
     * is set, else the key in {@code dataDir/secret.key}; empty when neither is there.
     *
     * @throws TokenCipherException when the key is there but malformed (not base64 of 32 bytes), or unreadable
     */
    public static Optional<TokenCipher> existing(@Nullable String configuredKey, Path dataDir) {
        if (isSet(configuredKey)) {
            return Optional.of(new TokenCipher(decodeKey(configuredKey, "the setting stackdraft.encryption-key")));
        }
        Path file = dataDir.resolve(KEY_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TokenCipher(readKeyFile(file)));
        } catch (IOException e) {
            throw new TokenCipherException("The token encryption key file " + file + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /** Whether {@code configuredKey} is a setting at all: blank means "use the data folder's key file". */
    public static boolean isSet(@Nullable String configuredKey) {
        return configuredKey != null && !configuredKey.isBlank();
    }

    /** A fresh random key, base64: what {@code stackdraft.encryption-key} takes. */
    public static String newKey() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Encrypts {@code token}, bound to {@code context} (the same context must be given to decrypt). */
    public String encrypt(String token, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return VERSION + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new TokenCipherException("A token could not be encrypted: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * The token that {@link #encrypt} sealed with this key and {@code context}.
     *
     * @throws TokenCipherException when the key or the context differ, or the stored text was altered
     */
    public String decrypt(String stored, String context) {
        if (!stored.startsWith(VERSION)) {
            throw new TokenCipherException("A stored token is not in a format this version of Stackdraft knows");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new TokenCipherException("A stored token is damaged (not base64)");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new TokenCipherException("A stored token is damaged (too short)");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] token = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(token, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new TokenCipherException("A stored token cannot be decrypted: the encryption key is not the one it "
                    + "was encrypted with (was stackdraft.encryption-key or " + KEY_FILE + " changed?), or it was altered");
        } catch (GeneralSecurityException e) {
            throw new TokenCipherException("A stored token could not be decrypted: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public String toString() {
        return "TokenCipher[AES-256-GCM, key ****]";
    }

    private static byte[] keyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return readKeyFile(file);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            String encoded = newKey();
            try {
                createOwnerOnly(file);
            } catch (FileAlreadyExistsException raced) {
                return readKeyFile(file); // another process started at the same moment and wrote it first
            }
            Files.writeString(file, encoded + "\n", StandardCharsets.US_ASCII);
            log.info("Generated the token encryption key in {} (owner-only). Keep it with the database backups: "
                    + "stored tokens cannot be read without it.", file.toAbsolutePath());
            return decodeKey(encoded, file.toString());
        } catch (IOException e) {
            throw new TokenCipherException("The token encryption key file " + file + " cannot be read or written: "
                    + e.getMessage(), e);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        if (isPosix(file.toAbsolutePath().getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.setPosixFilePermissions(file, OWNER_ONLY); // the attribute is subject to the umask; be exact
        } else {
            Files.createFile(file);
            var f = file.toFile();
            boolean ok = f.setReadable(false, false) & f.setReadable(true, true)
                    & f.setWritable(false, false) & f.setWritable(true, true);
            if (!ok) {
                log.warn("Could not restrict the permissions of {} to its owner", file);
            }
        }
    }

    private static byte[] readKeyFile(Path file) throws IOException {
        if (isPosix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            log.warn("{} was readable by others than its owner ({}); restricting it to rw-------", file,
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        return decodeKey(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    }

    private static boolean isPosix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }

    private static byte[] decodeKey(String encoded, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new TokenCipherException("The token encryption key in " + source + " is not base64; "
                    + "make one with `openssl rand -base64 32`");
        }
        if (key.length != KEY_BYTES) {
            Arrays.fill(key, (byte) 0);
            throw new TokenCipherException("The token encryption key in " + source + " must be " + KEY_BYTES
                    + " bytes (base64), not " + key.length + "; make one with `openssl rand -base64 32`");
        }
        return key;
    }
}
