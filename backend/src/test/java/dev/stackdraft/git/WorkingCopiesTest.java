package dev.stackdraft.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Working copies against a real smart-HTTP git server ({@link GitServerFixture}) and file:// repositories. */
class WorkingCopiesTest {

    @RegisterExtension
    static final GitServerFixture git = new GitServerFixture();

    @TempDir
    Path cache;

    static final String TEMPLATE = WriteBackFixtures.resource("sam-app.template.yaml");

    @Test
    void shallow_clone_over_http_checks_out_the_branch_at_the_remote_head() throws IOException {
        git.createRepository("clone", Map.of("template.yaml", TEMPLATE, "README.md", "# one\n"));
        git.commitAsOther("clone", Map.of("README.md", "# two\n"));
        String head = git.commitAsOther("clone", Map.of("README.md", "# three\n"));

        WorkingCopy copy = new WorkingCopies(cache).checkout("alice/clone", git.cloneUri("clone"), "main", git.credentials());

        assertThat(copy.directory()).isEqualTo(cache.resolve("alice/clone"));
        assertThat(copy.branch()).isEqualTo("main");
        assertThat(copy.head()).isEqualTo(head);
        assertThat(copy.files()).containsExactly("README.md", "template.yaml");
        assertThat(copy.read("template.yaml")).isEqualTo(TEMPLATE.getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(copy.directory().resolve("README.md"))).isEqualTo("# three\n");
        assertThat(git.log("clone", "main")).hasSize(3);
        assertThat(localHistory(copy)).as("depth 1: the server's history stays on the server").isEqualTo(1);
        assertThat(Files.readString(copy.directory().resolve(".git/shallow"))).contains(head);
        assertThat(Files.readString(copy.directory().resolve(".git/config")))
                .as("credentials are never written down").doesNotContain(GitServerFixture.PASSWORD)
                .contains(git.cloneUri("clone").toString());
    }

    @Test
    void refresh_picks_up_a_commit_pushed_by_someone_else() throws IOException {
        git.createRepository("refresh", Map.of("template.yaml", TEMPLATE, "README.md", "# before\n"));
        WorkingCopies copies = new WorkingCopies(cache);
        WorkingCopy first = copies.checkout("refresh", git.cloneUri("refresh"), "main", git.credentials());

        String moved = git.commitAsOther("refresh", Map.of("README.md", "# after\n", "docs/new.md", "new\n"));
        WorkingCopy second = copies.checkout("refresh", git.cloneUri("refresh"), "main", git.credentials());

        assertThat(second.directory()).isEqualTo(first.directory());
        assertThat(second.head()).isEqualTo(moved);
        assertThat(Files.readString(second.directory().resolve("README.md"))).isEqualTo("# after\n");
        assertThat(second.files()).containsExactly("README.md", "docs/new.md", "template.yaml");
    }

    @Test
    void refresh_throws_away_local_changes_and_stray_files() throws IOException {
        git.createRepository("stray", Map.of("template.yaml", TEMPLATE, ".gitignore", "*.log\n"));
        WorkingCopies copies = new WorkingCopies(cache);
        Path dir = copies.checkout("stray", git.cloneUri("stray"), "main", git.credentials()).directory();
        Files.writeString(dir.resolve("template.yaml"), "half an edit");
        Files.createDirectories(dir.resolve("build/out"));
        Files.writeString(dir.resolve("build/out/x.txt"), "x");
        Files.writeString(dir.resolve("debug.log"), "ignored, still not ours");

        WorkingCopy copy = copies.checkout("stray", git.cloneUri("stray"), "main", git.credentials());

        assertThat(Files.readString(dir.resolve("template.yaml"))).isEqualTo(TEMPLATE);
        assertThat(dir.resolve("build")).doesNotExist();
        assertThat(dir.resolve("debug.log")).doesNotExist();
        try (Git local = Git.open(copy.directory().toFile())) {
            assertThat(local.status().call().isClean()).isTrue();
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void checkout_of_another_branch_switches_the_working_copy_to_it() throws IOException {
        git.createRepository("branches", Map.of("template.yaml", TEMPLATE));
        String develop = git.commitAsOther("branches", "develop", "Develop work", Map.of("develop.txt", "d\n"));
        WorkingCopies copies = new WorkingCopies(cache);
        copies.checkout("branches", git.cloneUri("branches"), "main", git.credentials());

        WorkingCopy copy = copies.checkout("branches", git.cloneUri("branches"), "develop", git.credentials());

        assertThat(copy.branch()).isEqualTo("develop");
        assertThat(copy.head()).isEqualTo(develop);
        assertThat(copy.directory().resolve("develop.txt")).hasContent("d");
        try (Git local = Git.open(copy.directory().toFile())) {
            assertThat(local.getRepository().getFullBranch()).isEqualTo("refs/heads/develop");
        }

        WorkingCopy back = copies.checkout("branches", git.cloneUri("branches"), "main", git.credentials());
        assertThat(back.files()).containsExactly("template.yaml");
        assertThat(back.directory().resolve("develop.txt")).doesNotExist();
    }

    @Test
    void a_wrong_password_is_an_unauthorized_error_that_never_shows_the_password() {
        git.createRepository("private", Map.of("template.yaml", TEMPLATE));
        GitCredentials wrong = git.wrongCredentials();

        assertThatThrownBy(() -> new WorkingCopies(cache).checkout("private", git.cloneUri("private"), "main", wrong))
                .isInstanceOfSatisfying(GitException.class, e -> {
                    assertThat(e.reason()).isEqualTo(GitException.Reason.UNAUTHORIZED);
                    assertThat(e.getMessage()).contains(git.cloneUri("private").toString()).contains("refused the credentials")
                            .doesNotContain(wrong.password());
                });
        assertThat(cache.resolve("private")).as("no half clone left behind").doesNotExist();
        assertThat(cache.resolve(".incoming")).isEmptyDirectory();
    }

    @Test
    void no_credentials_for_a_private_repository_is_unauthorized() {
        git.createRepository("anonymous", Map.of("template.yaml", TEMPLATE));

        assertThatThrownBy(() -> new WorkingCopies(cache).checkout("anonymous", git.cloneUri("anonymous"), "main", GitCredentials.NONE))
                .isInstanceOfSatisfying(GitException.class, e -> assertThat(e.reason()).isEqualTo(GitException.Reason.UNAUTHORIZED));
    }

    @Test
    void a_repository_that_is_not_there_is_not_found_and_a_missing_branch_is_branch_not_found() {
        git.createRepository("there", Map.of("template.yaml", TEMPLATE));
        WorkingCopies copies = new WorkingCopies(cache);

        assertThatThrownBy(() -> copies.checkout("gone", git.cloneUri("gone"), "main", git.credentials()))
                .isInstanceOfSatisfying(GitException.class, e -> assertThat(e.reason()).isEqualTo(GitException.Reason.NOT_FOUND));
        assertThatThrownBy(() -> copies.checkout("there", git.cloneUri("there"), "nope", git.credentials()))
                .isInstanceOfSatisfying(GitException.class, e -> {
                    assertThat(e.reason()).isEqualTo(GitException.Reason.BRANCH_NOT_FOUND);
                    assertThat(e.getMessage()).contains("nope");
                });
        assertThatThrownBy(() -> copies.checkout("gone-file", git.fileUri("gone-file"), "main", GitCredentials.NONE))
                .isInstanceOfSatisfying(GitException.class, e -> assertThat(e.reason()).isEqualTo(GitException.Reason.NOT_FOUND));
    }

    @Test
    void a_failed_refresh_leaves_the_working_copy_as_it_was() throws IOException {
        git.createRepository("kept", Map.of("template.yaml", TEMPLATE));
        WorkingCopies copies = new WorkingCopies(cache);
        WorkingCopy copy = copies.checkout("kept", git.cloneUri("kept"), "main", git.credentials());
        String head = copy.head();
        git.commitAsOther("kept", Map.of("README.md", "moved\n"));

        assertThatThrownBy(() -> copies.checkout("kept", git.cloneUri("kept"), "main", git.wrongCredentials()))
                .isInstanceOf(GitException.class);

        assertThat(copy.head()).isEqualTo(head);
        assertThat(copy.read("template.yaml")).isEqualTo(TEMPLATE.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_broken_working_copy_is_cloned_again() throws IOException {
        git.createRepository("broken", Map.of("template.yaml", TEMPLATE));
        WorkingCopies copies = new WorkingCopies(cache);
        Path dir = copies.checkout("broken", git.cloneUri("broken"), "main", git.credentials()).directory();
        Files.writeString(dir.resolve(".git/HEAD"), "garbage");
        Files.writeString(dir.resolve(".git/index.lock"), "a crashed writer");

        WorkingCopy copy = copies.checkout("broken", git.cloneUri("broken"), "main", git.credentials());

        assertThat(copy.head()).isEqualTo(git.head("broken", "main").orElseThrow());
        assertThat(copy.read("template.yaml")).isEqualTo(TEMPLATE.getBytes(StandardCharsets.UTF_8));
        assertThat(dir.resolve(".git/index.lock")).doesNotExist();
    }

    @Test
    void file_urls_of_the_local_provider_clone_shallow_and_refresh() throws IOException {
        git.createRepository("local", Map.of("template.yaml", TEMPLATE));
        git.commitAsOther("local", Map.of("README.md", "# two\n"));
        WorkingCopies copies = new WorkingCopies(cache);
        URI url = git.fileUri("local");
        assertThat(url.getScheme()).isEqualTo("file");

        WorkingCopy copy = copies.checkout("local", url, "main", GitCredentials.NONE);
        assertThat(copy.head()).isEqualTo(git.head("local", "main").orElseThrow());
        assertThat(localHistory(copy)).isEqualTo(1);

        String moved = git.commitAsOther("local", Map.of("README.md", "# three\n"));
        assertThat(copies.checkout("local", url, "main", GitCredentials.NONE).head()).isEqualTo(moved);
        assertThat(copy.directory().resolve("README.md")).hasContent("# three");
    }

    @Test
    void concurrent_checkouts_of_one_key_wait_for_each_other() throws Exception {
        git.createRepository("busy", Map.of("template.yaml", TEMPLATE));
        WorkingCopies copies = new WorkingCopies(cache);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> heads = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 6; i++) {
                // a second WorkingCopies on the same folder shares the locks
                WorkingCopies each = i % 2 == 0 ? copies : new WorkingCopies(cache);
                heads.add(pool.submit(() -> {
                    start.await();
                    return each.checkout("busy", git.cloneUri("busy"), "main", git.credentials()).head();
                }));
            }
            start.countDown();
            for (Future<String> head : heads) {
                assertThat(head.get()).isEqualTo(git.head("busy", "main").orElseThrow());
            }
        }
        assertThat(Files.readString(cache.resolve("busy/template.yaml"))).isEqualTo(TEMPLATE);
    }

    @Test
    void keys_and_paths_stay_inside_their_folders() {
        git.createRepository("paths", Map.of("template.yaml", TEMPLATE));
        WorkingCopies copies = new WorkingCopies(cache);
        for (String key : List.of("../escape", "a/../../b", "/abs", "", ".git", "a//b", ".incoming")) {
            assertThatThrownBy(() -> copies.checkout(key, git.cloneUri("paths"), "main", git.credentials()))
                    .as(key).isInstanceOf(IllegalArgumentException.class);
        }
        WorkingCopy copy = copies.checkout("github/alice/paths", git.cloneUri("paths"), "main", git.credentials());
        for (String path : List.of("../x", ".git/config", "/etc/passwd", "a/./b", "")) {
            assertThatThrownBy(() -> copy.read(path)).as(path).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void clone_urls_carrying_credentials_or_other_schemes_are_refused() {
        WorkingCopies copies = new WorkingCopies(cache);

        assertThatThrownBy(() -> copies.checkout("x", URI.create("https://alice:hunter2@example.com/a/b.git"), "main", GitCredentials.NONE))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("hunter2");
        assertThatThrownBy(() -> copies.checkout("x", URI.create("ssh://git@example.com/a/b.git"), "main", GitCredentials.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> copies.checkout("x", URI.create("https://example.com/a/b.git"), "bad..branch", GitCredentials.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void remove_deletes_the_working_copy_and_the_next_checkout_clones_again() {
        git.createRepository("removed", Map.of("template.yaml", TEMPLATE));
        WorkingCopies copies = new WorkingCopies(cache);
        Path dir = copies.checkout("removed", git.cloneUri("removed"), "main", git.credentials()).directory();

        copies.remove("removed");
        assertThat(dir).doesNotExist();

        assertThat(copies.checkout("removed", git.cloneUri("removed"), "main", git.credentials()).files()).containsExactly("template.yaml");
    }

    static int localHistory(WorkingCopy copy) throws IOException {
        try (Git local = Git.open(copy.directory().toFile()); RevWalk walk = new RevWalk(local.getRepository())) {
            walk.markStart(walk.parseCommit(local.getRepository().resolve(Constants.HEAD)));
            int count = 0;
            for (var ignored : walk) {
                count++;
            }
            return count;
        }
    }
}
