package dev.stackdraft.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.aws.AwsAccounts;
import dev.stackdraft.aws.MotoServer;
import dev.stackdraft.aws.NewAwsAccount;
import dev.stackdraft.edit.AddLayer;
import dev.stackdraft.edit.Editor;
import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.edit.MoveLayer;
import dev.stackdraft.edit.UpgradeLayer;
import dev.stackdraft.environment.Environment;
import dev.stackdraft.environment.Environments;
import dev.stackdraft.hosting.HostRepository;
import dev.stackdraft.hosting.LocalGitHost;
import dev.stackdraft.project.ProjectSummary;
import dev.stackdraft.template.TemplateReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.awaitility.Awaitility;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Issue 8's browser flow against a real moto_server: create environment {@code dev} on the account the server's own
 * credentials reach, open a function, choose a layer listed from moto in the dropdown (a layer for another runtime is
 * marked as not fitting), move it first, see "newer version available", upgrade it everywhere (this stack as a pending
 * change, the user's other project that uses it as its own commit), commit; then the branch holds exactly what the
 * engine's commands give, and the samconfig.toml beside the template holds the new environment.
 */
class LayerPickerIT extends BrowserIT {

    private static final String ACCOUNT = "123456789012"; // moto's
    private static final String REGION = "us-east-1";
    private static final String SHARED = "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":layer:shared-utils:";

    @Autowired
    AwsAccounts awsAccounts;

    private WebDriverWait wait;

    @BeforeEach
    void account_with_layers_and_another_project_using_one() throws Exception {
        Assumptions.assumeTrue(MOTO.isPresent(), "moto_server is not available: " + MotoServer.whyNot());
        MOTO.get().reset();
        publish("shared-utils", "v1: logging", List.of("python3.12"), List.of("arm64", "x86_64"));
        publish("shared-utils", "v2: logging and tracing", List.of("python3.12"), List.of("arm64", "x86_64"));
        publish("node-tools", "for node", List.of("nodejs22.x"), List.of("x86_64"));
        long admin = adminId();
        if (awsAccounts.find(admin, "sandbox").isEmpty()) {
            awsAccounts.add(admin, new NewAwsAccount("sandbox", ACCOUNT, null, null));
        }
        billingRepository();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class); // the panels are drawn anew per edit
    }

    @Test
    void pick_an_environment_choose_a_layer_from_the_account_move_it_first_upgrade_everywhere_and_commit() {
        ProjectSummary orders = sample("orders-service", "template.yaml");
        ProjectSummary billing = importedBilling();
        String before = read(orders.repository(), orders.branch(), orders.templatePath());
        String samconfigBefore = read(orders.repository(), orders.branch(), "samconfig.toml");
        openCanvas(orders);

        createEnvironment("dev", REGION, ACCOUNT);
        wait.until(ExpectedConditions.attributeToBe(By.id("environment-bar"), "data-reach", "reachable"));
        assertThat(browser.findElement(By.id("environment-aws")).getText()).contains("sandbox", ACCOUNT, REGION);

        select("CreateOrderFunction");
        wait.until(ExpectedConditions.attributeToBe(By.id("layer-panel"), "data-account-layers", "2"));
        assertThat(layerRows()).hasSize(1); // !Ref CommonLayer, defined in the template

        chooseLayer("node-tools · in the account");
        assertThat(browser.findElement(By.id("layer-choice-version")).getText()).contains("does not fit");
        chooseLayer("shared-utils · in the account");
        chooseInSelect("layer-choice-version", "version 1 · v1: logging");
        click(browser.findElement(By.id("layer-add")));
        wait.until(d -> layerRows().size() == 2);
        WebElement shared = layerRow("shared-utils");
        assertThat(shared.getDomAttribute("data-index")).isEqualTo("1");
        assertThat(shared.getDomAttribute("data-fit")).isEqualTo("fits");
        assertThat(shared.getDomAttribute("data-newer")).isEqualTo("2");
        assertThat(shared.getText()).contains("newer version 2 available");

        click(layerRow("shared-utils").findElement(By.cssSelector(".layer-up")));
        wait.until(d -> "0".equals(layerRow("shared-utils").getDomAttribute("data-index")));
        Chromium.screenshot(browser, "layer-picker");

        click(layerRow("shared-utils").findElement(By.cssSelector(".layer-upgrade-everywhere")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("upgrade-dialog")));
        browser.findElements(By.cssSelector("#upgrade-delivery vaadin-radio-button")).stream()
                .filter(b -> b.getText().toLowerCase(Locale.ROOT).contains("own branch")).findFirst().orElseThrow().click();
        browser.findElement(By.id("upgrade-confirm")).click();
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("upgrade-summary")));
        assertThat(summary.getDomAttribute("data-upgraded")).isEqualTo("1");
        assertThat(summary.getDomAttribute("data-failed")).isEqualTo("0");
        assertThat(browser.findElement(By.id("upgrade-summary-text")).getText()).contains("team/billing");
        browser.findElement(By.id("upgrade-summary-close")).click();
        wait.until(d -> "2".equals(layerRow("shared-utils").getDomAttribute("data-layer").replaceAll(".*:", "")));
        assertThat(pendingCount()).isEqualTo(4);

        assertThat(commitToNewBranch("stackdraft/layers")).contains("[dev.deploy.parameters]");

        String after = read(orders.repository(), "stackdraft/layers", orders.templatePath());
        assertThat(after).as("the template holds exactly the three layer edits").isEqualTo(expected(before, List.of(
                new AddLayer("CreateOrderFunction", SHARED + "1"),
                new MoveLayer("CreateOrderFunction", SHARED + "1", 0),
                new UpgradeLayer(SHARED + "2"))));
        assertThat(after).doesNotContain("AWS::SSM::Parameter");
        Environments environments = Environments.parse(Path.of("samconfig.toml"),
                read(orders.repository(), "stackdraft/layers", "samconfig.toml"));
        Environment dev = environments.environment("dev").orElseThrow();
        assertThat(dev.region()).isEqualTo(REGION);
        assertThat(dev.accountId()).isEqualTo(ACCOUNT);
        assertThat(environments.text()).as("the default environment is kept as it was").startsWith(samconfigBefore.strip());
        assertThat(read(billing.repository(), billing.branch(), billing.templatePath()))
                .as("the other project was upgraded on its own branch").contains(SHARED + "2").doesNotContain(SHARED + "1");
    }

    @Test
    void a_custom_runtime_without_bootstrap_is_said_and_a_shell_bootstrap_is_committed_executable() throws Exception {
        sample("orders-service", "template.yaml"); // signs in
        ProjectSummary billing = importedBilling();
        openCanvas(billing);

        select("Reports");
        WebElement status = wait.until(d -> {
            WebElement panel = d.findElement(By.id("bootstrap-status"));
            return "checking".equals(panel.getDomAttribute("data-state")) ? null : panel;
        });
        assertThat(status.getDomAttribute("data-state")).isEqualTo("missing");
        assertThat(status.getText()).contains("No bootstrap file in reports/", "provided.al2023");
        click(browser.findElement(By.id("bootstrap-write")));
        wait.until(d -> pendingCount() == 1);
        select("Invoices"); // python: no bootstrap panel
        assertThat(browser.findElements(By.id("bootstrap-status"))).isEmpty();
        select("Reports");
        wait.until(d -> "found".equals(d.findElement(By.id("bootstrap-status")).getDomAttribute("data-state")));

        assertThat(commitToNewBranch("stackdraft/bootstrap")).contains("reports/bootstrap");

        Path bare = DATA.resolve("git").resolve("team").resolve("billing.git");
        try (Git git = Git.open(bare.toFile()); org.eclipse.jgit.treewalk.TreeWalk walk =
                org.eclipse.jgit.treewalk.TreeWalk.forPath(git.getRepository(), "reports/bootstrap",
                        git.getRepository().parseCommit(git.getRepository().resolve("refs/heads/stackdraft/bootstrap"))
                                .getTree())) {
            assertThat(walk).as("reports/bootstrap on the new branch").isNotNull();
            assertThat(walk.getFileMode(0)).isEqualTo(org.eclipse.jgit.lib.FileMode.EXECUTABLE_FILE);
            String script = new String(git.getRepository().open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            assertThat(script).startsWith("#!/bin/sh").contains("/2018-06-01/runtime", "invocation/next");
        }
        assertThat(read(billing.repository(), "stackdraft/bootstrap", billing.templatePath()))
                .as("the template is not touched").isEqualTo(read(billing.repository(), billing.branch(),
                        billing.templatePath()));
    }

    // ---- what the user does -------------------------------------------------------------------------------------

    private void createEnvironment(String name, String region, String account) {
        browser.findElement(By.id("environment-new")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("environment-dialog")));
        browser.findElement(By.cssSelector("#environment-name input")).sendKeys(name);
        browser.findElement(By.cssSelector("#environment-region input")).sendKeys(region);
        WebElement id = browser.findElement(By.cssSelector("#environment-account input"));
        id.sendKeys(account);
        wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .anyMatch(item -> item.getText().startsWith(account)));
        id.sendKeys(Keys.ENTER);
        browser.findElement(By.id("environment-save")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("environment-dialog")));
        wait.until(d -> name.equals(d.findElement(By.id("environment-bar")).getDomAttribute("data-environment")));
    }

    private void chooseLayer(String label) {
        WebElement field = browser.findElement(By.cssSelector("#layer-choice input"));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), label.substring(0, 6));
        WebElement item = wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(e -> e.isDisplayed() && e.getText().strip().equals(label)).findFirst().orElse(null));
        item.click();
        wait.until(d -> d.findElement(By.id("layer-choice-version")).getDomAttribute("disabled") == null);
    }

    private static List<WebElement> layerRows() {
        return browser.findElements(By.cssSelector("#layer-rows .layer-row"));
    }

    private static WebElement layerRow(String name) {
        return layerRows().stream().filter(r -> name.equals(r.getDomAttribute("data-layer-name"))).findFirst()
                .orElseThrow();
    }

    // ---- the world around -----------------------------------------------------------------------------------------

    private static void publish(String name, String description, List<String> runtimes, List<String> architectures) {
        try (LambdaClient lambda = LambdaClient.builder().region(Region.of(REGION))
                .endpointOverride(MOTO.orElseThrow().endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build()) {
            lambda.publishLayerVersion(r -> r.layerName(name).description(description)
                    .compatibleRuntimesWithStrings(runtimes).compatibleArchitecturesWithStrings(architectures)
                    .content(c -> c.zipFile(SdkBytes.fromByteArray(zip("python/utils.py", "def log(): pass\n")))));
        }
    }

    private static byte[] zip(String entry, String text) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Another repository of the user (local provider), whose stack uses shared-utils version 1. */
    private static void billingRepository() throws Exception {
        Path bare = DATA.resolve("git").resolve("team").resolve("billing.git");
        if (Files.isDirectory(bare)) {
            return;
        }
        Path work = Files.createTempDirectory("billing");
        Files.writeString(work.resolve("template.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Invoices:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      CodeUri: src/
                      Layers:
                        - %s1  # shared utilities
                  Reports:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: provided.al2023
                      Handler: function.handler
                      CodeUri: reports/
                """.formatted(SHARED));
        Files.createDirectories(work.resolve("reports"));
        Files.writeString(work.resolve("reports/function.sh"), "function handler () { echo '{\"ok\": true}'; }\n");
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("Billing").setAuthor("Billing", "billing@example.com")
                    .setCommitter("Billing", "billing@example.com").setSign(false).call();
        }
        Git.cloneRepository().setURI(work.toUri().toString()).setDirectory(bare.toFile()).setBare(true).call().close();
    }

    private ProjectSummary importedBilling() {
        long admin = adminId();
        if (projects.visibleTo(admin, "team/billing", null).isEmpty()) {
            long job = imports.start(admin).jobId();
            Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> imports.latest(admin).orElseThrow(), p -> p.jobId() == job && !p.running());
        }
        return projects.visibleTo(admin, "team/billing", null).getFirst();
    }

    private static String read(String repository, String branch, String path) {
        LocalGitHost git = new LocalGitHost(DATA.resolve("git"));
        HostRepository found = git.repositories().stream().filter(r -> r.fullName().equals(repository)).findFirst()
                .orElseThrow();
        return new String(git.read(found, branch, path), StandardCharsets.UTF_8);
    }

    private String expected(String before, List<EditCommand> commands) {
        return new Editor().applyAll(new TemplateReader().read("template.yaml", before), commands).after().source().text();
    }
}
