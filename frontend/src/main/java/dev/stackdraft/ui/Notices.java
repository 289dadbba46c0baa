package dev.stackdraft.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.stackdraft.account.AccountException;
import dev.stackdraft.hosting.HostException;
import dev.stackdraft.project.ProjectUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the user is told: a clear sentence in a notification, never a stack trace (that goes to the log). */
public final class Notices {

    private static final Logger log = LoggerFactory.getLogger(Notices.class);

    private Notices() {}

    public static void error(String sentence) {
        Notification notification = Notification.show(sentence, 8000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.ERROR);
        notification.setId("error-notice");
    }

    public static void success(String sentence) {
        Notification notification = Notification.show(sentence, 4000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.SUCCESS);
    }

    /** Tells the user {@code what} failed, with the reason where it is meant for people; logs the rest. */
    public static void failed(String what, Throwable error) {
        if (error instanceof HostException || error instanceof AccountException
                || error instanceof ProjectUnavailableException) {
            log.info("{} failed: {}", what, error.getMessage());
            error(what + " failed: " + error.getMessage());
        } else {
            log.error("{} failed", what, error);
            error(what + " failed because of a problem on the server. Please try again; the server log has the details.");
        }
    }
}
