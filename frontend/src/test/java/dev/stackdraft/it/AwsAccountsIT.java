package dev.stackdraft.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.aws.AwsAccount;
import dev.stackdraft.aws.AwsAccounts;
import dev.stackdraft.aws.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The AWS account registry in Chromium, against a real moto_server that the app reaches through the SDK's own
 * settings ({@link AppIT#MOTO}): link an account with a role and an external id, check it (the role is assumed, every
 * call allowed), a wrong account id refused with a sentence and nothing added, and unlinking after a confirmation.
 */
class AwsAccountsIT extends BrowserIT {

    private static final String ROLE = "arn:aws:iam::123456789012:role/stackdraft-ci";
    private static final String EXTERNAL_ID = "ext-it-4711";

    @Autowired
    AwsAccounts awsAccounts;

    private WebDriverWait wait;

    @BeforeEach
    void moto() throws IOException {
        Assumptions.assumeTrue(MOTO.isPresent(), MotoServer.whyNot());
        MOTO.orElseThrow().reset();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        // a layer in the account, so that ListLayerVersions and GetLayerVersion are tried too; published through a
        // client on the SDK's defaults only, as the app's are: moto is reached through aws.endpointUrl
        SdkBytes content = SdkBytes.fromByteArray(zip("bin/tool", "#!/bin/sh\necho tool\n"));
        try (LambdaClient lambda = LambdaClient.create()) {
            lambda.publishLayerVersion(r -> r.layerName("it-tools").compatibleRuntimesWithStrings("python3.12")
                    .content(c -> c.zipFile(content)));
        }
        awsAccounts.list(adminId()).forEach(a -> awsAccounts.remove(adminId(), a.name()));
    }

    @Test
    void an_account_is_linked_checked_with_its_role_refused_when_wrong_and_unlinked() {
        if (browser.findElements(By.id("sign-out")).isEmpty()) {
            signInAsAdmin(browser);
        }
        browser.get(app("/"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("nav-aws-accounts"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("aws-accounts-title"), "AWS accounts"));
        assertThat(browser.getTitle()).isEqualTo("AWS accounts · Stackdraft");
        assertThat(browser.findElement(By.id("aws-accounts-ways")).getText())
                .contains("external id", "server's own AWS credentials", "turned off");
        assertThat(count()).isZero();

        fill("sandbox", "123456789012", ROLE, EXTERNAL_ID);
        browser.findElement(By.id("aws-account-link")).click();
        wait.until(d -> count() == 1);
        assertThat(gridText()).contains("sandbox", "123456789012", ROLE, "external id set");
        assertThat(value("aws-account-external-id")).as("the external id is not kept in the form").isEmpty();
        assertThat(browser.getPageSource()).as("the external id is never sent back").doesNotContain(EXTERNAL_ID);
        assertThat(awsAccounts.list(adminId())).containsExactly(new AwsAccount("sandbox", "123456789012", ROLE, true));

        // the check: the role assumed in moto with its external id, then every call as the role
        assertThat(value("aws-check-region")).isEqualTo("us-east-1");
        checkButton("sandbox").click();
        WebElement report = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#aws-check-report[data-account='sandbox'][data-state='done']")));
        List<String> calls = report.findElements(By.cssSelector("li.aws-call")).stream()
                .map(li -> li.getDomAttribute("data-action") + "=" + li.getDomAttribute("data-outcome")).toList();
        assertThat(calls).containsExactly("sts:AssumeRole=allowed", "sts:GetCallerIdentity=allowed",
                "lambda:ListLayers=allowed", "lambda:ListLayerVersions=allowed", "lambda:GetLayerVersion=allowed");
        assertThat(browser.findElement(By.id("aws-check-summary")).getText())
                .contains("may do what it needs", "arn:aws:sts::123456789012:assumed-role/stackdraft-ci/");
        Chromium.screenshot(browser, "aws-accounts");

        // a region that is none: the check's sentence in the report, nothing breaks
        WebElement region = browser.findElement(By.cssSelector("#aws-check-region input"));
        region.sendKeys(Keys.chord(Keys.CONTROL, "a"), "the-moon", Keys.TAB);
        checkButton("sandbox").click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#aws-check-report[data-account='sandbox'][data-state='failed']")));
        assertThat(browser.findElement(By.id("aws-check-summary")).getText())
                .isEqualTo("'the-moon' is not an AWS region (like eu-west-1 or us-gov-west-1).");

        // an account id of 11 digits: the sentence, no stack trace, nothing added
        fill("staging", "12345678901", "", "");
        browser.findElement(By.id("aws-account-link")).click();
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("aws-link-error")));
        assertThat(problem.getText()).isEqualTo("The account id '12345678901' is not 12 digits.");
        WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("vaadin-notification-card[theme~='error']")));
        assertThat(notice.getText()).contains("is not 12 digits").doesNotContain("Exception", "\tat ");
        assertThat(count()).isEqualTo(1);
        assertThat(awsAccounts.list(adminId())).extracting(AwsAccount::name).containsExactly("sandbox");
        Chromium.screenshot(browser, "aws-accounts-refused");

        // unlinked only after the confirmation
        unlinkButton("sandbox").click();
        WebElement confirm = wait.until(ExpectedConditions.elementToBeClickable(By.id("aws-unlink-confirm")));
        assertThat(awsAccounts.list(adminId())).as("nothing unlinked before the confirmation").hasSize(1);
        Chromium.screenshot(browser, "aws-unlink-dialog");
        confirm.click();
        wait.until(d -> count() == 0);
        assertThat(awsAccounts.list(adminId())).isEmpty();
        assertThat(browser.findElement(By.id("aws-check-report")).isDisplayed()).isFalse();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private void fill(String name, String accountId, String role, String externalId) {
        type("aws-account-name", name);
        type("aws-account-id", accountId);
        type("aws-account-role", role);
        type("aws-account-external-id", externalId);
    }

    private static void type(String id, String text) {
        browser.findElement(By.cssSelector("#" + id + " input"))
                .sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, text, Keys.TAB);
    }

    private static String value(String id) {
        return browser.findElement(By.cssSelector("#" + id + " input")).getDomProperty("value");
    }

    private static int count() {
        return Integer.parseInt(browser.findElement(By.id("aws-accounts-grid")).getDomAttribute("data-count"));
    }

    private static String gridText() {
        return browser.findElements(By.cssSelector("#aws-accounts-grid vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).collect(Collectors.joining(" | "));
    }

    private static WebElement checkButton(String account) {
        return browser.findElement(By.cssSelector(".aws-account-check[data-account='" + account + "']"));
    }

    private static WebElement unlinkButton(String account) {
        return browser.findElement(By.cssSelector(".aws-account-unlink[data-account='" + account + "']"));
    }

    private static byte[] zip(String entry, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
