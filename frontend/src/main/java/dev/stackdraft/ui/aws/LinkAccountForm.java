package dev.stackdraft.ui.aws;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.stackdraft.aws.AwsAccount;
import dev.stackdraft.aws.AwsAccounts;
import dev.stackdraft.aws.AwsException;
import dev.stackdraft.aws.NewAwsAccount;
import dev.stackdraft.ui.Notices;
import java.util.function.Consumer;

/**
 * Links an AWS account: its name, 12-digit id, and optionally the role to assume with its external id. What is wrong
 * with the input is {@link NewAwsAccount}'s own sentence, shown under the form and as a notice; the external id is
 * typed into a password field and cleared once linked, as it is never shown again.
 */
class LinkAccountForm extends Composite<Div> {

    private final AwsAccounts accounts;
    private final long userId;
    private final Consumer<AwsAccount> linked;

    private final TextField name = new TextField("Name");
    private final TextField accountId = new TextField("Account id");
    private final TextField role = new TextField("Role ARN (optional)");
    private final PasswordField externalId = new PasswordField("External id (optional)");
    private final Paragraph problem = new Paragraph();

    LinkAccountForm(AwsAccounts accounts, long userId, Consumer<AwsAccount> linked) {
        this.accounts = accounts;
        this.userId = userId;
        this.linked = linked;

        name.setId("aws-account-name");
        name.setPlaceholder("prod");
        name.setHelperText("What environments call it");
        accountId.setId("aws-account-id");
        accountId.setPlaceholder("123456789012");
        accountId.setHelperText("12 digits");
        role.setId("aws-account-role");
        role.setPlaceholder("arn:aws:iam::123456789012:role/stackdraft");
        role.setHelperText("Empty: the server's own credentials");
        externalId.setId("aws-account-external-id");
        externalId.setHelperText("From the role's trust policy");
        // a browser must not offer to save it as a site password, nor fill one in
        externalId.getElement().setAttribute("autocomplete", "new-password");
        Button link = new Button("Link", click -> link());
        link.setId("aws-account-link");
        link.addThemeVariants(ButtonVariant.PRIMARY);
        problem.setId("aws-link-error");
        problem.addClassName("form-error");
        problem.setVisible(false);

        H2 title = new H2("Link an account");
        title.addClassName("panel-title");
        Div fields = new Div(name, accountId, role, externalId, link);
        fields.addClassNames("filters", "aws-link-fields");
        getContent().setId("aws-link-form");
        getContent().addClassNames("panel", "aws-link-form");
        getContent().add(title, fields, problem);
    }

    private void link() {
        AwsAccount account;
        try {
            if (!externalId.isEmpty() && role.getValue().isBlank()) {
                // said here in the form's words: the record's sentence names the CLI's --role-arn
                throw new AwsException("An external id is only used to assume a role: give the role ARN too, or "
                        + "leave the external id empty.");
            }
            account = accounts.add(userId, new NewAwsAccount(name.getValue().strip(), accountId.getValue().strip(),
                    role.getValue(), externalId.getValue()));
        } catch (AwsException e) {
            problem.setText(e.getMessage());
            problem.setVisible(true);
            Notices.error(e.getMessage());
            return;
        }
        problem.setVisible(false);
        name.clear();
        accountId.clear();
        role.clear();
        externalId.clear();
        Notices.success("Linked the AWS account " + account.name() + " (" + account.accountId() + ").");
        linked.accept(account);
    }
}
