package dev.stackdraft.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/** Any error that reaches Vaadin becomes a notification with a sentence, never a stack trace in the page. */
@Component
class ErrorHandling implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(
                error -> {
                    if (com.vaadin.flow.component.UI.getCurrent() != null) {
                        Notices.failed("The last action", error.getThrowable());
                    }
                }));
    }
}
