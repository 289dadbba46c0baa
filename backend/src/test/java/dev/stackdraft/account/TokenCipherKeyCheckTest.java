package dev.stackdraft.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.config.StartupProblem;
import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.HostUser;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCipherKeyCheckTest {

    private static final URI GITHUB_API = URI.create("https://api.github.com");
    private static final HostUser OCTOCAT = new HostUser("583231", "octocat", "The Octocat", "octo@example.com");
    private static final String TOKEN = "gho_16C7e42F292c6912E7710c838347Ae178B4a";

    private final TestDatabase db = new TestDatabase();
    private final TokenCipherKeyCheck check = new TokenCipherKeyCheck(db.jdbc, TestDatabase.CLOCK);

    @TempDir
    Path dataDir;

    @Test
    void the_first_start_stores_the_check_and_the_same_key_opens_it_at_the_next() {
        String key = TokenCipher.newKey();

        TokenCipher first = check.cipherFor(key, dataDir);
        String token = storeToken(first);

        assertThat(checkRows()).isEqualTo(1);
        TokenCipher again = check.cipherFor(key, dataDir);
        assertThat(db.accounts(again).token(accountId()).orElseThrow()).isEqualTo(token);
    }

    @Test
    void another_configured_key_is_refused_naming_the_setting() {
        check.cipherFor(TokenCipher.newKey(), dataDir);

        assertThatThrownBy(() -> check.cipherFor(TokenCipher.newKey(), dataDir))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("STACKDRAFT_ENCRYPTION_KEY")
                .hasMessageContaining("is not the one this database's tokens were sealed with")
                .satisfies(e -> assertThat(((StartupProblem) e).action()).contains("all instances"));
    }

    @Test
    void another_key_file_is_refused_naming_the_file() throws Exception {
        check.cipherFor(null, dataDir);
        Files.writeString(dataDir.resolve(TokenCipher.KEY_FILE), TokenCipher.newKey());

        assertThatThrownBy(() -> check.cipherFor(null, dataDir))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining(dataDir.resolve(TokenCipher.KEY_FILE).toString());
    }

    @Test
    void a_missing_key_file_beside_sealed_tokens_is_refused_and_no_key_is_generated() throws Exception {
        storeToken(check.cipherFor(null, dataDir));
        Files.delete(dataDir.resolve(TokenCipher.KEY_FILE));

        assertThatThrownBy(() -> check.cipherFor(null, dataDir))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("is missing")
                .hasMessageContaining("none was generated");
        assertThat(dataDir.resolve(TokenCipher.KEY_FILE)).doesNotExist();
    }

    @Test
    void a_missing_key_file_is_refused_even_when_only_the_check_is_stored() throws Exception {
        check.cipherFor(null, dataDir);
        Files.delete(dataDir.resolve(TokenCipher.KEY_FILE));

        assertThatThrownBy(() -> check.cipherFor(null, dataDir)).isInstanceOf(StartupProblem.class);
        assertThat(dataDir.resolve(TokenCipher.KEY_FILE)).doesNotExist();
    }

    @Test
    void a_key_file_is_generated_for_a_database_with_nothing_sealed() {
        TokenCipher cipher = check.cipherFor("", dataDir);

        assertThat(dataDir.resolve(TokenCipher.KEY_FILE)).exists();
        assertThat(checkRows()).isEqualTo(1);
        assertThat(TokenCipher.existing(null, dataDir)).isPresent();
        String token = storeToken(cipher);
        assertThat(db.accounts(check.cipherFor("", dataDir)).token(accountId())).contains(token);
    }

    @Test
    void a_database_from_before_the_check_gets_it_once_the_key_opens_a_stored_token() {
        String key = TokenCipher.newKey();
        storeToken(TokenCipher.fromSettings(key, dataDir)); // sealed before V6: no check row

        assertThat(checkRows()).isZero();
        check.cipherFor(key, dataDir);

        assertThat(checkRows()).isEqualTo(1);
    }

    @Test
    void a_database_from_before_the_check_refuses_a_key_that_does_not_open_its_tokens() {
        storeToken(TokenCipher.fromSettings(TokenCipher.newKey(), dataDir));

        assertThatThrownBy(() -> check.cipherFor(TokenCipher.newKey(), dataDir))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("is not the one this database's tokens were sealed with");
        assertThat(checkRows()).isZero();
    }

    @Test
    void a_key_that_is_not_base64_of_32_bytes_is_refused_naming_the_setting() {
        assertThatThrownBy(() -> check.cipherFor("not base64!", dataDir))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("stackdraft.encryption-key")
                .hasMessageContaining("not base64")
                .satisfies(e -> assertThat(((StartupProblem) e).action()).contains("STACKDRAFT_ENCRYPTION_KEY")
                        .contains("openssl rand -base64 32"));
        assertThatThrownBy(() -> check.cipherFor("c2hvcnQ=", dataDir))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("must be 32 bytes");
    }

    private String storeToken(TokenCipher cipher) {
        db.accounts(cipher).signInWithHost(HostKind.GITHUB, GITHUB_API, OCTOCAT, TOKEN);
        return TOKEN;
    }

    private long accountId() {
        return db.jdbc.sql("select id from linked_account").query(Long.class).single();
    }

    private long checkRows() {
        return db.jdbc.sql("select count(*) from key_check").query(Long.class).single();
    }
}
