package dev.stackdraft.ui.project;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.stackdraft.editing.EditingSession;
import dev.stackdraft.editing.ProjectEditing;
import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.project.ProjectSummary;
import dev.stackdraft.project.WriteBackResult;
import dev.stackdraft.project.WriteTarget;
import dev.stackdraft.ui.BackgroundWork;
import dev.stackdraft.ui.Notices;
import java.util.function.Consumer;

/**
 * Shows exactly what will be written (the unified diff, coloured, with line numbers), takes a message and the target
 * (the project's branch, or a new branch with a pull / merge request where the host has them), then commits and
 * pushes through the platform's write-back. Whatever happens, the user is told in a sentence and keeps their edits
 * unless they were committed.
 */
class CommitDialog extends Dialog {

    private static final String PROJECT_BRANCH = "project";
    private static final String NEW_BRANCH = "new";

    CommitDialog(ProjectEditing editing, BackgroundWork background, long userId, ProjectSummary project,
                 EditingSession session, Consumer<WriteBackResult.Committed> committed) {
        setId("commit-dialog");
        setHeaderTitle("Commit " + (session.pending().size() == 1 ? "1 change" : session.pending().size() + " changes"));
        setWidth("min(960px, 95vw)");

        Pre diff = DiffView.of(session.diff());
        diff.setId("commit-diff");
        TextArea message = new TextArea("Message");
        message.setId("commit-message");
        message.setWidthFull();
        message.setValue(String.join("\n", session.pending()));
        RadioButtonGroup<String> target = new RadioButtonGroup<>("Commit to");
        target.setId("commit-target");
        target.setItems(PROJECT_BRANCH, NEW_BRANCH);
        target.setItemLabelGenerator(t -> t.equals(PROJECT_BRANCH) ? "the project's branch (" + project.branch() + ")"
                : "a new branch");
        target.setValue(PROJECT_BRANCH);
        TextField branch = new TextField("New branch");
        branch.setId("commit-branch");
        branch.setValue("stackdraft/edit-" + Long.toString(System.currentTimeMillis(), 36));
        Checkbox pullRequest = new Checkbox(project.host() == HostKind.GITLAB ? "Open a merge request" : "Open a pull request");
        pullRequest.setId("commit-pull-request");
        boolean hostHasPullRequests = project.host() != HostKind.LOCAL;
        Runnable targetChanged = () -> {
            branch.setVisible(target.getValue().equals(NEW_BRANCH));
            pullRequest.setVisible(target.getValue().equals(NEW_BRANCH) && hostHasPullRequests);
        };
        target.addValueChangeListener(change -> targetChanged.run());
        targetChanged.run();
        Span outcome = new Span();
        outcome.setId("commit-outcome");
        outcome.addClassName("commit-outcome");

        Button commit = new Button("Commit and push");
        commit.setId("commit-confirm");
        commit.addThemeVariants(ButtonVariant.PRIMARY);
        commit.setDisableOnClick(true);
        commit.addClickListener(click -> {
            WriteTarget where = target.getValue().equals(NEW_BRANCH)
                    ? WriteTarget.newBranch(branch.getValue(), pullRequest.getValue()) : WriteTarget.defaultBranch();
            background.run(UI.getCurrent(), () -> editing.commit(userId, session, message.getValue(), where), result -> {
                commit.setEnabled(true);
                if (result instanceof WriteBackResult.Committed done) {
                    close();
                    committed.accept(done);
                } else {
                    outcome.setText(result.message() + (result instanceof WriteBackResult.Rejected r ? " " + r.suggestion() : ""));
                }
            }, e -> {
                commit.setEnabled(true);
                Notices.failed("Committing", e);
            });
        });
        Button cancel = new Button("Cancel", click -> close());
        cancel.setId("commit-cancel");

        add(new Paragraph("What will be written:"), diff, message, new Div(target, branch, pullRequest), outcome);
        getFooter().add(cancel, commit);
    }
}
