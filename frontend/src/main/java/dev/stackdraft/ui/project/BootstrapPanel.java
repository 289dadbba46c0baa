package dev.stackdraft.ui.project;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import dev.stackdraft.editing.SessionEdit;
import dev.stackdraft.runtime.BootstrapCheck;
import dev.stackdraft.runtime.BootstrapReport;
import dev.stackdraft.runtime.LayerFiles;
import dev.stackdraft.runtime.RepositoryFiles;
import dev.stackdraft.template.Template;
import dev.stackdraft.ui.BackgroundWork;
import java.util.List;
import java.util.Map;

/**
 * For a function on an OS-only runtime ({@code provided.al2023}, {@code provided.al2}): whether it has the
 * {@code bootstrap} Lambda starts it with, in its code folder or in one of its layers (an account layer's content is
 * listed through AWS, so the check runs in the background), and, when none is found, a button that writes a small
 * shell bootstrap into the code folder as a pending change. Shows nothing for other runtimes.
 */
class BootstrapPanel extends Composite<Div> {

    private final Span message = new Span();
    private final Div actions = new Div();

    BootstrapPanel(Template template, String templatePath, String function, RepositoryFiles files, LayerFiles layers,
                   BackgroundWork background, Edits edits) {
        Div root = getContent();
        root.setId("bootstrap-status");
        root.addClassName("layer-panel");
        H4 heading = new H4("Bootstrap");
        heading.addClassName("panel-title");
        message.addClassName("import-status");
        root.add(heading, message, actions);
        root.getElement().setAttribute("data-state", "checking");
        message.setText("Looking for the bootstrap file…");
        addAttachListener(attached -> background.run(attached.getUI(),
                () -> BootstrapCheck.check(template, templatePath, function, files, layers),
                report -> show(report, template, templatePath, function, edits),
                e -> {
                    root.getElement().setAttribute("data-state", "failed");
                    message.setText("The bootstrap could not be looked for: " + e.getMessage());
                }));
    }

    /** Whether the function needs a bootstrap (its runtime is provided*): only then is the panel worth showing. */
    static boolean wanted(Template template, String function) {
        return BootstrapCheck.check(template, function, path -> true, arn -> List.of()).needed();
    }

    private void show(BootstrapReport report, Template template, String templatePath, String function, Edits edits) {
        Div root = getContent();
        root.getElement().setAttribute("data-state", report.found() ? "found" : report.needed() ? "missing" : "not-needed");
        message.setText(report.message());
        actions.removeAll();
        if (!report.missing()) {
            return;
        }
        String path;
        try {
            path = BootstrapCheck.bootstrapPath(template, templatePath, function);
        } catch (IllegalArgumentException noFolder) {
            actions.add(new Span(noFolder.getMessage()));
            return;
        }
        String handler = template.resource(function).flatMap(r -> r.property("Handler"))
                .filter(v -> v instanceof dev.stackdraft.template.Value.Scalar)
                .map(v -> ((dev.stackdraft.template.Value.Scalar) v).text()).orElse("function.handler");
        Button write = new Button("Write a shell bootstrap", click -> edits.apply(new SessionEdit(null, List.of(),
                Map.of(path, BootstrapCheck.shellBootstrap(handler)), "Write a shell bootstrap for " + function
                + " to " + path)));
        write.setId("bootstrap-write");
        write.setTooltipText("A POSIX shell runtime loop written to " + path + " (committed executable)");
        actions.add(write);
    }
}
