package dev.stackdraft.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.edit.EditRefusedException;
import dev.stackdraft.edit.Editor;
import dev.stackdraft.edit.RemoveResource;
import dev.stackdraft.edit.RenameLogicalId;
import dev.stackdraft.graph.Edge;
import dev.stackdraft.template.TemplateReader;
import org.junit.jupiter.api.Test;

class EditingSessionTest {

    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              # orders are kept here
              Orders:
                Type: AWS::Serverless::SimpleTable
              Handler:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.13
                  Handler: app.handler
                  CodeUri: src/
                  Environment:
                    Variables:
                      TABLE: !Ref Orders  # the table's name
            """;

    private final EditingSession session = new EditingSession(7, new TemplateReader().read("template.yaml", TEMPLATE),
            new Editor());

    @Test
    void edits_apply_in_order_and_undo_and_redo_walk_them_back_and_forth() {
        session.apply(new RenameLogicalId("Orders", "OrdersTable"));
        session.apply(new RenameLogicalId("Handler", "CreateOrder"));

        assertThat(session.pending()).hasSize(2);
        assertThat(session.graph().edges()).contains(new Edge("CreateOrder", "OrdersTable", Edge.REF));
        assertThat(session.current().source().text()).contains("# orders are kept here", "!Ref OrdersTable  # the table's name");

        session.undo();
        assertThat(session.graph().edges()).contains(new Edge("Handler", "OrdersTable", Edge.REF));
        assertThat(session.canRedo()).isTrue();
        session.redo();
        assertThat(session.current().resource("CreateOrder")).isPresent();

        session.undo();
        session.undo();
        assertThat(session.current().source().text()).isEqualTo(TEMPLATE);
        assertThat(session.diff()).as("nothing to write").isEmpty();
        assertThat(session.canUndo()).isFalse();
        session.undo(); // nothing left: nothing happens
        assertThat(session.current().source().text()).isEqualTo(TEMPLATE);
    }

    @Test
    void a_new_edit_drops_what_was_undone() {
        session.apply(new RenameLogicalId("Orders", "OrdersTable"));
        session.undo();
        session.apply(new RenameLogicalId("Handler", "CreateOrder"));

        assertThat(session.canRedo()).isFalse();
        assertThat(session.commands()).containsExactly(new RenameLogicalId("Handler", "CreateOrder"));
    }

    @Test
    void the_diff_shows_only_the_changed_lines_and_keeps_the_comments() {
        session.apply(new RenameLogicalId("Orders", "OrdersTable"));

        assertThat(session.diff()).startsWith("--- a/template.yaml\n+++ b/template.yaml\n")
                .contains("-  Orders:\n", "+  OrdersTable:\n", "-          TABLE: !Ref Orders  # the table's name\n",
                        "+          TABLE: !Ref OrdersTable  # the table's name\n")
                .doesNotContain("-  # orders are kept here");
    }

    @Test
    void a_refused_edit_changes_nothing_and_says_why() {
        assertThatThrownBy(() -> session.apply(new RemoveResource("Orders")))
                .isInstanceOf(EditRefusedException.class).hasMessageContaining("Orders");

        assertThat(session.pending()).isEmpty();
        assertThat(session.current().source().text()).isEqualTo(TEMPLATE);
    }

    @Test
    void a_form_field_submitted_as_it_was_is_no_pending_change() {
        boolean changed = session.apply(PropertyForms.set(session.current(), "Handler", "Runtime", "python3.13"));

        assertThat(changed).isFalse();
        assertThat(session.pending()).isEmpty();
        assertThat(session.canUndo()).isFalse();
        assertThat(session.apply(PropertyForms.set(session.current(), "Handler", "Runtime", "python3.14"))).isTrue();
        assertThat(session.pending()).containsExactly("Set Runtime of Handler");
    }

    @Test
    void a_file_with_a_repeated_key_opens_and_its_quick_fix_makes_it_editable() {
        EditingSession repeated = new EditingSession(8, new TemplateReader().read("template.yaml", TEMPLATE.replace(
                "      Handler: app.handler\n", "      Handler: old.handler\n      Handler: app.handler\n")), new Editor());
        assertThatThrownBy(() -> repeated.apply(new RenameLogicalId("Orders", "OrdersTable")))
                .hasMessageContaining("duplicate key 'Handler'");

        repeated.apply(new dev.stackdraft.edit.KeepLastDuplicateKeys());
        repeated.apply(new RenameLogicalId("Orders", "OrdersTable"));

        assertThat(repeated.current().source().text()).doesNotContain("old.handler").contains("!Ref OrdersTable");
        repeated.undo();
        repeated.undo();
        assertThat(repeated.current().source().text()).contains("old.handler");
    }

    private static final String SAMCONFIG = """
            version = 0.1
            # the shared one
            [prod.deploy.parameters]
            stack_name = "orders-prod"
            region = "eu-west-1"
            parameter_overrides = "Stage=\\"prod\\""
            """;

    private EditingSession withSamconfig(String text, java.util.Optional<String> problem) {
        ProjectFiles files = new ProjectFiles("app/template.yaml", java.util.Set.of("app/template.yaml",
                "app/samconfig.toml", "app/src/app.py"), dev.stackdraft.environment.Environments.parse(
                java.nio.file.Path.of("app/samconfig.toml"), problem.isPresent() ? "" : text), problem);
        return new EditingSession(9, new TemplateReader().read("app/template.yaml", TEMPLATE), files, new Editor());
    }

    @Test
    void a_step_changes_template_and_samconfig_together_and_undo_takes_back_both() {
        EditingSession edits = withSamconfig(SAMCONFIG, java.util.Optional.empty());
        edits.apply(SessionEdit.of(new RenameLogicalId("Orders", "OrdersTable"),
                java.util.List.of(new ConfigEdit.SetParameter("prod", "TableName", "orders-central"))));

        assertThat(edits.environments().environment("prod").orElseThrow().parameterOverrides())
                .containsEntry("TableName", "orders-central").containsEntry("Stage", "prod");
        assertThat(edits.otherFiles()).containsOnlyKeys("app/samconfig.toml");
        assertThat(new String(edits.otherFiles().get("app/samconfig.toml"))).contains("# the shared one",
                "TableName=\\\"orders-central\\\"");
        assertThat(edits.diff()).contains("--- a/app/template.yaml", "--- a/app/samconfig.toml");
        assertThat(edits.pending().getFirst()).contains("Rename", "TableName");

        edits.undo();
        assertThat(edits.environments().text()).isEqualTo(SAMCONFIG);
        assertThat(edits.otherFiles()).isEmpty();
        edits.redo();
        assertThat(edits.environments().environment("prod").orElseThrow().parameterOverrides()).containsKey("TableName");
    }

    @Test
    void a_new_file_is_written_once_and_never_over_one_the_repository_has() {
        EditingSession edits = withSamconfig(SAMCONFIG, java.util.Optional.empty());
        edits.apply(new SessionEdit(null, java.util.List.of(), java.util.Map.of("app/src/bootstrap", "#!/bin/sh\n"),
                "Write a bootstrap"));

        assertThat(edits.hasFile("app/src/bootstrap")).isTrue();
        assertThat(edits.otherFiles()).containsOnlyKeys("app/src/bootstrap");
        assertThat(edits.commands()).isEmpty();
        assertThatThrownBy(() -> edits.apply(new SessionEdit(null, java.util.List.of(),
                java.util.Map.of("app/src/app.py", "print()"), "Overwrite")))
                .isInstanceOf(EditRefusedException.class).hasMessageContaining("has this file already");
        assertThat(edits.pending()).containsExactly("Write a bootstrap");
    }

    @Test
    void an_unreadable_samconfig_keeps_the_template_editable_and_its_environments_untouched() {
        EditingSession edits = withSamconfig(SAMCONFIG, java.util.Optional.of("app/samconfig.toml:1:1: broken"));

        assertThat(edits.apply(new RenameLogicalId("Orders", "OrdersTable"))).isTrue();
        assertThatThrownBy(() -> edits.apply(SessionEdit.of(new ConfigEdit.SetParameter("prod", "A", "b"))))
                .isInstanceOf(EditRefusedException.class).hasMessageContaining("cannot be changed while this file does not read");
        assertThat(edits.otherFiles()).isEmpty();
    }
}
