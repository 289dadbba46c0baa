package dev.stackdraft.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.config.BareRepos;
import dev.stackdraft.git.GitCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalGitHostTest {

    @TempDir
    Path root;

    @Test
    void lists_bare_repositories_as_owner_and_name_with_their_default_branch() {
        BareRepos.create(root, "acme/shop", Map.of("template.yaml", "x"));
        BareRepos.create(root, "acme/blog", Map.of("README.md", "# blog"));
        BareRepos.create(root, "zeta/empty");

        LocalGitHost host = new LocalGitHost(root);

        assertThat(host.repositories()).extracting(HostRepository::fullName)
                .containsExactly("acme/blog", "acme/shop", "zeta/empty");
        HostRepository shop = host.repositories().get(1);
        assertThat(shop.host()).isEqualTo(HostKind.LOCAL);
        assertThat(shop.id()).isEqualTo("acme/shop");
        assertThat(shop.defaultBranch()).isEqualTo("main");
        assertThat(shop.cloneUrl().getScheme()).isEqualTo("file");
        assertThat(Path.of(shop.cloneUrl())).isEqualTo(root.toAbsolutePath().resolve("acme/shop.git"));
    }

    @Test
    void folders_that_are_not_repositories_and_hidden_ones_are_not_listed() throws IOException {
        BareRepos.create(root, "acme/shop", Map.of("a.txt", "a"));
        Files.createDirectories(root.resolve("acme/notes.git"));            // not a repository
        Files.createDirectories(root.resolve("acme/plain"));                // no .git suffix
        Files.writeString(root.resolve("acme/file.git"), "not a folder");
        BareRepos.create(root, "acme/odd", Map.of("a.txt", "a"));
        Files.move(root.resolve("acme/odd.git"), root.resolve("acme/odd name.git")); // not a name we serve
        BareRepos.create(root, "acme/shop2", Map.of("a.txt", "a"));
        Files.move(root.resolve("acme/shop2.git"), root.resolve("acme/.building.git"));

        assertThat(new LocalGitHost(root).repositories()).extracting(HostRepository::fullName).containsExactly("acme/shop");
    }

    @Test
    void a_missing_root_has_no_repositories() {
        assertThat(new LocalGitHost(root.resolve("nothing-here")).repositories()).isEmpty();
    }

    @Test
    void files_lists_every_file_of_a_branch_with_its_size() {
        BareRepos.create(root, "acme/shop", Map.of("template.yaml", "Resources: {}\n", "src/app.py", "print(1)\n",
                "src/lib/util.py", ""));
        LocalGitHost host = new LocalGitHost(root);
        HostRepository shop = host.repositories().getFirst();

        assertThat(host.files(shop, "main")).containsExactlyInAnyOrder(
                new RepositoryFile("template.yaml", 14), new RepositoryFile("src/app.py", 9),
                new RepositoryFile("src/lib/util.py", 0));
    }

    @Test
    void files_and_read_at_a_commit_see_that_commit_not_the_branch() {
        BareRepos.create(root, "acme/shop", Map.of("template.yaml", "first"));
        String first = BareRepos.head(root, "acme/shop");
        Map<String, String> change = new HashMap<>();
        change.put("template.yaml", "second");
        change.put("more.yaml", "more");
        BareRepos.commit(root, "acme/shop", change);
        LocalGitHost host = new LocalGitHost(root);
        HostRepository shop = host.repositories().getFirst();

        assertThat(host.files(shop, first)).extracting(RepositoryFile::path).containsExactly("template.yaml");
        assertThat(new String(host.read(shop, first, "template.yaml"), StandardCharsets.UTF_8)).isEqualTo("first");
        assertThat(new String(host.read(shop, "main", "template.yaml"), StandardCharsets.UTF_8)).isEqualTo("second");
        assertThat(host.files(shop, "main")).hasSize(2);
    }

    @Test
    void an_empty_repository_has_no_files() {
        BareRepos.create(root, "acme/empty");
        LocalGitHost host = new LocalGitHost(root);
        HostRepository empty = host.repositories().getFirst();

        assertThat(empty.defaultBranch()).isEqualTo("main");
        assertThat(host.files(empty, "main")).isEmpty();
        assertThat(host.files(empty, "")).isEmpty();
    }

    @Test
    void the_head_of_a_branch_is_read_from_its_ref_and_an_empty_repository_has_none() {
        BareRepos.create(root, "acme/shop", Map.of("template.yaml", "x"));
        BareRepos.create(root, "acme/empty");
        LocalGitHost host = new LocalGitHost(root);
        HostRepository shop = host.describe("acme/shop").orElseThrow();
        HostRepository empty = host.describe("acme/empty").orElseThrow();
        HostRepository gone = new HostRepository(HostKind.LOCAL, "acme/gone", "acme/gone", "main", shop.cloneUrl(),
                shop.webUrl(), false);

        assertThat(host.branchHead(shop, "main")).contains(BareRepos.head(root, "acme/shop"));
        assertThat(host.branchHead(shop, "no-such-branch")).isEmpty();
        assertThat(host.branchHead(empty, "main")).isEmpty();
        assertThatThrownBy(() -> host.branchHead(gone, "main"))
                .isInstanceOfSatisfying(HostException.class, e -> assertThat(e.reason()).isEqualTo(HostException.Reason.NOT_FOUND));
    }

    @Test
    void a_missing_file_branch_or_repository_is_not_found() {
        BareRepos.create(root, "acme/shop", Map.of("template.yaml", "x"));
        LocalGitHost host = new LocalGitHost(root);
        HostRepository shop = host.repositories().getFirst();
        HostRepository gone = new HostRepository(HostKind.LOCAL, "acme/gone", "acme/gone", "main", shop.cloneUrl(),
                shop.webUrl(), false);

        assertThatThrownBy(() -> host.read(shop, "main", "nope.yaml"))
                .isInstanceOfSatisfying(HostException.class, e -> assertThat(e.reason()).isEqualTo(HostException.Reason.NOT_FOUND));
        assertThatThrownBy(() -> host.files(shop, "no-such-branch"))
                .isInstanceOfSatisfying(HostException.class, e -> assertThat(e.reason()).isEqualTo(HostException.Reason.NOT_FOUND));
        assertThatThrownBy(() -> host.files(gone, "main"))
                .isInstanceOfSatisfying(HostException.class, e -> assertThat(e.reason()).isEqualTo(HostException.Reason.NOT_FOUND));
    }

    @Test
    void can_read_is_true_while_the_repository_exists() throws IOException {
        BareRepos.create(root, "acme/shop", Map.of("template.yaml", "x"));
        LocalGitHost host = new LocalGitHost(root);
        HostRepository shop = host.repositories().getFirst();
        assertThat(host.canRead(shop)).isTrue();

        org.eclipse.jgit.util.FileUtils.delete(root.resolve("acme/shop.git").toFile(), org.eclipse.jgit.util.FileUtils.RECURSIVE);

        assertThat(host.canRead(shop)).isFalse();
    }

    @Test
    void names_that_would_leave_the_root_are_refused() {
        LocalGitHost host = new LocalGitHost(root);

        assertThatThrownBy(() -> host.directoryOf("../etc")).isInstanceOf(HostException.class);
        assertThatThrownBy(() -> host.directoryOf("acme/..")).isInstanceOf(HostException.class);
        assertThatThrownBy(() -> host.directoryOf("no-owner")).isInstanceOf(HostException.class);
        assertThat(host.canRead(new HostRepository(HostKind.LOCAL, "../x", "../x", "main", root.toUri(), root.toUri(),
                false))).isFalse();
    }

    @Test
    void pull_requests_are_refused_and_git_needs_no_credentials() {
        BareRepos.create(root, "acme/shop", Map.of("template.yaml", "x"));
        LocalGitHost host = new LocalGitHost(root);
        HostRepository shop = host.repositories().getFirst();

        assertThatThrownBy(() -> host.openPullRequest(shop, "edit", "main", "t", "b"))
                .isInstanceOfSatisfying(HostException.class, e -> {
                    assertThat(e.reason()).isEqualTo(HostException.Reason.REJECTED);
                    assertThat(e.getMessage()).contains("no pull requests");
                });
        assertThat(host.gitCredentials()).isEqualTo(GitCredentials.NONE);
        assertThat(host.kind()).isEqualTo(HostKind.LOCAL);
    }
}
