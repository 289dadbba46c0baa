package dev.stackdraft.ui.project;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.stackdraft.editing.ReferenceRemoval;
import java.util.List;

/**
 * A resource that something still refers to is not deleted on a click: the user sees every place that refers to it,
 * which would go with it, and chooses to delete them together or to keep everything.
 */
class DeleteDialog extends Dialog {

    DeleteDialog(String id, List<ReferenceRemoval> removals, Runnable deleteTogether) {
        setId("delete-dialog");
        setHeaderTitle("Delete " + id + "?");
        setWidth("min(720px, 95vw)");
        UnorderedList places = new UnorderedList();
        places.setId("delete-references");
        for (ReferenceRemoval removal : removals) {
            Span text = new Span(removal.text());
            text.addClassName("code");
            ListItem item = new ListItem(new Span("line " + removal.line() + " · " + removal.place() + ": "), text);
            item.getElement().setAttribute("data-line", Integer.toString(removal.line()));
            places.add(item);
        }
        add(new Paragraph(id + " is still used in " + (removals.size() == 1 ? "one place" : removals.size() + " places")
                + ". Deleting it takes these away too (undo brings them back):"), new Div(places));
        Button together = new Button("Delete with " + (removals.size() == 1 ? "this reference" : "these references"),
                click -> {
                    close();
                    deleteTogether.run();
                });
        together.setId("delete-with-references");
        together.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.PRIMARY);
        Button cancel = new Button("Keep it", click -> close());
        cancel.setId("delete-cancel");
        getFooter().add(cancel, together);
    }
}
