package dev.stackdraft.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.HostUser;
import java.net.URI;
import org.junit.jupiter.api.Test;

class AccountServiceTest {

    private static final URI GITHUB_API = URI.create("https://api.github.com");
    private static final URI GITLAB_API = URI.create("https://gitlab.example.com/api/v4");
    private static final HostUser OCTOCAT = new HostUser("583231", "octocat", "The Octocat",
            "583231+octocat@users.noreply.github.com");
    private static final HostUser OCTOCAT_ON_GITLAB = new HostUser("17", "octocat", "Octo Cat", "octo@example.com");

    private final TestDatabase db = new TestDatabase();
    private final AccountService accounts = db.accounts();

    @Test
    void a_first_host_sign_in_creates_the_user_and_links_the_account() {
        StackdraftUser user = accounts.signInWithHost(HostKind.GITHUB, GITHUB_API, OCTOCAT, "gho_first");

        assertThat(user.username()).isEqualTo("octocat");
        assertThat(user.displayName()).isEqualTo("The Octocat");
        assertThat(accounts.linkedAccounts(user.id())).singleElement().satisfies(account -> {
            assertThat(account.host()).isEqualTo(HostKind.GITHUB);
            assertThat(account.apiBase()).isEqualTo(GITHUB_API);
            assertThat(account.hostUserId()).isEqualTo("583231");
            assertThat(account.login()).isEqualTo("octocat");
            assertThat(account.commitEmail()).isEqualTo("583231+octocat@users.noreply.github.com");
            assertThat(account.hasToken()).isTrue();
            assertThat(account.updatedAt()).isEqualTo(TestDatabase.CLOCK.instant());
            assertThat(account.toString()).doesNotContain("gho_first");
            assertThat(accounts.token(account.id())).contains("gho_first");
        });
        assertThat(accounts.localUser("octocat")).isEmpty(); // host users have no password
    }

    @Test
    void the_token_is_stored_encrypted() {
        StackdraftUser user = accounts.signInWithHost(HostKind.GITHUB, GITHUB_API, OCTOCAT, "gho_secret_value");

        String stored = db.jdbc.sql("select token_ciphertext from linked_account where user_id = ?")
                .param(user.id()).query(String.class).single();

        assertThat(stored).startsWith("v1:").doesNotContain("gho_secret_value");
    }

    @Test
    void signing_in_again_finds_the_same_user_and_refreshes_profile_and_token() {
        StackdraftUser first = accounts.signInWithHost(HostKind.GITHUB, GITHUB_API, OCTOCAT, "gho_first");
        HostUser renamed = new HostUser("583231", "octocat2", "Octo", "octo@example.com");

        StackdraftUser again = accounts.signInWithHost(HostKind.GITHUB, GITHUB_API, renamed, "gho_second");

        assertThat(again).isEqualTo(first);
        LinkedAccount account = accounts.linkedAccounts(first.id()).getFirst();
        assertThat(account.login()).isEqualTo("octocat2");
        assertThat(account.commitEmail()).isEqualTo("octo@example.com");
        assertThat(accounts.token(account.id())).contains("gho_second");
        assertThat(db.jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_signed_in_user_links_a_gitlab_account_beside_the_github_one() {
        StackdraftUser user = accounts.signInWithHost(HostKind.GITHUB, GITHUB_API, OCTOCAT, "gho_token");

        LinkedAccount gitlab = accounts.linkHost(user.id(), HostKind.GITLAB, GITLAB_API, OCTOCAT_ON_GITLAB, "glpat_token");

        assertThat(accounts.linkedAccounts(user.id())).extracting(LinkedAccount::host)
                .containsExactly(HostKind.GITHUB, HostKind.GITLAB);
        assertThat(accounts.token(gitlab.id())).contains("glpat_token");
        // signing in later with the GitLab account lands on the same user
        assertThat(accounts.signInWithHost(HostKind.GITLAB, GITLAB_API, OCTOCAT_ON_GITLAB, "glpat_new")).isEqualTo(user);
        assertThat(accounts.token(gitlab.id())).contains("glpat_new");
    }

    @Test
    void an_account_linked_to_someone_else_is_not_taken_over() {
        StackdraftUser owner = accounts.signInWithHost(HostKind.GITLAB, GITLAB_API, OCTOCAT_ON_GITLAB, "glpat_owner");
        StackdraftUser other = accounts.createLocalUser("bob", "Bob", "correct horse battery");

        assertThatThrownBy(() -> accounts.linkHost(other.id(), HostKind.GITLAB, GITLAB_API, OCTOCAT_ON_GITLAB, "glpat_x"))
                .isInstanceOf(AccountException.class)
                .hasMessageContaining("already linked to another Stackdraft user")
                .hasMessageNotContaining("glpat");
        assertThat(accounts.token(accounts.linkedAccounts(owner.id()).getFirst().id())).contains("glpat_owner");
    }

    @Test
    void the_same_login_on_another_host_gets_a_username_of_its_own() {
        StackdraftUser github = accounts.signInWithHost(HostKind.GITHUB, GITHUB_API, OCTOCAT, "a");
        StackdraftUser gitlab = accounts.signInWithHost(HostKind.GITLAB, GITLAB_API, OCTOCAT_ON_GITLAB, "b");
        StackdraftUser gitlabCom = accounts.signInWithHost(HostKind.GITLAB, URI.create("https://gitlab.example.com/api/v4/"),
                new HostUser("18", "octocat", "", "x@example.com"), "c");

        assertThat(github.username()).isEqualTo("octocat");
        assertThat(gitlab.username()).isEqualTo("octocat@gitlab.example.com");
        assertThat(gitlabCom.username()).isEqualTo("octocat@gitlab.example.com-2");
        assertThat(gitlabCom.displayName()).isEqualTo("octocat");
        assertThat(gitlab.id()).isNotEqualTo(github.id());
    }

    @Test
    void a_host_login_never_takes_the_local_admins_name() {
        accounts.createLocalUser("admin", "Administrator", "pw-123456789");

        StackdraftUser user = accounts.signInWithHost(HostKind.GITHUB, GITHUB_API,
                new HostUser("1", "admin", "Mallory", "m@example.com"), "t");

        assertThat(user.username()).isEqualTo("admin@github.com");
    }

    @Test
    void a_local_user_has_a_hashed_password_and_a_local_link_without_token() {
        StackdraftUser admin = accounts.createLocalUser("admin", "Administrator", "s3cret-pass");

        LocalUser local = accounts.localUser("admin").orElseThrow();
        assertThat(local.user()).isEqualTo(admin);
        assertThat(local.passwordHash()).startsWith("{bcrypt}").doesNotContain("s3cret-pass");
        assertThat(local.toString()).doesNotContain(local.passwordHash());
        assertThat(accounts.passwordMatches("admin", "s3cret-pass")).isTrue();
        assertThat(accounts.passwordMatches("admin", "wrong")).isFalse();
        assertThat(accounts.linkedAccounts(admin.id())).singleElement().satisfies(account -> {
            assertThat(account.host()).isEqualTo(HostKind.LOCAL);
            assertThat(account.apiBase()).isEqualTo(LinkedAccount.LOCAL_API_BASE);
            assertThat(account.hasToken()).isFalse();
            assertThat(accounts.token(account.id())).isEmpty();
        });
        assertThatThrownBy(() -> accounts.createLocalUser("admin", "Again", "x"))
                .isInstanceOf(AccountException.class);
    }

    @Test
    void a_token_read_with_another_key_fails_cleanly() {
        StackdraftUser user = accounts.signInWithHost(HostKind.GITHUB, GITHUB_API, OCTOCAT, "gho_token");
        long accountId = accounts.linkedAccounts(user.id()).getFirst().id();
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;

        assertThatThrownBy(() -> db.accounts(TokenCipher.withKey(otherKey)).token(accountId))
                .isInstanceOf(TokenCipherException.class)
                .hasMessageNotContaining("gho_token");
    }

    @Test
    void unknown_ids_give_empty_answers() {
        assertThat(accounts.user(42)).isEmpty();
        assertThat(accounts.token(42)).isEmpty();
        assertThat(accounts.linkedAccounts(42)).isEmpty();
        assertThat(accounts.localUser("nobody")).isEmpty();
        assertThatThrownBy(() -> accounts.linkHost(42, HostKind.GITHUB, GITHUB_API, OCTOCAT, "t"))
                .isInstanceOf(AccountException.class);
    }
}
