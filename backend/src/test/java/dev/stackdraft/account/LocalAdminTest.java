package dev.stackdraft.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LocalAdminTest {

    private final TestDatabase db = new TestDatabase();
    private final AccountService accounts = db.accounts();
    private final List<String> console = new ArrayList<>();

    @Test
    void the_first_start_creates_the_admin_and_prints_the_password_once() {
        assertThat(new LocalAdmin(accounts, null, console::add).ensureExists()).isTrue();

        assertThat(console).singleElement().satisfies(banner -> assertThat(banner)
                .contains("Stackdraft created the local administrator")
                .contains("user:     admin")
                .contains("shown only this once"));
        String password = printedPassword(console.getFirst());
        assertThat(password).hasSize(20);
        assertThat(accounts.passwordMatches("admin", password)).isTrue();
        assertThat(accounts.localUser("admin").orElseThrow().passwordHash()).doesNotContain(password);

        // the next starts
        assertThat(new LocalAdmin(accounts, null, console::add).ensureExists()).isFalse();
        assertThat(new LocalAdmin(accounts, "", console::add).ensureExists()).isFalse();

        assertThat(console).hasSize(1);
        assertThat(accounts.passwordMatches("admin", password)).isTrue();
    }

    @Test
    void every_first_start_makes_a_different_password() {
        new LocalAdmin(accounts, null, console::add).ensureExists();
        TestDatabase other = new TestDatabase();
        new LocalAdmin(other.accounts(), null, console::add).ensureExists();

        assertThat(printedPassword(console.get(0))).isNotEqualTo(printedPassword(console.get(1)));
    }

    @Test
    void a_preset_password_is_used_and_never_printed() {
        new LocalAdmin(accounts, "preset-for-ci", console::add).ensureExists();

        assertThat(console).isEmpty();
        assertThat(accounts.passwordMatches("admin", "preset-for-ci")).isTrue();
    }

    @Test
    void a_preset_password_resets_an_existing_admin() {
        new LocalAdmin(accounts, null, console::add).ensureExists();

        new LocalAdmin(accounts, "reset-by-operator", console::add).ensureExists();

        assertThat(console).hasSize(1);
        assertThat(accounts.passwordMatches("admin", "reset-by-operator")).isTrue();
        assertThat(accounts.passwordMatches("admin", printedPassword(console.getFirst()))).isFalse();
    }

    private static String printedPassword(String banner) {
        Matcher m = Pattern.compile("password: (\\S+)").matcher(banner);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
