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
}
