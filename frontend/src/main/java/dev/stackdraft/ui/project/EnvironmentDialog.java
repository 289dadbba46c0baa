package dev.stackdraft.ui.project;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import dev.stackdraft.aws.AwsAccount;
import dev.stackdraft.editing.ConfigEdit;
import dev.stackdraft.editing.SessionEdit;
import dev.stackdraft.environment.Environment;
import dev.stackdraft.environment.Environments;
import dev.stackdraft.ui.Notices;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Creates or changes an environment in {@code samconfig.toml}: its name, region, stack name and the AWS account it
 * deploys to (one of the user's linked accounts, or any 12-digit id). Applied as a pending change, committed with the
 * template; only the account's external id stays out of Git.
 */
class EnvironmentDialog extends Dialog {

    /**
     * @param current   the environment to change; null: a new one
     * @param stackBase what a new environment's stack name starts with ({@code <stackBase>-<name>})
     */
    EnvironmentDialog(Environments environments, @Nullable Environment current, String stackBase,
                      List<AwsAccount> registry, Edits edits, Consumer<String> saved) {
        setId("environment-dialog");
        setHeaderTitle(current == null ? "New environment" : "Environment " + current.name());
        setWidth("min(640px, 95vw)");
        TextField name = new TextField("Name");
        name.setId("environment-name");
        name.setHelperText("as in sam deploy --config-env NAME: dev, staging, prod …");
        TextField region = new TextField("Region");
        region.setId("environment-region");
        region.setPlaceholder("eu-west-1");
        TextField stack = new TextField("Stack name");
        stack.setId("environment-stack");
        stack.setPlaceholder(stackBase + "-NAME");
        ComboBox<String> account = new ComboBox<>("AWS account id");
        account.setId("environment-account");
        account.setAllowCustomValue(true);
        account.setItems(registry.stream().map(AwsAccount::accountId).distinct().toList());
        account.setItemLabelGenerator(id -> registry.stream().filter(a -> a.accountId().equals(id)).findFirst()
                .map(a -> id + " · " + a.name()).orElse(id));
        account.addCustomValueSetListener(typed -> account.setValue(typed.getDetail().strip()));
        account.setHelperText(registry.isEmpty() ? "No account is linked yet: link one under AWS accounts to list its "
                + "layers." : "one of your linked accounts, or any 12-digit id");
        if (current != null) {
            name.setValue(current.name());
            name.setReadOnly(true);
            if (current.region() != null) {
                region.setValue(current.region());
            }
            if (current.stackName() != null) {
                stack.setValue(current.stackName());
            }
            if (current.accountId() != null) {
                account.setValue(current.accountId());
            }
        }
        add(new Paragraph(environments.exists()
                ? "Environments are kept in " + environments.file() + ", where sam deploy --config-env reads them."
                : "There is no samconfig.toml beside the template yet: the first environment creates it."),
                name, region, stack, account);
        Button save = new Button("Save environment", click -> {
            String chosen = name.getValue().strip();
            String in = region.getValue().strip();
            if (chosen.isEmpty() || in.isEmpty()) {
                Notices.error("Give the environment a name and a region.");
                return;
            }
            String id = account.getValue() == null || account.getValue().isBlank() ? null : account.getValue().strip();
            String stackName = !stack.getValue().isBlank() ? stack.getValue().strip()
                    : current == null ? (stackBase + "-" + chosen).replaceAll("[^A-Za-z0-9-]", "-") : null;
            if (edits.apply(SessionEdit.of(new ConfigEdit.SetEnvironment(chosen, in, stackName, id)))) {
                close();
                saved.accept(chosen);
            }
        });
        save.setId("environment-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, save);
    }
}
