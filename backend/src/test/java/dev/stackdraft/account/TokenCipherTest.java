package dev.stackdraft.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCipherTest {

    private static final String TOKEN = "gho_16C7e42F292c6912E7710c838347Ae178B4a";
    private static final String CONTEXT = "GITHUB https://api.github.com 583231";

    @TempDir
    Path dataDir;

    @Test
    void a_token_comes_back_as_it_went_in() {
        TokenCipher cipher = TokenCipher.fromSettings(TokenCipher.newKey(), dataDir);

        assertThat(cipher.decrypt(cipher.encrypt(TOKEN, CONTEXT), CONTEXT)).isEqualTo(TOKEN);
        assertThat(cipher.decrypt(cipher.encrypt("", CONTEXT), CONTEXT)).isEmpty();
        assertThat(cipher.decrypt(cipher.encrypt("tökén ✓", CONTEXT), CONTEXT)).isEqualTo("tökén ✓");
    }

    @Test
    void the_ciphertext_hides_the_token_and_differs_every_time() {
        TokenCipher cipher = TokenCipher.fromSettings(null, dataDir);

        String first = cipher.encrypt(TOKEN, CONTEXT);
        String second = cipher.encrypt(TOKEN, CONTEXT);

        assertThat(first).startsWith("v1:").doesNotContain(TOKEN).isNotEqualTo(second);
        byte[] raw = Base64.getDecoder().decode(first.substring(3));
        assertThat(raw).hasSize(12 + TOKEN.length() + 16); // nonce, ciphertext, tag
        assertThat(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN);
        byte[] nonce1 = java.util.Arrays.copyOf(raw, 12);
        byte[] nonce2 = java.util.Arrays.copyOf(Base64.getDecoder().decode(second.substring(3)), 12);
        assertThat(nonce1).isNotEqualTo(nonce2);
    }

    @Test
    void without_a_configured_key_one_is_generated_owner_only_and_reused() throws Exception {
        TokenCipher first = TokenCipher.fromSettings(null, dataDir);
        Path keyFile = dataDir.resolve("secret.key");

        assertThat(keyFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(keyFile).strip())).hasSize(32);
        String sealed = first.encrypt(TOKEN, CONTEXT);
        String keyBefore = Files.readString(keyFile);

        TokenCipher afterRestart = TokenCipher.fromSettings("", dataDir);

        assertThat(Files.readString(keyFile)).isEqualTo(keyBefore);
        assertThat(afterRestart.decrypt(sealed, CONTEXT)).isEqualTo(TOKEN);
    }

    @Test
    void a_key_file_others_could_read_is_restricted_to_its_owner() throws Exception {
        TokenCipher.fromSettings(null, dataDir);
        Path keyFile = dataDir.resolve("secret.key");
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

        TokenCipher.fromSettings(null, dataDir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    }

    @Test
    void the_data_folder_is_created_when_missing() {
        Path nested = dataDir.resolve("not/yet/there");

        TokenCipher.fromSettings(null, nested);

        assertThat(nested.resolve("secret.key")).exists();
    }

    @Test
    void a_configured_key_is_used_and_no_key_file_is_written() {
        String key = TokenCipher.newKey();
        String sealed = TokenCipher.fromSettings(key, dataDir).encrypt(TOKEN, CONTEXT);

        assertThat(dataDir.resolve("secret.key")).doesNotExist();
        assertThat(TokenCipher.fromSettings(key, dataDir.resolve("elsewhere")).decrypt(sealed, CONTEXT)).isEqualTo(TOKEN);
    }

    @Test
    void the_wrong_key_fails_cleanly_without_showing_anything_secret() {
        String key = TokenCipher.newKey();
        String sealed = TokenCipher.fromSettings(key, dataDir).encrypt(TOKEN, CONTEXT);
        String otherKey = TokenCipher.newKey();

        assertThatThrownBy(() -> TokenCipher.fromSettings(otherKey, dataDir).decrypt(sealed, CONTEXT))
                .isInstanceOf(TokenCipherException.class)
                .hasMessageContaining("encryption key is not the one it was encrypted with")
                .hasMessageNotContaining(TOKEN)
                .hasMessageNotContaining(key)
                .hasMessageNotContaining(otherKey);
    }

    @Test
    void a_token_moved_to_another_account_does_not_decrypt() {
        TokenCipher cipher = TokenCipher.fromSettings(null, dataDir);
        String sealed = cipher.encrypt(TOKEN, CONTEXT);

        assertThatThrownBy(() -> cipher.decrypt(sealed, "GITHUB https://api.github.com 999"))
                .isInstanceOf(TokenCipherException.class);
    }

    @Test
    void an_altered_or_damaged_ciphertext_is_refused() {
        TokenCipher cipher = TokenCipher.fromSettings(null, dataDir);
        String sealed = cipher.encrypt(TOKEN, CONTEXT);
        char last = sealed.charAt(sealed.length() - 3);
        String altered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 2);

        assertThatThrownBy(() -> cipher.decrypt(altered, CONTEXT)).isInstanceOf(TokenCipherException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1:%%%", CONTEXT)).isInstanceOf(TokenCipherException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1:AAAA", CONTEXT)).isInstanceOf(TokenCipherException.class);
        assertThatThrownBy(() -> cipher.decrypt(TOKEN, CONTEXT)).isInstanceOf(TokenCipherException.class);
    }

    @Test
    void a_malformed_configured_key_is_refused_with_the_setting_named() {
        assertThatThrownBy(() -> TokenCipher.fromSettings("not base64!", dataDir))
                .isInstanceOf(TokenCipherException.class)
                .hasMessageContaining("stackdraft.encryption-key");
        assertThatThrownBy(() -> TokenCipher.fromSettings(Base64.getEncoder().encodeToString(new byte[16]), dataDir))
                .isInstanceOf(TokenCipherException.class)
                .hasMessageContaining("must be 32 bytes");
    }

    @Test
    void the_cipher_never_prints_its_key() {
        TokenCipher cipher = TokenCipher.fromSettings(null, dataDir);

        assertThat(cipher.toString()).doesNotContain(keyFileContent());
    }

    private String keyFileContent() {
        try {
            return Files.readString(dataDir.resolve("secret.key")).strip();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
