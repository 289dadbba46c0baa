package dev.stackdraft.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.stackdraft.config.BareRepos;
import dev.stackdraft.config.PlatformTest;
import dev.stackdraft.edit.AddLayer;
import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.HostUser;
import dev.stackdraft.hosting.LocalGitHost;
import dev.stackdraft.hosting.SampleProjects;
import dev.stackdraft.importer.ImportService;
import dev.stackdraft.importer.ImportStatus;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Write-back with the local provider: the sample projects, imported as a user would, edited and committed. */
class ProjectWriteBackTest extends PlatformTest {

    static final HostUser PAT = new HostUser("pat", "pat", "Pat Doe", "pat@stackdraft.local");
    static final String ORDERS = SampleProjects.OWNER + "/orders-service";
    static final String POWERTOOLS = "arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV3-python312-arm64:7";
    static final List<EditCommand> ADD_POWERTOOLS = List.of(new AddLayer("CreateOrderFunction", POWERTOOLS));

    @Autowired
    ProjectWriteBack writeBack;
    @Autowired
    ProjectService projects;
    @Autowired
    ImportService imports;

    long user;
    Path root;
    ProjectSummary orders;

    @BeforeEach
    void setUp() {
        user = newUser("pat");
        root = tempDir("stackdraft-samples");
        SampleProjects.seedIfEmpty(root, clock.instant());
        hosts.give(user, new ConnectedHost(HostKind.LOCAL, URI.create("local:/" + root.getFileName()),
                new LocalGitHost(root, PAT)));
        importAll(user);
        orders = projects.visibleTo(user, "orders-service", null).getFirst();
    }

    @Test
    void an_added_layer_is_committed_as_the_user_with_their_message_and_the_dashboard_shows_it() {
        String before = BareRepos.head(root, ORDERS);
        assertThat(orders.lastCommit()).isEqualTo(before);

        WriteBackResult result = writeBack.commit(user, orders.id(), ADD_POWERTOOLS, "Use Powertools in CreateOrder\n\nFor tracing.",
                WriteTarget.defaultBranch());

        WriteBackResult.Committed committed = (WriteBackResult.Committed) result;
        assertThat(committed.branch()).isEqualTo("main");
        assertThat(committed.pullRequest()).isNull();
        assertThat(committed.message()).isEqualTo("Committed " + committed.commitId().substring(0, 7) + " to 'main'.");
        RevCommit head = commit(ORDERS, "main");
        assertThat(head.name()).isEqualTo(committed.commitId());
        assertThat(head.getParents()).extracting(RevCommit::name).containsExactly(before);
        assertThat(head.getFullMessage()).isEqualTo("Use Powertools in CreateOrder\n\nFor tracing.");
        assertThat(head.getAuthorIdent().getName()).isEqualTo("Pat Doe");
        assertThat(head.getAuthorIdent().getEmailAddress()).isEqualTo("pat@stackdraft.local");
        assertThat(head.getCommitterIdent().getEmailAddress()).isEqualTo("pat@stackdraft.local");
        assertThat(file(ORDERS, "main", "template.yaml"))
                .contains("      Layers:\n        - !Ref CommonLayer\n        - " + POWERTOOLS + "\n      Policies:\n"
                        + "        - DynamoDBCrudPolicy:\n")
                .contains("# ---- Shared code ----");
        assertThat(projects.find(user, orders.id())).get().satisfies(p -> {
            assertThat(p.lastCommit()).isEqualTo(committed.commitId());
            assertThat(p.branch()).isEqualTo("main");
        });
    }

    @Test
    void the_dashboard_shows_the_resource_count_and_state_of_what_a_commit_wrote() {
        assertThat(orders.state()).isEqualTo(ProjectState.VALID);
        List<EditCommand> edits = List.of(new dev.stackdraft.edit.AddResource("OrdersQueue", "AWS::SQS::Queue", List.of()),
                new dev.stackdraft.edit.SetProperty("OrdersQueue", List.of("DelaySecond"), dev.stackdraft.template.Value.string("5")));

        WriteBackResult result = writeBack.commit(user, orders.id(), edits, "A queue", WriteTarget.defaultBranch());

        assertThat(result).isInstanceOf(WriteBackResult.Committed.class);
        assertThat(projects.find(user, orders.id())).get().satisfies(p -> {
            assertThat(p.resourceCount()).isEqualTo(orders.resourceCount() + 1);
            assertThat(p.state()).isEqualTo(ProjectState.HAS_FINDINGS);
            assertThat(p.stateMessage()).contains("DelaySecond");
        });
    }

    @Test
    void a_new_branch_gets_the_commit_and_the_project_branch_stays_where_it_was() {
        String main = BareRepos.head(root, ORDERS);

        WriteBackResult result = writeBack.commit(user, orders.id(), ADD_POWERTOOLS, "",
                WriteTarget.newBranch("stackdraft/powertools", false));

        WriteBackResult.Committed committed = (WriteBackResult.Committed) result;
        assertThat(committed.branch()).isEqualTo("stackdraft/powertools");
        RevCommit head = commit(ORDERS, "stackdraft/powertools");
        assertThat(head.name()).isEqualTo(committed.commitId());
        assertThat(head.getParents()).extracting(RevCommit::name).containsExactly(main);
        assertThat(head.getFullMessage()).as("a blank message is made from the commands")
                .isEqualTo("Add layer " + POWERTOOLS + " to CreateOrderFunction");
        assertThat(file(ORDERS, "stackdraft/powertools", "template.yaml")).contains("- " + POWERTOOLS);
        assertThat(BareRepos.head(root, ORDERS)).isEqualTo(main);
        assertThat(file(ORDERS, "main", "template.yaml")).doesNotContain(POWERTOOLS);
        assertThat(projects.find(user, orders.id())).get().extracting(ProjectSummary::lastCommit)
                .as("the dashboard shows the project's branch").isEqualTo(main);
    }

    @Test
    void a_pull_request_on_the_local_provider_is_not_supported_and_nothing_is_written() {
        String main = BareRepos.head(root, ORDERS);

        WriteBackResult result = writeBack.commit(user, orders.id(), ADD_POWERTOOLS, "Powertools",
                WriteTarget.newBranch("stackdraft/powertools", true));

        assertThat(result).isInstanceOf(WriteBackResult.Unsupported.class);
        assertThat(result.message()).contains("The local provider has no pull requests").contains("Nothing was written");
        assertThat(ref(ORDERS, "stackdraft/powertools")).isEmpty();
        assertThat(BareRepos.head(root, ORDERS)).isEqualTo(main);
    }

    @Test
    void another_user_cannot_write_to_a_project_they_cannot_see() {
        long stranger = newUser("stranger");
        hosts.give(stranger, new ConnectedHost(HostKind.LOCAL, URI.create("local:/" + root.getFileName()),
                new LocalGitHost(root, new HostUser("eve", "eve", "Eve", "eve@stackdraft.local"))));
        String main = BareRepos.head(root, ORDERS);

        WriteBackResult result = writeBack.commit(stranger, orders.id(), ADD_POWERTOOLS, "mine now", WriteTarget.defaultBranch());

        assertThat(result).isEqualTo(new WriteBackResult.NotFound("There is no such project, or you may not see it."));
        assertThat(writeBack.templateText(stranger, orders.id())).isEmpty();
        assertThat(BareRepos.head(root, ORDERS)).isEqualTo(main);
        assertThat(projects.find(user, orders.id())).get().extracting(ProjectSummary::lastCommit).isEqualTo(main);
    }

    @Test
    void an_edit_the_engine_refuses_is_refused_with_its_message_and_nothing_is_written() {
        String main = BareRepos.head(root, ORDERS);

        WriteBackResult result = writeBack.commit(user, orders.id(), List.of(new AddLayer("CreateOrderFunction", "CommonLayer")),
                "again", WriteTarget.defaultBranch());

        assertThat(result).isInstanceOf(WriteBackResult.Refused.class);
        assertThat(result.message()).contains("CreateOrderFunction already has layer");
        assertThat(BareRepos.head(root, ORDERS)).isEqualTo(main);
    }

    @Test
    void a_branch_name_git_does_not_accept_is_refused_before_anything_is_written() {
        WriteBackResult result = writeBack.commit(user, orders.id(), ADD_POWERTOOLS, "", WriteTarget.newBranch("two words", false));

        assertThat(result).isInstanceOf(WriteBackResult.Refused.class);
        assertThat(result.message()).startsWith("'two words' is not a branch name git accepts");
        assertThat(writeBack.commit(user, orders.id(), ADD_POWERTOOLS, "", WriteTarget.newBranch("main", true)))
                .as("a pull request is asked for, but the local provider answers first")
                .isInstanceOf(WriteBackResult.Unsupported.class);
        assertThat(writeBack.commit(user, orders.id(), ADD_POWERTOOLS, "", WriteTarget.newBranch("main", false)))
                .isEqualTo(new WriteBackResult.Refused("'main' is the project's own branch: commit to it directly, or name a new branch."));
        assertThat(commit(ORDERS, "main").getFullMessage()).isEqualTo("Sample project\n\nCreated by Stackdraft on first start.\n");
    }

    @Test
    void no_edits_commit_nothing() {
        assertThat(writeBack.commit(user, orders.id(), List.of(), "empty", WriteTarget.defaultBranch()))
                .isInstanceOf(WriteBackResult.NothingToChange.class);
    }

    @Test
    void the_template_text_is_the_branch_as_it_is_now() {
        String sample = file(ORDERS, "main", "template.yaml");
        assertThat(writeBack.templateText(user, orders.id())).contains(sample);

        String moved = sample.replace("MemorySize: 256", "MemorySize: 1024");
        BareRepos.commit(root, ORDERS, Map.of("template.yaml", moved));

        assertThat(writeBack.templateText(user, orders.id())).contains(moved);
    }

    @Test
    void a_template_gone_from_the_branch_is_said_in_a_sentence() {
        BareRepos.commit(root, ORDERS, Collections.singletonMap("template.yaml", null));

        assertThatThrownBy(() -> writeBack.templateText(user, orders.id()))
                .isInstanceOf(ProjectUnavailableException.class)
                .hasMessage("template.yaml is no longer a file on 'main': import the repository again.");
        assertThat(writeBack.commit(user, orders.id(), ADD_POWERTOOLS, "", WriteTarget.defaultBranch()))
                .isInstanceOfSatisfying(WriteBackResult.Refused.class,
                        r -> assertThat(r.message()).contains("no such file on branch 'main'"));
    }

    private void importAll(long userId) {
        importAll(imports, userId);
    }

    /** Imports everything the user's hosts list, and waits for the job to end. */
    static void importAll(ImportService imports, long userId) {
        long job = imports.start(userId).jobId();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> imports.latest(userId).orElseThrow(), p -> p.jobId() == job && p.status() != ImportStatus.RUNNING);
    }

    private Repository bare(String fullName) throws IOException {
        return new FileRepositoryBuilder().setGitDir(new LocalGitHost(root).directoryOf(fullName).toFile())
                .setMustExist(true).build();
    }

    private Optional<String> ref(String fullName, String branch) {
        try (Repository repository = bare(fullName)) {
            return Optional.ofNullable(repository.resolve("refs/heads/" + branch)).map(ObjectId::name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private RevCommit commit(String fullName, String branch) {
        try (Repository repository = bare(fullName); RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(repository.resolve("refs/heads/" + branch));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String file(String fullName, String branch, String path) {
        try (Repository repository = bare(fullName); RevWalk walk = new RevWalk(repository);
             TreeWalk tree = TreeWalk.forPath(repository, path,
                     walk.parseCommit(repository.resolve("refs/heads/" + branch)).getTree())) {
            return new String(repository.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
