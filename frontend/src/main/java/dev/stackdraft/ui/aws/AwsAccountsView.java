package dev.stackdraft.ui.aws;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.stackdraft.aws.AwsAccount;
import dev.stackdraft.aws.AwsAccounts;
import dev.stackdraft.aws.AwsException;
import dev.stackdraft.security.CurrentUser;
import dev.stackdraft.ui.BackgroundWork;
import dev.stackdraft.ui.Notices;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * The user's AWS accounts (issue 8): the ones linked, with how Stackdraft reaches each, a form to link another, and
 * per account a check of what its credentials may do in a region (run in the background: it calls AWS) and unlinking
 * it after a confirmation. Environments point to these accounts by name.
 */
@Route("aws-accounts")
@PageTitle("AWS accounts · Stackdraft")
@PermitAll
public class AwsAccountsView extends Main {

    static final String DEFAULT_REGION = "us-east-1";

    private final AwsAccounts accounts;
    private final BackgroundWork background;
    private final long userId;

    private final Grid<AwsAccount> grid = new Grid<>();
    private final TextField region = new TextField("Check in region");
    private final AccessReportPanel report = new AccessReportPanel();
    /** Counts the checks started: an answer that comes after a newer check was started is dropped. */
    private long checks;

    AwsAccountsView(CurrentUser currentUser, AwsAccounts accounts, BackgroundWork background) {
        this.accounts = accounts;
        this.background = background;
        this.userId = currentUser.require().userId();

        H1 title = new H1("AWS accounts");
        title.setId("aws-accounts-title");
        title.addClassName("page-title");
        Paragraph ways = new Paragraph("An environment points to one of these accounts and Stackdraft reaches it in "
                + "one of three ways. With a role, Stackdraft assumes that IAM role in the account, with the external id "
                + "its trust policy asks for; without a role, it uses the server's own AWS credentials (the AWS SDK's "
                + "default chain: environment, profile or instance role). An environment with no account has its AWS "
                + "features, such as the layer dropdown, turned off.");
        ways.setId("aws-accounts-ways");
        ways.addClassName("page-lead");

        LinkAccountForm form = new LinkAccountForm(accounts, userId, linked -> refresh());

        region.setId("aws-check-region");
        region.setValue(DEFAULT_REGION);
        region.setHelperText("Where Check tries the calls, e.g. eu-west-1");
        H2 linkedTitle = new H2("Linked accounts");
        linkedTitle.addClassName("panel-title");
        Div head = new Div(linkedTitle, region);
        head.addClassName("aws-accounts-head");

        grid.setId("aws-accounts-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No AWS account linked yet: link one above.");
        grid.addColumn(AwsAccount::name).setHeader("Name").setKey("name").setFlexGrow(1);
        grid.addComponentColumn(a -> {
            Span id = new Span(a.accountId());
            id.addClassName("code");
            return id;
        }).setHeader("Account id").setKey("account").setFlexGrow(1);
        grid.addComponentColumn(AwsAccountsView::reach).setHeader("Reached through").setKey("reach").setFlexGrow(4)
                .setTooltipGenerator(AwsAccountsView::reachText);
        grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0);

        Div accountsPanel = new Div(head, grid);
        accountsPanel.addClassNames("panel", "aws-accounts-panel");

        addClassNames("page", "aws-accounts-page");
        add(new Div(title, ways), form, accountsPanel, report);
        refresh();
    }

    /** The accounts anew from the database (a handful of rows per user: no paging). */
    private void refresh() {
        List<AwsAccount> linked = accounts.list(userId);
        grid.setItems(linked);
        grid.getElement().setAttribute("data-count", Integer.toString(linked.size()));
    }

    private Component actions(AwsAccount account) {
        Button check = new Button("Check", click -> check(account));
        check.addClassName("aws-account-check");
        check.getElement().setAttribute("data-account", account.name());
        check.addThemeVariants(ButtonVariant.SMALL);
        check.setTooltipText("Try what Stackdraft needs in " + account.name() + ", in the region above");
        Button unlink = new Button("Unlink", click -> confirmUnlink(account));
        unlink.addClassName("aws-account-unlink");
        unlink.getElement().setAttribute("data-account", account.name());
        unlink.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        Div actions = new Div(check, unlink);
        actions.addClassName("aws-account-actions");
        return actions;
    }

    /** Runs the access check off the UI thread: it calls STS and Lambda, which may take seconds or time out. */
    private void check(AwsAccount account) {
        String name = account.name();
        String where = region.getValue().strip();
        long run = ++checks;
        report.running(name, where);
        UI ui = UI.getCurrent();
        background.run(ui, () -> accounts.check(userId, name, where), result -> {
            if (run == checks) {
                report.show(name, where, result);
            }
        }, error -> {
            if (run != checks) {
                return;
            }
            if (error instanceof AwsException aws) {
                report.failed(name, where, aws.getMessage()); // the panel is where the answer was awaited
            } else {
                report.clear();
                Notices.failed("Checking the AWS account " + name, error);
            }
        });
    }

    private void confirmUnlink(AwsAccount account) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("aws-unlink-dialog");
        dialog.setHeader("Unlink " + account.name() + "?");
        dialog.setText("Stackdraft forgets account " + account.accountId() + " and how to reach it"
                + (account.roleArn() == null ? "" : " (the role and its external id)") + ". Environments that point to "
                + account.name() + " have no AWS features until an account of that name is linked again. Nothing "
                + "changes in AWS.");
        dialog.setCancelable(true);
        dialog.setCancelText("Keep it");
        Button confirm = new Button("Unlink", click -> {
            dialog.close();
            unlink(account);
        });
        confirm.setId("aws-unlink-confirm");
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        dialog.setConfirmButton(confirm);
        dialog.open();
    }

    private void unlink(AwsAccount account) {
        if (accounts.remove(userId, account.name())) {
            Notices.success("Unlinked the AWS account " + account.name() + ".");
        } else {
            Notices.error("There is no AWS account named " + account.name() + " any more: it was unlinked meanwhile.");
        }
        if (account.name().equals(report.account())) {
            checks++; // a check of it still running has nothing left to report on
            report.clear();
        }
        refresh();
    }

    private static Component reach(AwsAccount account) {
        if (account.roleArn() == null) {
            Span own = new Span("the server's own AWS credentials");
            own.addClassName("aws-reach-own");
            return own;
        }
        Span role = new Span("role ");
        Span arn = new Span(account.roleArn());
        arn.addClassName("code");
        role.add(arn);
        Span external = new Span(account.hasExternalId() ? "external id set" : "no external id");
        external.addClassNames("pill", account.hasExternalId() ? "ok" : "warn");
        Div reach = new Div(role, external);
        reach.addClassName("aws-reach");
        return reach;
    }

    static String reachText(AwsAccount account) {
        return account.roleArn() == null ? "the server's own AWS credentials"
                : "role " + account.roleArn() + (account.hasExternalId() ? ", external id set" : ", no external id");
    }
}
