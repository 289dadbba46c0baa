package dev.stackdraft.ui.aws;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import dev.stackdraft.aws.AccessReport;
import dev.stackdraft.aws.AccessReport.Permission;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a check of one account found: each call Stackdraft needs, allowed, denied, failed or skipped, with its
 * sentence, and as whom the calls ran. Hidden until the first check; {@code data-account} and {@code data-state}
 * ({@code running}, {@code done}, {@code failed}) say what it shows.
 */
class AccessReportPanel extends Composite<Div> {

    private final H2 title = new H2();
    private final Paragraph summary = new Paragraph();
    private final ProgressBar progress = new ProgressBar();
    private final UnorderedList calls = new UnorderedList();
    private @Nullable String account;

    AccessReportPanel() {
        title.addClassName("panel-title");
        summary.setId("aws-check-summary");
        summary.addClassName("aws-check-summary");
        progress.setIndeterminate(true);
        calls.setId("aws-check-calls");
        calls.addClassName("aws-check-calls");
        getContent().setId("aws-check-report");
        getContent().addClassNames("panel", "aws-check-report");
        getContent().add(title, progress, summary, calls);
        getContent().setVisible(false);
    }

    /** The account the panel shows (or is checking); null when hidden. */
    @Nullable String account() {
        return account;
    }

    void running(String name, String region) {
        show(name, "running", "Checking " + name + " in " + region + "…");
        summary.setText("Trying each call Stackdraft needs in the account; this takes a few seconds.");
        progress.setVisible(true);
    }

    void show(String name, String region, AccessReport report) {
        show(name, "done", "Access check of " + name + " in " + region);
        summary.setText(summary(report));
        for (Permission permission : report.permissions()) {
            calls.add(call(permission));
        }
    }

    void failed(String name, String region, String sentence) {
        show(name, "failed", "Access check of " + name + " in " + region);
        summary.setText(sentence);
    }

    void clear() {
        account = null;
        calls.removeAll();
        getContent().setVisible(false);
        getContent().getElement().removeAttribute("data-account");
        getContent().getElement().removeAttribute("data-state");
    }

    private void show(String name, String state, String heading) {
        account = name;
        title.setText(heading);
        calls.removeAll();
        progress.setVisible(false);
        getContent().getElement().setAttribute("data-account", name);
        getContent().getElement().setAttribute("data-state", state);
        getContent().setVisible(true);
    }

    private static String summary(AccessReport report) {
        String who = report.identityArn() == null ? "" : " The calls ran as " + report.identityArn() + ".";
        return (report.allAllowed()
                ? "Stackdraft may do what it needs in this account."
                : "Stackdraft may not do everything it needs in this account: see the calls below.") + who;
    }

    private static ListItem call(Permission permission) {
        String outcome = permission.outcome().name().toLowerCase(Locale.ROOT);
        Span pill = new Span(outcome);
        pill.addClassNames("pill", switch (permission.outcome()) {
            case ALLOWED -> "ok";
            case SKIPPED -> "neutral";
            case DENIED -> "bad";
            case FAILED -> "warn";
        });
        Span action = new Span(permission.action());
        action.addClassNames("code", "aws-call-action");
        Span detail = new Span(sentence(permission));
        detail.addClassName("aws-call-detail");
        ListItem item = new ListItem(pill, action, detail);
        item.addClassName("aws-call");
        item.getElement().setAttribute("data-action", permission.action());
        item.getElement().setAttribute("data-outcome", outcome);
        return item;
    }

    /** The call's outcome as a sentence: the check's own for denied and failed calls, the reason for skipped ones. */
    static String sentence(Permission permission) {
        String detail = permission.detail().strip();
        return switch (permission.outcome()) {
            case ALLOWED -> "Allowed.";
            case SKIPPED -> "Not tried: " + period(detail.isEmpty() ? "no reason given" : detail);
            case DENIED, FAILED -> period(capitalised(detail.isEmpty()
                    ? permission.outcome().name().toLowerCase(Locale.ROOT) : detail));
        };
    }

    private static String period(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
