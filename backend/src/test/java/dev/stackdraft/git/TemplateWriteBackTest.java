package dev.stackdraft.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.edit.EditRefusedException;
import dev.stackdraft.edit.Editor;
import dev.stackdraft.edit.SetProperty;
import dev.stackdraft.git.GitServerFixture.CommitInfo;
import dev.stackdraft.git.GitServerFixture.ReceivedCommand;
import dev.stackdraft.template.TemplateReader;
import dev.stackdraft.template.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Write-back against a real smart-HTTP git server: commit, push, the branch moving meanwhile, conflicts. */
class TemplateWriteBackTest {

    @RegisterExtension
    static final GitServerFixture git = new GitServerFixture();

    static final String TEMPLATE = WriteBackFixtures.resource("sam-app.template.yaml");
    static final Author USER = new Author("Alice Example", "12345+alice@users.noreply.github.com");
    static final List<EditCommand> MEMORY = List.of(new SetProperty("HelloFunction", List.of("MemorySize"), Value.number(512)));

    @TempDir
    Path cache;

    final TemplateWriteBack writeBack = new TemplateWriteBack();
    String repo = "";

    WorkingCopy checkout(TestInfo test, Map<String, String> files) {
        repo = test.getTestMethod().orElseThrow().getName();
        git.createRepository(repo, files);
        return new WorkingCopies(cache).checkout(repo, git.cloneUri(repo), "main", git.credentials());
    }

    WorkingCopy checkout(TestInfo test) {
        return checkout(test, Map.of("template.yaml", TEMPLATE, "README.md", "# sam-app\n"));
    }

    static String edited(String template, List<EditCommand> commands) {
        return new Editor().applyAll(new TemplateReader().read("template.yaml", template), commands).text();
    }

    String serverFile(String path) {
        return git.read(repo, "main", path).orElseThrow();
    }

    void assertNothingForced() {
        assertThat(git.received(repo)).extracting(ReceivedCommand::type)
                .as("every update the server was asked for moves a branch forward")
                .allMatch(t -> t == ReceiveCommand.Type.UPDATE || t == ReceiveCommand.Type.CREATE);
    }

    @Test
    void commit_and_push_lands_on_the_server_with_the_user_as_author_and_committer(TestInfo test) {
        WorkingCopy copy = checkout(test);
        String before = copy.head();

        Outcome outcome = writeBack.commit(copy, "template.yaml", MEMORY, USER, "Give HelloFunction more memory", Target.currentBranch());

        Outcome.Pushed pushed = (Outcome.Pushed) outcome;
        assertThat(pushed.branch()).isEqualTo("main");
        assertThat(pushed.attempts()).isEqualTo(1);
        assertThat(git.head(repo, "main")).contains(pushed.commitId());
        CommitInfo commit = git.log(repo, "main").getFirst();
        assertThat(commit).isEqualTo(new CommitInfo(pushed.commitId(), "Give HelloFunction more memory", USER.name(), USER.email(),
                USER.name(), USER.email(), List.of(before)));
        assertThat(serverFile("template.yaml")).isEqualTo(edited(TEMPLATE, MEMORY)).contains("MemorySize: 512")
                .contains("Handler: app.handler   # the entry point");
        assertThat(serverFile("README.md")).isEqualTo("# sam-app\n");
        assertThat(copy.head()).isEqualTo(pushed.commitId());
        assertThat(git.received(repo)).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(ReceiveCommand.Type.UPDATE);
            assertThat(c.oldId()).isEqualTo(before);
        });
    }

    @Test
    void a_new_branch_is_pushed_and_the_default_branch_is_untouched(TestInfo test) throws Exception {
        WorkingCopy copy = checkout(test);
        String main = copy.head();

        Outcome outcome = writeBack.commit(copy, "template.yaml", MEMORY, USER, "More memory", Target.newBranch("stackdraft/more-memory"));

        Outcome.Pushed pushed = (Outcome.Pushed) outcome;
        assertThat(pushed.branch()).isEqualTo("stackdraft/more-memory");
        assertThat(git.head(repo, "stackdraft/more-memory")).contains(pushed.commitId());
        assertThat(git.read(repo, "stackdraft/more-memory", "template.yaml")).contains(edited(TEMPLATE, MEMORY));
        assertThat(git.head(repo, "main")).contains(main);
        assertThat(serverFile("template.yaml")).isEqualTo(TEMPLATE);
        assertThat(git.received(repo)).extracting(ReceivedCommand::type).containsExactly(ReceiveCommand.Type.CREATE);
        assertThat(copy.head()).as("the working copy is back on its own branch").isEqualTo(main);
        assertThat(copy.read("template.yaml")).isEqualTo(TEMPLATE.getBytes(StandardCharsets.UTF_8));
        try (Git local = Git.open(copy.directory().toFile())) {
            assertThat(local.getRepository().getFullBranch()).isEqualTo("refs/heads/main");
        }
    }

    @Test
    void push_rejected_because_the_branch_moved_is_reapplied_on_the_new_commit(TestInfo test) {
        WorkingCopy copy = checkout(test);
        String theirs = TEMPLATE.replace("      CodeUri: world/\n", "      CodeUri: world/\n      Timeout: 30\n");
        String other = git.commitAsOther(repo, "main", "World needs more time", Map.of("template.yaml", theirs));

        Outcome outcome = writeBack.commit(copy, "template.yaml", MEMORY, USER, "More memory", Target.currentBranch());

        Outcome.Pushed pushed = (Outcome.Pushed) outcome;
        assertThat(pushed.attempts()).isEqualTo(2);
        List<CommitInfo> log = git.log(repo, "main");
        assertThat(log).extracting(CommitInfo::message).containsExactly("More memory", "World needs more time", "Initial commit");
        assertThat(log.getFirst().id()).isEqualTo(pushed.commitId());
        assertThat(log.getFirst().parents()).containsExactly(other);
        assertThat(serverFile("template.yaml")).isEqualTo(edited(theirs, MEMORY)).contains("Timeout: 30").contains("MemorySize: 512");
        assertNothingForced();
    }

    @Test
    void a_push_racing_another_push_on_the_server_is_retried(TestInfo test) {
        WorkingCopy copy = checkout(test);
        git.beforeNextPush(repo, () -> git.commitAsOther(repo, Map.of("README.md", "# raced\n")));

        Outcome outcome = writeBack.commit(copy, "template.yaml", MEMORY, USER, "More memory", Target.currentBranch());

        Outcome.Pushed pushed = (Outcome.Pushed) outcome;
        assertThat(pushed.attempts()).isEqualTo(2);
        assertThat(git.log(repo, "main")).extracting(CommitInfo::message)
                .containsExactly("More memory", "Someone else's change", "Initial commit");
        assertThat(serverFile("README.md")).isEqualTo("# raced\n");
        assertThat(serverFile("template.yaml")).isEqualTo(edited(TEMPLATE, MEMORY));
        assertThat(git.received(repo)).hasSize(2);
        assertNothingForced();
    }

    @Test
    void an_edit_that_no_longer_applies_after_the_branch_moved_is_a_conflict_and_the_server_is_untouched(TestInfo test) {
        WorkingCopy copy = checkout(test);
        String withoutHello = TEMPLATE.substring(0, TEMPLATE.indexOf("  HelloFunction:")) + TEMPLATE.substring(TEMPLATE.indexOf("  WorldFunction:"));
        String other = git.commitAsOther(repo, "main", "Remove HelloFunction", Map.of("template.yaml", withoutHello));
        String reason = engineRefusal(withoutHello, MEMORY);

        Outcome outcome = writeBack.commit(copy, "template.yaml", MEMORY, USER, "More memory", Target.currentBranch());

        assertThat(outcome).isEqualTo(new Outcome.Conflict(reason, MEMORY));
        assertThat(reason).startsWith("template.yaml:").contains("HelloFunction");
        assertThat(git.head(repo, "main")).contains(other);
        assertThat(serverFile("template.yaml")).isEqualTo(withoutHello);
        assertThat(git.received(repo)).isEmpty();
        assertThat(copy.head()).as("the working copy shows the remote as it is now").isEqualTo(other);
        assertThat(copy.read("template.yaml")).isEqualTo(withoutHello.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_refused_edit_writes_and_pushes_nothing(TestInfo test) throws Exception {
        WorkingCopy copy = checkout(test);
        String before = copy.head();
        List<EditCommand> commands = List.of(new SetProperty("NoSuchFunction", List.of("MemorySize"), Value.number(512)));

        Outcome outcome = writeBack.commit(copy, "template.yaml", commands, USER, "More memory", Target.currentBranch());

        assertThat(outcome).isEqualTo(new Outcome.Refused(engineRefusal(TEMPLATE, commands)));
        assertThat(git.head(repo, "main")).contains(before);
        assertThat(git.received(repo)).isEmpty();
        assertThat(copy.head()).isEqualTo(before);
        try (Git local = Git.open(copy.directory().toFile())) {
            assertThat(local.status().call().isClean()).isTrue();
        }
    }

    @Test
    void an_edit_that_changes_nothing_commits_nothing(TestInfo test) {
        WorkingCopy copy = checkout(test);
        String before = copy.head();

        assertThat(writeBack.commit(copy, "template.yaml", List.of(), USER, "Nothing", Target.currentBranch()))
                .isEqualTo(new Outcome.NothingToChange());
        assertThat(writeBack.commit(copy, "template.yaml", List.of(), USER, "Nothing", Target.currentBranch(),
                Map.of("README.md", "# sam-app\n".getBytes(StandardCharsets.UTF_8))))
                .as("another file written as it is").isEqualTo(new Outcome.NothingToChange());
        assertThat(git.head(repo, "main")).contains(before);
        assertThat(git.received(repo)).isEmpty();
    }

    @Test
    void the_same_change_made_meanwhile_by_someone_else_leaves_nothing_to_change(TestInfo test) {
        WorkingCopy copy = checkout(test);
        String same = git.commitAsOther(repo, "main", "Same idea", Map.of("template.yaml", edited(TEMPLATE, MEMORY)));

        Outcome outcome = writeBack.commit(copy, "template.yaml", MEMORY, USER, "More memory", Target.currentBranch());

        assertThat(outcome).isEqualTo(new Outcome.NothingToChange());
        assertThat(git.head(repo, "main")).contains(same);
        assertThat(git.received(repo)).isEmpty();
    }

    @Test
    void a_repository_without_templates_clones_and_refuses_a_write_back(TestInfo test) {
        WorkingCopy copy = checkout(test, Map.of("README.md", "# scripts\n", "src/app.py", "print('hi')\n"));

        assertThat(copy.files()).containsExactly("README.md", "src/app.py");
        Outcome outcome = writeBack.commit(copy, "template.yaml", MEMORY, USER, "More memory", Target.currentBranch());

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.message()).startsWith("template.yaml:1:1: no such file on branch 'main'"));
        assertThat(git.log(repo, "main")).hasSize(1);
        assertThat(git.received(repo)).isEmpty();
    }

    @Test
    void write_back_to_one_of_three_templates_leaves_the_others_byte_identical(TestInfo test) {
        String api = WriteBackFixtures.resource("api.template.yaml");
        String queue = WriteBackFixtures.resource("queue.template.json");
        WorkingCopy copy = checkout(test, Map.of("services/users/template.yaml", TEMPLATE, "services/api/template.yml", api,
                "infra/queue.json", queue));

        Outcome yaml = writeBack.commit(copy, "services/users/template.yaml", MEMORY, USER, "More memory", Target.currentBranch());
        List<EditCommand> timeout = List.of(new SetProperty("Queue", List.of("VisibilityTimeout"), Value.number(120)));
        Outcome json = writeBack.commit(copy, "infra/queue.json", timeout, USER, "Longer visibility", Target.currentBranch());

        assertThat(yaml).isInstanceOf(Outcome.Pushed.class);
        assertThat(json).isInstanceOf(Outcome.Pushed.class);
        assertThat(git.readBytes(repo, "main", "services/api/template.yml").orElseThrow()).isEqualTo(api.getBytes(StandardCharsets.UTF_8));
        assertThat(serverFile("services/users/template.yaml")).isEqualTo(edited(TEMPLATE, MEMORY));
        assertThat(serverFile("infra/queue.json")).isEqualTo(new Editor().applyAll(new TemplateReader().read("infra/queue.json", queue), timeout).text())
                .contains("120");
        assertThat(git.log(repo, "main")).extracting(CommitInfo::message).containsExactly("Longer visibility", "More memory", "Initial commit");
    }

    @Test
    void other_files_the_edit_touches_are_committed_with_the_template(TestInfo test) {
        WorkingCopy copy = checkout(test);
        byte[] requirements = "boto3==1.40.0\n".getBytes(StandardCharsets.UTF_8);

        Outcome outcome = writeBack.commit(copy, "template.yaml", MEMORY, USER, " ", Target.currentBranch(),
                Map.of("hello/requirements.txt", requirements));

        assertThat(outcome).isInstanceOf(Outcome.Pushed.class);
        assertThat(git.readBytes(repo, "main", "hello/requirements.txt")).contains(requirements);
        assertThat(serverFile("template.yaml")).isEqualTo(edited(TEMPLATE, MEMORY));
        assertThat(git.log(repo, "main")).hasSize(2).first()
                .extracting(CommitInfo::message).as("a blank message is made from the commands")
                .isEqualTo("Set MemorySize of HelloFunction");
    }

    @Test
    void another_file_changed_meanwhile_is_a_conflict_never_overwritten(TestInfo test) {
        WorkingCopy copy = checkout(test);
        String theirs = git.commitAsOther(repo, Map.of("README.md", "# their readme\n"));

        Outcome outcome = writeBack.commit(copy, "template.yaml", MEMORY, USER, "Memory and docs", Target.currentBranch(),
                Map.of("README.md", "# my readme\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Conflict.class, c -> {
            assertThat(c.message()).contains("README.md").contains("meanwhile");
            assertThat(c.commands()).isEqualTo(MEMORY);
        });
        assertThat(git.head(repo, "main")).contains(theirs);
        assertThat(serverFile("README.md")).isEqualTo("# their readme\n");
    }

    @Test
    void a_protected_branch_is_rejected_with_the_host_message_and_a_new_branch_still_works(TestInfo test) {
        WorkingCopy copy = checkout(test);
        String before = copy.head();
        git.protectBranch(repo, "main");

        Outcome outcome = writeBack.commit(copy, "template.yaml", MEMORY, USER, "More memory", Target.currentBranch());

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Rejected.class,
                r -> assertThat(r.message()).contains("'main'").contains("protected branch hook declined"));
        assertThat(git.head(repo, "main")).contains(before);
        assertThat(copy.head()).isEqualTo(before);
        assertThat(writeBack.commit(copy, "template.yaml", MEMORY, USER, "More memory", Target.newBranch("memory")))
                .isInstanceOf(Outcome.Pushed.class);
        assertThat(git.read(repo, "memory", "template.yaml")).contains(edited(TEMPLATE, MEMORY));
    }

    @Test
    void a_new_branch_whose_name_is_taken_is_rejected_not_overwritten(TestInfo test) {
        WorkingCopy copy = checkout(test);
        String taken = git.commitAsOther(repo, "feature", "Their feature", Map.of("feature.txt", "theirs\n"));

        Outcome outcome = writeBack.commit(copy, "template.yaml", MEMORY, USER, "More memory", Target.newBranch("feature"));

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Rejected.class,
                r -> assertThat(r.message()).contains("'feature' already exists"));
        assertThat(git.head(repo, "feature")).contains(taken);
        assertThat(git.received(repo)).isEmpty();
    }

    @Test
    void a_branch_that_keeps_moving_ends_in_a_conflict_after_the_retry_limit(TestInfo test) {
        WorkingCopy copy = checkout(test);
        for (int i = 1; i <= 3; i++) {
            String text = "# moved " + i + "\n";
            git.beforeNextPush(repo, () -> git.commitAsOther(repo, Map.of("README.md", text)));
        }

        Outcome outcome = new TemplateWriteBack(new Editor(), new TemplateReader(), 3)
                .commit(copy, "template.yaml", MEMORY, USER, "More memory", Target.currentBranch());

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Conflict.class, c -> {
            assertThat(c.message()).contains("kept moving").contains("3 attempts");
            assertThat(c.commands()).isEqualTo(MEMORY);
        });
        assertThat(git.log(repo, "main")).extracting(CommitInfo::authorName).containsOnly(GitServerFixture.OTHER.name()).hasSize(4);
        assertThat(git.received(repo)).hasSize(3);
        assertNothingForced();
    }

    @Test
    void file_urls_of_the_local_provider_are_written_back_too(TestInfo test) {
        repo = test.getTestMethod().orElseThrow().getName();
        git.createRepository(repo, Map.of("template.yaml", TEMPLATE));
        WorkingCopy copy = new WorkingCopies(cache).checkout(repo, git.fileUri(repo), "main", GitCredentials.NONE);
        git.commitAsOther(repo, Map.of("README.md", "# moved\n"));

        Outcome outcome = writeBack.commit(copy, "template.yaml", MEMORY, USER, "More memory", Target.currentBranch());

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Pushed.class, p -> assertThat(p.attempts()).isEqualTo(2));
        assertThat(serverFile("template.yaml")).isEqualTo(edited(TEMPLATE, MEMORY));
        assertThat(git.log(repo, "main")).hasSize(3);
    }

    @Test
    void paths_outside_the_repository_and_a_new_branch_named_as_the_current_one_are_refused(TestInfo test) {
        WorkingCopy copy = checkout(test);

        assertThatThrownBy(() -> writeBack.commit(copy, "../template.yaml", MEMORY, USER, "m", Target.currentBranch()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writeBack.commit(copy, "template.yaml", MEMORY, USER, "m", Target.currentBranch(),
                Map.of(".git/hooks/post-commit", new byte[0]))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writeBack.commit(copy, "template.yaml", MEMORY, USER, "m", Target.newBranch("main")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Target.newBranch("no spaces allowed")).isInstanceOf(IllegalArgumentException.class);
        assertThat(git.received(repo)).isEmpty();
    }

    @Test
    void symbolic_links_in_the_repository_are_neither_read_nor_written_through(TestInfo test) throws Exception {
        Path outside = cache.resolve("outside.yaml");
        Files.writeString(outside, TEMPLATE);
        Files.createDirectories(cache.resolve("outside-dir"));
        repo = test.getTestMethod().orElseThrow().getName();
        git.createRepository(repo, Map.of("template.yaml", TEMPLATE));
        git.symlinkAsOther(repo, "main", "linked.yaml", "../outside.yaml");
        git.symlinkAsOther(repo, "main", "linked-dir", "../outside-dir");
        WorkingCopy copy = new WorkingCopies(cache).checkout(repo, git.cloneUri(repo), "main", git.credentials());
        assertThat(Files.isSymbolicLink(copy.directory().resolve("linked.yaml"))).as("checked out as a link").isTrue();

        Outcome linkedTemplate = writeBack.commit(copy, "linked.yaml", MEMORY, USER, "m", Target.currentBranch());
        Outcome throughLinkedDir = writeBack.commit(copy, "template.yaml", MEMORY, USER, "m", Target.currentBranch(),
                Map.of("linked-dir/evil.txt", "x".getBytes(StandardCharsets.UTF_8)));

        assertThat(linkedTemplate).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.message()).contains("linked.yaml").contains("symbolic link"));
        assertThat(throughLinkedDir).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.message()).contains("linked-dir/evil.txt").contains("symbolic link"));
        assertThatThrownBy(() -> copy.read("linked.yaml")).isInstanceOf(IllegalArgumentException.class);
        assertThat(outside).hasContent(TEMPLATE.strip());
        assertThat(cache.resolve("outside-dir")).isEmptyDirectory();
        assertThat(git.received(repo)).isEmpty();
    }

    static String engineRefusal(String template, List<EditCommand> commands) {
        try {
            new Editor().applyAll(new TemplateReader().read("template.yaml", template), commands);
        } catch (EditRefusedException e) {
            return e.getMessage();
        }
        throw new AssertionError("the engine applied " + commands);
    }
}
