package dev.stackdraft.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.git.GitServerFixture;
import dev.stackdraft.hosting.GitHosts;
import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.Politeness;
import dev.stackdraft.project.ConnectedHost;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The import against GitHub's REST API (the fixture's fake of it): heads come from the branch endpoint. */
class ImportOverHttpTest extends ImportTest {

    @RegisterExtension
    static final GitServerFixture git = new GitServerFixture();

    @Test
    void an_empty_github_repository_has_no_commits_and_each_head_is_one_branch_request() {
        String head = git.createRepository("http-ann/app", Map.of("template.yaml", Templates.SAM));
        git.createEmptyRepository("http-ann/empty", "main");
        long user = newUser("http-ann");
        hosts.give(user, new ConnectedHost(HostKind.GITHUB, git.apiBase(),
                new GitHosts(Politeness.standard()).connect(HostKind.GITHUB, git.apiBase(), "gho_ann")));

        ImportProgress progress = importAll(user);

        assertThat(progress.status()).isEqualTo(ImportStatus.FINISHED);
        Map<String, RepositoryResult> results = byRepository(progress);
        assertThat(results.get("http-ann/app").outcome()).isEqualTo(RepositoryOutcome.IMPORTED);
        assertThat(results.get("http-ann/empty").outcome()).isEqualTo(RepositoryOutcome.NO_TEMPLATE);
        assertThat(results.get("http-ann/empty").reason()).isEqualTo("the default branch main has no commits");
        assertThat(projectsOf(user).get("http-ann/app:template.yaml").lastCommit()).isEqualTo(head);
        assertThat(git.apiRequests("/repos/http-ann/(app|empty)/branches/main")).isEqualTo(2);
        assertThat(git.apiRequests("/repos/http-ann/empty/git/trees/.*")).as("nothing to list").isZero();
    }
}
