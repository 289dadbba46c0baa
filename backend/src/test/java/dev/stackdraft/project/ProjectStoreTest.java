package dev.stackdraft.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.config.PlatformTest;
import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.HostRepository;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ProjectStoreTest extends PlatformTest {

    private static final URI GITHUB = URI.create("https://github.example.com/api/v3");

    @Autowired
    ProjectStore store;
    @Autowired
    Projects projectRows;

    @Test
    void a_repository_is_one_row_however_often_and_by_whomever_it_is_listed() {
        HostRepository repository = github("42", "acme/app", "main");

        long first = store.saveRepository(HostKind.GITHUB, GITHUB, repository);
        long again = store.saveRepository(HostKind.GITHUB, GITHUB, github("42", "acme/renamed-app", "trunk"));

        assertThat(again).isEqualTo(first);
        StoredRepository stored = store.repository(first).orElseThrow();
        assertThat(stored.repository().fullName()).isEqualTo("acme/renamed-app");
        assertThat(stored.repository().defaultBranch()).isEqualTo("trunk");
        assertThat(stored.repository().webUrl()).isEqualTo(URI.create("https://github.example.com/acme/renamed-app"));
        assertThat(stored.lastCommit()).isNull();
        assertThat(store.saveRepository(HostKind.GITHUB, URI.create("https://api.github.com"), repository))
                .as("the same id on another host is another repository").isNotEqualTo(first);
    }

    @Test
    void a_scan_adds_updates_and_removes_stacks_but_keeps_the_ones_it_did_not_read() {
        long id = store.saveRepository(HostKind.GITHUB, GITHUB, github("43", "acme/stacks", "main"));
        store.recordScan(id, "main", "c1", List.of(stack("a.yaml", 1), stack("b.yaml", 1), stack("c.yaml", 1)), List.of());
        long aId = rowOf(id, "a.yaml").id();

        store.recordScan(id, "main", "c2", List.of(stack("a.yaml", 5)), List.of("c.yaml"));

        assertThat(projectRows.findByRepositoryId(id)).extracting(Project::templatePath).containsExactlyInAnyOrder("a.yaml", "c.yaml");
        Project a = rowOf(id, "a.yaml");
        assertThat(a.id()).isEqualTo(aId);
        assertThat(a.resourceCount()).isEqualTo(5);
        assertThat(a.lastCommit()).isEqualTo("c2");
        assertThat(rowOf(id, "c.yaml").lastCommit()).as("not read this time: left as it was").isEqualTo("c1");
        assertThat(store.repository(id).orElseThrow().lastCommit()).isEqualTo("c2");
        assertThat(store.stacks(id)).hasSize(2);
    }

    @Test
    void revoking_keeps_only_what_the_host_listed_on_that_host() {
        long user = newUser("rita");
        long kept = store.saveRepository(HostKind.GITHUB, GITHUB, github("50", "acme/kept", "main"));
        long gone = store.saveRepository(HostKind.GITHUB, GITHUB, github("51", "acme/gone", "main"));
        long elsewhere = store.saveRepository(HostKind.GITLAB, URI.create("https://gitlab.example.com/api/v4"),
                github("51", "acme/gone", "main"));
        for (long repository : List.of(kept, gone, elsewhere)) {
            store.grantAccess(user, repository);
            store.grantAccess(user, repository);
        }

        int revoked = store.revokeAccessExcept(user, HostKind.GITHUB, GITHUB, Set.of(kept));

        assertThat(revoked).isEqualTo(1);
        assertThat(jdbc.sql("select repository_id from repository_access where user_id = ? order by repository_id")
                .param(user).query(Long.class).list()).containsExactly(kept, elsewhere);
    }

    private Project rowOf(long repositoryId, String path) {
        return projectRows.findByRepositoryId(repositoryId).stream().filter(p -> p.templatePath().equals(path))
                .findFirst().orElseThrow();
    }

    private static ScannedStack stack(String path, int resources) {
        return new ScannedStack(path, "CLOUDFORMATION", resources, ProjectState.VALID, "");
    }

    private static HostRepository github(String id, String fullName, String branch) {
        return new HostRepository(HostKind.GITHUB, id, fullName, branch,
                URI.create("https://github.example.com/" + fullName + ".git"),
                URI.create("https://github.example.com/" + fullName), true);
    }
}
