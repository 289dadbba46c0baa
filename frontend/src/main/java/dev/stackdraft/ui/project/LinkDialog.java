package dev.stackdraft.ui.project;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import dev.stackdraft.editing.links.LinkOption;
import java.util.List;
import java.util.function.Consumer;

/**
 * What connecting two cards can write (an event source, a policy template, a connector, an environment variable),
 * from the link table; the user picks one and it is applied as one edit. The first (best) one is chosen to start.
 */
class LinkDialog extends Dialog {

    LinkDialog(String from, String to, List<LinkOption> options, Consumer<LinkOption> chosen) {
        setId("link-dialog");
        setHeaderTitle("Connect " + from + " and " + to);
        setWidth("min(720px, 95vw)");
        RadioButtonGroup<LinkOption> choice = new RadioButtonGroup<>("What to write");
        choice.setId("link-options");
        choice.setItems(options);
        choice.setRenderer(new ComponentRenderer<>(option -> {
            Span label = new Span(option.label());
            label.addClassName("link-label");
            Span description = new Span(option.description());
            description.addClassName("import-status");
            Div item = new Div(label, description);
            item.addClassName("link-option");
            item.getElement().setAttribute("data-link-kind", option.kind());
            return item;
        }));
        choice.setValue(options.getFirst());
        add(new Paragraph(options.size() == 1 ? "One way to link them:" : options.size() + " ways to link them:"), choice);
        Button connect = new Button("Connect", click -> {
            if (choice.getValue() != null) {
                close();
                chosen.accept(choice.getValue());
            }
        });
        connect.setId("link-confirm");
        connect.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button("Cancel", click -> close());
        cancel.setId("link-cancel");
        getFooter().add(cancel, connect);
    }
}
