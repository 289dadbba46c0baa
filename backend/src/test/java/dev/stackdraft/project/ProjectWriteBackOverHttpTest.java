package dev.stackdraft.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.config.PlatformTest;
import dev.stackdraft.edit.AddLayer;
import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.git.GitCredentials;
import dev.stackdraft.git.GitServerFixture;
import dev.stackdraft.git.GitServerFixture.CommitInfo;
import dev.stackdraft.git.GitServerFixture.ReceivedCommand;
import dev.stackdraft.hosting.GitHost;
import dev.stackdraft.hosting.HostException;
import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.HostRepository;
import dev.stackdraft.hosting.HostUser;
import dev.stackdraft.hosting.PullRequest;
import dev.stackdraft.hosting.RepositoryFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Write-back to a GitHub-like host over real smart HTTP: the branch moving while the push is received, a
 * conflict, a protected branch, pull requests, a revoked token. The sample SAM template is the repository's.
 */
class ProjectWriteBackOverHttpTest extends PlatformTest {

    @RegisterExtension
    static final GitServerFixture git = new GitServerFixture();

    static final String TEMPLATE = resource("samples/orders-service/template.yaml");
    static final HostUser MONA = new HostUser("583231", "octocat", "Mona Octocat", "583231+octocat@users.noreply.github.com");
    static final String POWERTOOLS = "arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV3-python312-arm64:7";
    static final List<EditCommand> ADD_POWERTOOLS = List.of(new AddLayer("CreateOrderFunction", POWERTOOLS));
    /** CreateOrderFunction's layers, with Powertools added: what the edit writes, and what a colleague may write first. */
    static final String CREATE_ORDER_LAYERS = "        - !Ref CommonLayer\n      Policies:\n        - DynamoDBCrudPolicy:\n";
    static final String CREATE_ORDER_WITH_POWERTOOLS = "        - !Ref CommonLayer\n        - " + POWERTOOLS
            + "\n      Policies:\n        - DynamoDBCrudPolicy:\n";

    @Autowired
    ProjectWriteBack writeBack;
    @Autowired
    ProjectService projects;
    @Autowired
    ProjectStore store;

    long user;
    String repo;
    ServerHost host;
    ProjectSummary project;
    String initial;

    @BeforeEach
    void setUp(TestInfo test) {
        user = newUser("mona");
        repo = test.getTestMethod().orElseThrow().getName();
        initial = git.createRepository(repo, Map.of("template.yaml", TEMPLATE, "README.md", "# orders\n"));
        URI apiBase = URI.create("https://ghe-" + UUID.randomUUID() + ".example.com/api/v3");
        host = new ServerHost(git.credentials());
        hosts.give(user, new ConnectedHost(HostKind.GITHUB, apiBase, host));
        HostRepository repository = new HostRepository(HostKind.GITHUB, "1296269", "acme/" + repo, "main",
                git.cloneUri(repo), URI.create("https://github.example.com/acme/" + repo), true);
        long id = store.saveRepository(HostKind.GITHUB, apiBase, repository);
        store.grantAccess(user, id);
        store.recordScan(id, "main", initial, List.of(new ScannedStack("template.yaml", "SAM", 13, ProjectState.VALID, "")),
                List.of());
        project = projects.visibleTo(user, "", null).getFirst();
    }

    @Test
    void a_branch_that_moved_during_the_push_gets_the_edit_applied_on_its_new_head() {
        String longer = TEMPLATE.replace("    Timeout: 10\n", "    Timeout: 30\n");
        String[] theirs = new String[1];
        git.beforeNextPush(repo, () -> theirs[0] = git.commitAsOther(repo, "main", "Longer timeout", Map.of("template.yaml", longer)));

        WriteBackResult result = writeBack.commit(user, project.id(), ADD_POWERTOOLS, "Use Powertools", WriteTarget.defaultBranch());

        WriteBackResult.Committed committed = (WriteBackResult.Committed) result;
        assertThat(committed.message()).contains("'main' had moved meanwhile: your edits were applied to its new head");
        List<CommitInfo> log = git.log(repo, "main");
        assertThat(log).extracting(CommitInfo::message).containsExactly("Use Powertools", "Longer timeout", "Initial commit");
        assertThat(log.getFirst()).satisfies(c -> {
            assertThat(c.id()).isEqualTo(committed.commitId());
            assertThat(c.parents()).containsExactly(theirs[0]);
            assertThat(c.authorName()).isEqualTo("Mona Octocat");
            assertThat(c.authorEmail()).isEqualTo("583231+octocat@users.noreply.github.com");
        });
        assertThat(git.read(repo, "main", "template.yaml")).get().asString()
                .contains("    Timeout: 30\n").contains(CREATE_ORDER_WITH_POWERTOOLS);
        assertNothingForced();
        assertThat(projects.find(user, project.id())).get().extracting(ProjectSummary::lastCommit).isEqualTo(committed.commitId());
    }

    @Test
    void an_edit_that_no_longer_applies_after_the_branch_moved_is_a_conflict_that_keeps_the_commands() {
        String[] theirs = new String[1];
        git.beforeNextPush(repo, () -> theirs[0] = git.commitAsOther(repo, "main", "Powertools for CreateOrder",
                Map.of("template.yaml", TEMPLATE.replace(CREATE_ORDER_LAYERS, CREATE_ORDER_WITH_POWERTOOLS))));

        WriteBackResult result = writeBack.commit(user, project.id(), ADD_POWERTOOLS, "Use Powertools", WriteTarget.defaultBranch());

        WriteBackResult.Conflict conflict = (WriteBackResult.Conflict) result;
        assertThat(conflict.commands()).isEqualTo(ADD_POWERTOOLS);
        assertThat(conflict.message()).startsWith("'main' changed while you committed and your edits were not written: ")
                .contains("CreateOrderFunction already has layer " + POWERTOOLS)
                .endsWith("Your edits are kept: look at the template as it is now and try again.");
        assertThat(git.head(repo, "main")).contains(theirs[0]);
        assertThat(git.log(repo, "main")).extracting(CommitInfo::message).containsExactly("Powertools for CreateOrder", "Initial commit");
        assertNothingForced();
        assertThat(projects.find(user, project.id())).get().extracting(ProjectSummary::lastCommit).isEqualTo(initial);
    }

    @Test
    void a_protected_branch_is_rejected_with_the_suggestion_of_a_new_branch() {
        git.protectBranch(repo, "main");

        WriteBackResult result = writeBack.commit(user, project.id(), ADD_POWERTOOLS, "Use Powertools", WriteTarget.defaultBranch());

        WriteBackResult.Rejected rejected = (WriteBackResult.Rejected) result;
        assertThat(rejected.message()).startsWith("The remote rejected the push to 'main'");
        assertThat(rejected.suggestion()).isEqualTo("Commit to a new branch instead and open a pull request.");
        assertThat(git.head(repo, "main")).contains(initial);
        assertThat(projects.find(user, project.id())).get().extracting(ProjectSummary::lastCommit).isEqualTo(initial);
    }

    @Test
    void a_new_branch_with_a_pull_request_opens_it_into_the_project_branch() {
        WriteBackResult result = writeBack.commit(user, project.id(), ADD_POWERTOOLS, "Use Powertools\n\nFor tracing.",
                WriteTarget.newBranch("stackdraft/powertools", true));

        WriteBackResult.Committed committed = (WriteBackResult.Committed) result;
        assertThat(committed.branch()).isEqualTo("stackdraft/powertools");
        assertThat(committed.pullRequest()).isEqualTo(URI.create("https://github.example.com/acme/" + repo + "/pull/7"));
        assertThat(committed.message()).endsWith(" Opened pull request #7 into 'main'.");
        assertThat(host.pullRequests).containsExactly(
                new OpenedRequest("acme/" + repo, "stackdraft/powertools", "main", "Use Powertools", "For tracing."));
        assertThat(git.head(repo, "stackdraft/powertools")).contains(committed.commitId());
        assertThat(git.head(repo, "main")).contains(initial);
    }

    @Test
    void a_pull_request_the_host_refuses_leaves_the_commit_on_its_branch_and_says_why() {
        host.refusePullRequests = new HostException(HostException.Reason.REJECTED, "GitHub refused POST "
                + "/repos/acme/x/pulls (HTTP 422): Validation Failed: A pull request already exists for acme:stackdraft/powertools");

        WriteBackResult result = writeBack.commit(user, project.id(), ADD_POWERTOOLS, "",
                WriteTarget.newBranch("stackdraft/powertools", true));

        WriteBackResult.Committed committed = (WriteBackResult.Committed) result;
        assertThat(committed.pullRequest()).isNull();
        assertThat(committed.message()).isEqualTo("Committed " + committed.commitId().substring(0, 7)
                + " to 'stackdraft/powertools'. The pull request was not opened: GitHub refused POST /repos/acme/x/pulls "
                + "(HTTP 422): Validation Failed: A pull request already exists for acme:stackdraft/powertools.");
        assertThat(git.head(repo, "stackdraft/powertools")).contains(committed.commitId());
    }

    @Test
    void a_revoked_token_is_a_failure_said_in_a_sentence() {
        host.credentials = git.wrongCredentials();

        WriteBackResult result = writeBack.commit(user, project.id(), ADD_POWERTOOLS, "Use Powertools", WriteTarget.defaultBranch());

        assertThat(result).isEqualTo(new WriteBackResult.Failed("GitHub refused your credentials (the token may have "
                + "expired or been revoked): sign in with GitHub again."));
        assertThat(git.received(repo)).isEmpty();
    }

    @Test
    void a_host_that_cannot_say_who_the_user_is_writes_nothing() {
        host.profile = new HostException(HostException.Reason.UNAVAILABLE, "GitHub answered GET /user with HTTP 503");

        WriteBackResult result = writeBack.commit(user, project.id(), ADD_POWERTOOLS, "Use Powertools", WriteTarget.defaultBranch());

        assertThat(result).isEqualTo(new WriteBackResult.Failed(
                "GitHub cannot be reached just now: GitHub answered GET /user with HTTP 503. Try again later."));
        assertThat(git.received(repo)).isEmpty();
    }

    @Test
    void an_unlinked_account_is_a_failure_said_in_a_sentence() {
        hosts.give(user);

        WriteBackResult result = writeBack.commit(user, project.id(), ADD_POWERTOOLS, "Use Powertools", WriteTarget.defaultBranch());

        assertThat(result).isEqualTo(new WriteBackResult.Failed(
                "Your GitHub account for acme/" + repo + " is no longer linked: sign in with it again."));
    }

    private void assertNothingForced() {
        assertThat(git.received(repo)).extracting(ReceivedCommand::type)
                .as("every update the server was asked for moves a branch forward")
                .allMatch(t -> t == ReceiveCommand.Type.UPDATE || t == ReceiveCommand.Type.CREATE);
    }

    private static String resource(String name) {
        try (InputStream in = ProjectWriteBackOverHttpTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record OpenedRequest(String repository, String head, String base, String title, String body) {}

    /** GitHub as far as a write-back uses it: the user's profile, git credentials, pull requests. */
    static final class ServerHost implements GitHost {

        final List<OpenedRequest> pullRequests = new CopyOnWriteArrayList<>();
        volatile GitCredentials credentials;
        volatile @Nullable HostException profile;
        volatile @Nullable HostException refusePullRequests;

        ServerHost(GitCredentials credentials) {
            this.credentials = credentials;
        }

        @Override
        public HostKind kind() {
            return HostKind.GITHUB;
        }

        @Override
        public HostUser currentUser() {
            HostException failure = profile;
            if (failure != null) {
                throw failure;
            }
            return MONA;
        }

        @Override
        public List<HostRepository> repositories() {
            throw new UnsupportedOperationException("a write-back does not list repositories");
        }

        @Override
        public Optional<String> branchHead(HostRepository repository, String branch) {
            throw new UnsupportedOperationException("a write-back reads the branch with git");
        }

        @Override
        public List<RepositoryFile> files(HostRepository repository, String ref) {
            throw new UnsupportedOperationException("a write-back does not list files");
        }

        @Override
        public byte[] read(HostRepository repository, String ref, String path) {
            throw new UnsupportedOperationException("a write-back reads the working copy");
        }

        @Override
        public boolean canRead(HostRepository repository) {
            return true;
        }

        @Override
        public PullRequest openPullRequest(HostRepository repository, String head, String base, String title, String body) {
            HostException failure = refusePullRequests;
            if (failure != null) {
                throw failure;
            }
            pullRequests.add(new OpenedRequest(repository.fullName(), head, base, title, body));
            return new PullRequest(7, URI.create(repository.webUrl() + "/pull/7"));
        }

        @Override
        public GitCredentials gitCredentials() {
            return credentials;
        }
    }
}
