package dev.stackdraft.ui.project;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import dev.stackdraft.aws.LayerVersion;
import dev.stackdraft.project.LayerUpgradeSummary;
import dev.stackdraft.project.ProjectUpgrade;
import dev.stackdraft.project.UpgradeDelivery;
import java.util.function.Consumer;

/**
 * "Upgrade this layer everywhere": what will happen (this stack as a pending change, every other project of the user
 * that uses an older version as its own commit, or a branch and pull / merge request each) and, once done, the
 * summary of what moved where.
 */
class UpgradeDialog extends Dialog {

    private static final String OWN_BRANCH = "Commit to each project's own branch";
    private static final String REQUESTS = "A new branch and a pull / merge request per project";

    UpgradeDialog(LayerVersion version, Consumer<UpgradeDelivery> confirmed) {
        setId("upgrade-dialog");
        setHeaderTitle("Upgrade " + version.arn().name() + " to version " + version.version() + " everywhere");
        setWidth("min(640px, 95vw)");
        RadioButtonGroup<String> delivery = new RadioButtonGroup<>("Your other projects that use an older version");
        delivery.setId("upgrade-delivery");
        delivery.setItems(OWN_BRANCH, REQUESTS);
        delivery.setValue(REQUESTS);
        add(new Paragraph("In this stack every use of " + version.arn().name() + " moves to version "
                + version.version() + " as a pending change (with each environment's older value of a layer "
                + "parameter), committed with your other changes."), delivery);
        Button upgrade = new Button("Upgrade everywhere", click -> {
            close();
            confirmed.accept(OWN_BRANCH.equals(delivery.getValue()) ? new UpgradeDelivery.OwnBranch()
                    : new UpgradeDelivery.NewBranches(true));
        });
        upgrade.setId("upgrade-confirm");
        upgrade.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, upgrade);
    }

    /** What moved where in the user's other projects. */
    static Dialog summary(LayerUpgradeSummary summary) {
        Dialog dialog = new Dialog();
        dialog.setId("upgrade-summary");
        dialog.setHeaderTitle("Layer upgraded in your other projects");
        dialog.setWidth("min(760px, 95vw)");
        dialog.getElement().setAttribute("data-upgraded", Long.toString(summary.count(ProjectUpgrade.Kind.UPGRADED)));
        dialog.getElement().setAttribute("data-failed", Long.toString(summary.count(ProjectUpgrade.Kind.FAILED)));
        Pre text = new Pre(summary.describe());
        text.setId("upgrade-summary-text");
        text.addClassName("diff");
        dialog.add(text);
        Button close = new Button("Close", click -> dialog.close());
        close.setId("upgrade-summary-close");
        dialog.getFooter().add(close);
        return dialog;
    }
}
