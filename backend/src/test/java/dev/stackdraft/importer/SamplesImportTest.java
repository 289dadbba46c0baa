package dev.stackdraft.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stackdraft.account.LinkedAccount;
import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.LocalGitHost;
import dev.stackdraft.project.ConnectedHost;
import dev.stackdraft.project.ProjectState;
import dev.stackdraft.project.ProjectSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SamplesImportTest extends ImportTest {

    @Autowired
    LocalGitHost localGitHost;

    @Test
    void the_sample_projects_import_as_valid_projects() {
        long user = newUser("sam");
        hosts.give(user, new ConnectedHost(HostKind.LOCAL, LinkedAccount.LOCAL_API_BASE, localGitHost));

        ImportProgress progress = importAll(user);

        assertThat(results(progress)).extracting(RepositoryResult::repository, RepositoryResult::outcome, RepositoryResult::templates)
                .containsExactly(
                        tuple("stackdraft-samples/docs-only", RepositoryOutcome.NO_TEMPLATE, 0),
                        tuple("stackdraft-samples/notes-serverless", RepositoryOutcome.IMPORTED, 1),
                        tuple("stackdraft-samples/orders-service", RepositoryOutcome.IMPORTED, 1));
        assertThat(projects.visibleTo(user, "", null))
                .extracting(ProjectSummary::repository, ProjectSummary::templatePath, ProjectSummary::dialect, ProjectSummary::state)
                .containsExactly(
                        tuple("stackdraft-samples/notes-serverless", "serverless.yml", "SERVERLESS", ProjectState.VALID),
                        tuple("stackdraft-samples/orders-service", "template.yaml", "SAM", ProjectState.VALID));
    }
}
