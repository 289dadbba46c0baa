package dev.stackdraft.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.stackdraft.config.BareRepos;
import dev.stackdraft.config.PlatformTest;
import dev.stackdraft.edit.Editor;
import dev.stackdraft.edit.LayerArn;
import dev.stackdraft.edit.UpgradeLayer;
import dev.stackdraft.git.GitServerFixture;
import dev.stackdraft.git.GitServerFixture.CommitInfo;
import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.HostRepository;
import dev.stackdraft.hosting.HostUser;
import dev.stackdraft.hosting.LocalGitHost;
import dev.stackdraft.project.ProjectUpgrade.Kind;
import dev.stackdraft.project.ProjectWriteBackOverHttpTest.OpenedRequest;
import dev.stackdraft.project.ProjectWriteBackOverHttpTest.ServerHost;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.TemplateReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Upgrade this layer everywhere" over real smart HTTP, on a GitHub-like host (pull requests) and the local
 * provider: several projects of one user on different versions of a layer, one not using it, one already current.
 */
class LayerUpgradesTest extends PlatformTest {

    @RegisterExtension
    static final GitServerFixture git = new GitServerFixture();

    static final String LAYER = "arn:aws:lambda:eu-west-1:123456789012:layer:shared-utils:";
    static final String V5 = LAYER + "5";
    static final String TITLE = "Upgrade layer shared-utils to version 5";

    @Autowired
    ProjectService projects;
    @Autowired
    ProjectWriteBack writeBack;
    @Autowired
    ProjectStore store;
    @Autowired
    LayerUpgrades upgrades;

    final TemplateReader reader = new TemplateReader();
    final StackAssessor assessor = new StackAssessor();

    long user;
    String prefix;
    URI apiBase;
    ServerHost host;
    /** Project by its short name in the test. */
    final Map<String, Stack> stacks = new LinkedHashMap<>();

    record Stack(String repo, String path, String template, String initial, long projectId) {}

    @BeforeEach
    void setUp(TestInfo test) {
        user = newUser("mona");
        prefix = test.getTestMethod().orElseThrow().getName();
        apiBase = URI.create("https://ghe-" + UUID.randomUUID() + ".example.com/api/v3");
        host = new ServerHost(git.credentials());
        hosts.give(user, new ConnectedHost(HostKind.GITHUB, apiBase, host));
    }

    @Test
    void every_project_on_an_older_version_gets_one_commit_that_moves_only_the_arns() {
        givenTheUsualProjects();
        long editing = stacks.get("editing").projectId();
        LayerUpgrades inPagesOfTwo = new LayerUpgrades(projects, writeBack, 2); // seven projects: four pages

        LayerUpgradeSummary summary = inPagesOfTwo.upgradeEverywhere(user, V5, Set.of(editing), UpgradeDelivery.ownBranch());

        assertThat(summary.layerVersionArn()).isEqualTo(V5);
        assertThat(summary.projects()).extracting(ProjectUpgrade::repository, ProjectUpgrade::kind, ProjectUpgrade::versionsBefore)
                .containsExactly(
                        tuple(full("a-orders"), Kind.UPGRADED, List.of(3)),
                        tuple(full("b-payments"), Kind.UPGRADED, List.of(3, 4)),
                        tuple(full("c-reports"), Kind.UPGRADED, List.of(2)),
                        tuple(full("e-billing"), Kind.ALREADY_CURRENT, List.of(5)),
                        tuple(full("g-legacy"), Kind.SKIPPED, List.of(3, 7)));
        assertThat(summary.checked()).as("all but the project being edited").isEqualTo(6);
        assertThat(summary.notUsing()).isEqualTo(1);
        for (String name : List.of("orders", "payments", "reports")) {
            Stack stack = stacks.get(name);
            ProjectUpgrade upgrade = upgradeOf(summary, stack);
            List<CommitInfo> log = git.log(stack.repo(), "main");
            assertThat(log).hasSize(2);
            assertThat(log.getFirst()).satisfies(c -> {
                assertThat(c.id()).isEqualTo(upgrade.commitId());
                assertThat(c.parents()).containsExactly(stack.initial());
                assertThat(c.message()).startsWith(TITLE + "\n\nMoves every use of " + LAYER.substring(0, LAYER.length() - 1)
                        + " from version");
                assertThat(c.authorName()).isEqualTo("Mona Octocat");
            });
            assertThat(upgrade.branch()).isEqualTo("main");
            assertThat(upgrade.pullRequest()).isNull();
            assertThat(upgrade.message()).isEqualTo("Committed " + upgrade.commitId().substring(0, 7) + " to 'main'.");
            assertUpgradedOn(stack, "main");
            assertThat(projects.find(user, stack.projectId())).get().extracting(ProjectSummary::lastCommit)
                    .as("the dashboard shows the upgrade").isEqualTo(upgrade.commitId());
        }
        assertThat(git.log(stacks.get("payments").repo(), "main").getFirst().message())
                .endsWith(" from versions 3, 4 to 5.");
        for (String name : List.of("search", "billing", "legacy", "editing")) {
            Stack stack = stacks.get(name);
            assertThat(git.head(stack.repo(), "main")).as(name + " is left as it was").contains(stack.initial());
            assertThat(git.received(stack.repo())).isEmpty();
        }
        assertThat(upgradeOf(summary, stacks.get("legacy")).message()).isEqualTo("Uses versions 3, 7: the upgrade "
                + "would move version 7 back to 5, so nothing was written. Upgrade it in the editor.");
        assertThat(summary.describe())
                .startsWith("Layer shared-utils to version 5 (" + V5 + "): 3 upgraded, 1 already current, 1 skipped; "
                        + "1 not using it, of 6 projects checked.\nUpgraded:\n- " + full("a-orders") + " template.yaml (3 → 5): Committed ")
                .contains("- " + full("b-payments") + " template.yaml (3, 4 → 5): Committed ")
                .contains("Already current:\n- " + full("e-billing") + " template.yaml (on 5): Already on version 5: nothing was written.\n")
                .doesNotContain("d-search", "f-editing");
    }

    @Test
    void a_project_that_fails_is_said_in_a_sentence_and_the_others_go_through() {
        givenTheUsualProjects();
        git.protectBranch(stacks.get("payments").repo(), "main");
        Stack orders = stacks.get("orders");
        String theirs = orders.template().replace(LAYER + "3", "arn:aws:lambda:eu-west-1:123456789012:layer:other-utils:1");
        git.beforeNextPush(orders.repo(), () -> git.commitAsOther(orders.repo(), "main", "Other utils", Map.of("template.yaml", theirs)));
        Stack broken = add("h-broken", "template.yaml", "Resources:\n  Fn:\n    Properties:\n      Layers: [" + LAYER
                + "3\n  Bad: : :\n");
        // a repository on a host whose token was revoked: it cannot even be read
        URI revokedApi = URI.create("https://ghe-" + UUID.randomUUID() + ".example.com/api/v3");
        ServerHost revoked = new ServerHost(git.wrongCredentials());
        hosts.give(user, new ConnectedHost(HostKind.GITHUB, apiBase, host), new ConnectedHost(HostKind.GITHUB, revokedApi, revoked));
        Stack elsewhere = add(revokedApi, "i-elsewhere", "template.yaml", template(layers(LAYER + "1")));

        LayerUpgradeSummary summary = upgrades.upgradeEverywhere(user, V5, Set.of(), UpgradeDelivery.ownBranch());

        assertThat(upgradeOf(summary, orders)).satisfies(u -> {
            assertThat(u.kind()).isEqualTo(Kind.FAILED);
            assertThat(u.commitId()).isNull();
            assertThat(u.message()).startsWith("'main' changed while you committed and your edits were not written: ")
                    .contains("no use of layer 'shared-utils'");
        });
        assertThat(upgradeOf(summary, stacks.get("payments"))).satisfies(u -> {
            assertThat(u.kind()).isEqualTo(Kind.FAILED);
            assertThat(u.versionsBefore()).containsExactly(3, 4);
            assertThat(u.message()).startsWith("The remote rejected the push to 'main'")
                    .endsWith(" Commit to a new branch instead and open a pull request.");
        });
        assertThat(upgradeOf(summary, broken)).satisfies(u -> {
            assertThat(u.kind()).isEqualTo(Kind.FAILED);
            assertThat(u.versionsBefore()).containsExactly(3);
            assertThat(u.message()).startsWith("The template cannot be read (template.yaml:")
                    .endsWith("): correct it, then upgrade the layer in the editor.");
        });
        assertThat(upgradeOf(summary, elsewhere)).satisfies(u -> {
            assertThat(u.kind()).isEqualTo(Kind.FAILED);
            assertThat(u.versionsBefore()).isEmpty();
            assertThat(u.message()).isEqualTo("Could not be read: GitHub refused your credentials (the token may have "
                    + "expired or been revoked): sign in with GitHub again.");
        });
        assertThat(git.head(stacks.get("payments").repo(), "main")).contains(stacks.get("payments").initial());
        assertThat(git.log(orders.repo(), "main")).extracting(CommitInfo::message).containsExactly("Other utils", "Initial commit");
        Stack reports = stacks.get("reports");
        assertThat(upgradeOf(summary, reports).kind()).as("the others still go through").isEqualTo(Kind.UPGRADED);
        assertUpgradedOn(reports, "main");
        assertThat(summary.count(Kind.FAILED)).isEqualTo(4);
        assertThat(summary.describe()).contains("Failed:\n- " + full("a-orders") + " template.yaml (on 3): 'main' changed while you committed",
                "- " + full("i-elsewhere") + " template.yaml (versions unknown): Could not be read: GitHub refused your credentials");
    }

    @Test
    void new_branches_get_the_upgrade_each_with_a_pull_request_into_the_project_branch() {
        Stack orders = add("a-orders", "template.yaml", template(layers(LAYER + "3")));
        // two stacks of one repository: each its own branch and pull request
        String api = template(layers(LAYER + "4"));
        String worker = template(layers(LAYER + "2", "arn:aws:lambda:eu-west-1:123456789012:layer:other-utils:1"));
        String monorepo = prefix + "-b-monorepo";
        String initial = git.createRepository(monorepo, Map.of("services/api/template.yaml", api,
                "services/worker/template.yaml", worker));
        long repositoryId = saveRepository(apiBase, monorepo);
        store.recordScan(repositoryId, "main", initial, List.of(scanned("services/api/template.yaml", api),
                scanned("services/worker/template.yaml", worker)), List.of());
        for (ProjectSummary p : projects.visibleTo(user, "monorepo", null)) {
            stacks.put(p.templatePath(), new Stack(monorepo, p.templatePath(), p.templatePath().contains("api") ? api : worker,
                    initial, p.id()));
        }

        LayerUpgradeSummary summary = upgrades.upgradeEverywhere(user, V5, Set.of(),
                UpgradeDelivery.requests());

        assertThat(summary.projects()).extracting(ProjectUpgrade::templatePath, ProjectUpgrade::kind, ProjectUpgrade::branch)
                .containsExactly(
                        tuple("template.yaml", Kind.UPGRADED, "stackdraft/upgrade-shared-utils-v5"),
                        tuple("services/api/template.yaml", Kind.UPGRADED, "stackdraft/upgrade-shared-utils-v5"),
                        tuple("services/worker/template.yaml", Kind.UPGRADED, "stackdraft/upgrade-shared-utils-v5-2"));
        assertThat(host.pullRequests).containsExactly(
                new OpenedRequest("acme/" + orders.repo(), "stackdraft/upgrade-shared-utils-v5", "main", TITLE,
                        "Moves every use of arn:aws:lambda:eu-west-1:123456789012:layer:shared-utils from version 3 to 5."),
                new OpenedRequest("acme/" + monorepo, "stackdraft/upgrade-shared-utils-v5", "main", TITLE,
                        "Moves every use of arn:aws:lambda:eu-west-1:123456789012:layer:shared-utils from version 4 to 5."),
                new OpenedRequest("acme/" + monorepo, "stackdraft/upgrade-shared-utils-v5-2", "main", TITLE,
                        "Moves every use of arn:aws:lambda:eu-west-1:123456789012:layer:shared-utils from version 2 to 5."));
        for (ProjectUpgrade upgrade : summary.projects()) {
            assertThat(upgrade.pullRequest()).isEqualTo(URI.create("https://github.example.com/acme/"
                    + (upgrade.repository().endsWith("monorepo") ? monorepo : orders.repo()) + "/pull/7"));
            assertThat(upgrade.message()).endsWith(" Opened pull request #7 into 'main'.");
            Stack stack = upgrade.templatePath().equals("template.yaml") ? orders : stacks.get(upgrade.templatePath());
            assertThat(git.log(stack.repo(), upgrade.branch())).extracting(CommitInfo::id)
                    .containsExactly(upgrade.commitId(), stack.initial());
            assertUpgradedOn(stack, upgrade.branch());
            assertThat(git.head(stack.repo(), "main")).as("the project's branch waits for the pull request").contains(stack.initial());
        }
        assertThat(git.read(monorepo, "stackdraft/upgrade-shared-utils-v5", "services/worker/template.yaml"))
                .as("each branch carries one project's upgrade").contains(worker);
        assertThat(summary.describe()).contains("- " + "acme/" + monorepo + " services/worker/template.yaml (2 → 5): "
                + "Committed ").contains("/pull/7\n");
    }

    @Test
    void on_the_local_provider_each_upgrade_is_a_branch_without_a_request_and_the_summary_says_so() {
        Path root = tempDir("stackdraft-local-upgrades");
        LocalGitHost local = new LocalGitHost(root, new HostUser("pat", "pat", "Pat Doe", "pat@stackdraft.local"));
        URI localApi = URI.create("local:/" + root.getFileName());
        hosts.give(user, new ConnectedHost(HostKind.LOCAL, localApi, local));
        String fullName = "team/orders";
        String original = template(layers(LAYER + "3"));
        BareRepos.create(root, fullName, Map.of("template.yaml", original));
        String initial = BareRepos.head(root, fullName);
        long repositoryId = store.saveRepository(HostKind.LOCAL, localApi, local.describe(fullName).orElseThrow());
        store.grantAccess(user, repositoryId);
        store.recordScan(repositoryId, "main", initial, List.of(scanned("template.yaml", original)), List.of());

        LayerUpgradeSummary summary = upgrades.upgradeEverywhere(user, V5, Set.of(),
                UpgradeDelivery.requests());

        ProjectUpgrade upgrade = summary.projects().getFirst();
        assertThat(summary.projects()).hasSize(1);
        assertThat(upgrade.kind()).isEqualTo(Kind.UPGRADED);
        assertThat(upgrade.branch()).isEqualTo("stackdraft/upgrade-shared-utils-v5");
        assertThat(upgrade.pullRequest()).isNull();
        assertThat(upgrade.message()).isEqualTo("Committed " + upgrade.commitId().substring(0, 7)
                + " to 'stackdraft/upgrade-shared-utils-v5'. The local provider has no pull requests: merge "
                + "'stackdraft/upgrade-shared-utils-v5' into 'main' when it suits you.");
        try (Repository bare = new FileRepositoryBuilder().setGitDir(local.directoryOf(fullName).toFile())
                .setMustExist(true).build(); RevWalk walk = new RevWalk(bare)) {
            RevCommit head = walk.parseCommit(bare.resolve("refs/heads/stackdraft/upgrade-shared-utils-v5"));
            assertThat(head.name()).isEqualTo(upgrade.commitId());
            assertThat(head.getParents()).extracting(RevCommit::name).containsExactly(initial);
            assertThat(head.getShortMessage()).isEqualTo(TITLE);
            try (TreeWalk file = TreeWalk.forPath(bare, "template.yaml", head.getTree())) {
                assertWrittenByTheEngine(new Stack(fullName, "template.yaml", original, initial, upgrade.projectId()),
                        new String(bare.open(file.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(BareRepos.head(root, fullName)).as("main waits for the user to merge").isEqualTo(initial);
        assertThat(summary.describe()).contains("- team/orders template.yaml (3 → 5): Committed ",
                "The local provider has no pull requests: merge 'stackdraft/upgrade-shared-utils-v5' into 'main'");
    }

    @Test
    void an_arn_that_is_no_layer_version_is_refused_in_a_sentence() {
        assertThatThrownBy(() -> upgrades.upgradeEverywhere(user, LAYER + "latest", Set.of(), UpgradeDelivery.ownBranch()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + LAYER + "latest' is not a layer version ARN: give the new version's full ARN, "
                        + "arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION.");
    }

    /** The template on the branch is what the engine makes of the original, reads back, and assesses as before. */
    private void assertUpgradedOn(Stack stack, String branch) {
        assertWrittenByTheEngine(stack, git.read(stack.repo(), branch, stack.path()).orElseThrow());
    }

    private void assertWrittenByTheEngine(Stack stack, String written) {
        Template original = reader.read(stack.path(), stack.template());
        assertThat(written).isEqualTo(new Editor().apply(original, new UpgradeLayer(V5)).text());
        Template readBack = reader.read(stack.path(), written);
        assertThat(readBack.hasReadErrors()).isFalse();
        assertThat(LayerUses.versions(readBack, LayerArn.parse(V5).orElseThrow())).containsExactly(5);
        assertThat(assessor.assess(stack.path(), readBack)).isEqualTo(assessor.assess(stack.path(), original));
        assertThat(written.replaceAll("layer:shared-utils:\\d+", "layer:shared-utils:N"))
                .as("only the versions moved")
                .isEqualTo(stack.template().replaceAll("layer:shared-utils:\\d+", "layer:shared-utils:N"));
    }

    /**
     * Seven projects, one a repository, listed by name: three on older versions, one using other layers only, one
     * already current, one open in the editor, one on versions older and newer.
     */
    private void givenTheUsualProjects() {
        add("a-orders", "template.yaml", template(layers(LAYER + "3")));
        add("b-payments", "template.yaml", template("""
                Globals:
                  Function:
                    Layers:
                      - %s4
                """.formatted(LAYER), layers("!Sub arn:aws:lambda:${AWS::Region}:123456789012:layer:shared-utils:3")));
        add("c-reports", "template.yaml", template("""
                Parameters:
                  UtilsLayer:
                    Type: String
                    Default: %s2 # pinned by ops
                """.formatted(LAYER), layers("!Ref UtilsLayer")));
        add("d-search", "template.yaml", template(layers("arn:aws:lambda:eu-west-1:123456789012:layer:other-utils:5",
                "arn:aws:lambda:eu-west-1:210987654321:layer:shared-utils:1")));
        add("e-billing", "template.yaml", template(layers(V5)));
        add("f-editing", "template.yaml", template(layers(LAYER + "1")));
        add("g-legacy", "template.yaml", template("""
                Globals:
                  Function:
                    Layers:
                      - %s7
                """.formatted(LAYER), layers(LAYER + "3")));
    }

    private Stack add(String name, String path, String template) {
        return add(apiBase, name, path, template);
    }

    /** A repository {@code <test>-<name>} holding one template, imported for the user as the importer would. */
    private Stack add(URI api, String name, String path, String template) {
        String repo = prefix + "-" + name;
        String initial = git.createRepository(repo, Map.of(path, template, "README.md", "# " + name + "\n"));
        long repositoryId = saveRepository(api, repo);
        store.recordScan(repositoryId, "main", initial, List.of(scanned(path, template)), List.of());
        long id = projects.visibleTo(user, repo, null).getFirst().id();
        Stack stack = new Stack(repo, path, template, initial, id);
        stacks.put(name.substring(name.indexOf('-') + 1), stack);
        return stack;
    }

    private long saveRepository(URI api, String repo) {
        HostRepository repository = new HostRepository(HostKind.GITHUB, UUID.randomUUID().toString(), "acme/" + repo,
                "main", git.cloneUri(repo), URI.create("https://github.example.com/acme/" + repo), true);
        long id = store.saveRepository(HostKind.GITHUB, api, repository);
        store.grantAccess(user, id);
        return id;
    }

    private ScannedStack scanned(String path, String template) {
        try {
            return assessor.assess(path, reader.read(path, template));
        } catch (TemplateException e) {
            return assessor.unreadable(path, e.getMessage());
        }
    }

    private String full(String name) {
        return "acme/" + prefix + "-" + name;
    }

    private ProjectUpgrade upgradeOf(LayerUpgradeSummary summary, Stack stack) {
        return summary.projects().stream().filter(p -> p.projectId() == stack.projectId()).findFirst().orElseThrow();
    }

    static String layers(String... arns) {
        StringBuilder out = new StringBuilder();
        for (String arn : arns) {
            out.append("        - ").append(arn).append('\n');
        }
        return out.toString();
    }

    static String template(String layers) {
        return template("", layers);
    }

    /** A small SAM stack with a comment, a function and its layers; {@code sections} go before the resources. */
    static String template(String sections, String layers) {
        return """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Description: A service of the team
                %s
                # Shared code comes from the utils layer.
                Resources:
                  Handler:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: app.handler
                      Runtime: python3.12
                      CodeUri: src/
                      Layers:
                %s""".formatted(sections, layers);
    }
}
