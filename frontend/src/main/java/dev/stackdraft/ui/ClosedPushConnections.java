package dev.stackdraft.ui;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * A browser that closed its tab or navigated away while the server was pushing to it is a user leaving, not a server
 * failure: Vaadin's push handler and Atmosphere log it as an {@code ERROR} with a stack trace ("the WebSocket session
 * has been closed"; "Failed to cancel resource" because "the remote endpoint was in state TEXT_FULL_WRITING", or
 * because the resource was already gone when Atmosphere came to cancel it: a NullPointerException on a null
 * {@code resource}), which would hide real errors among many false ones. This filter turns exactly those into one INFO line; every other push
 * error still logs as Vaadin and Atmosphere log it.
 */
@Component
class ClosedPushConnections extends TurboFilter {

    private static final String PUSH_HANDLER = "com.vaadin.flow.server.communication.PushAtmosphereHandler";
    private static final String ATMOSPHERE = "org.atmosphere.cpr.AsynchronousProcessor";
    private static final org.slf4j.Logger log = LoggerFactory.getLogger(ClosedPushConnections.class);

    ClosedPushConnections() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.addTurboFilter(this);
            start();
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        // a message with placeholders ("Failed to cancel resource: {}") hands its exception over as the last parameter:
        // a turbo filter sees it before SLF4J takes it out
        Throwable problem = t != null ? t
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
        if (level == Level.ERROR && problem != null && browserLeft(logger.getName(), problem)) {
            log.info("A browser closed its push connection while the server was pushing to it (a tab closed or left)");
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    private static boolean browserLeft(String loggerName, Throwable problem) {
        String message = String.valueOf(problem.getMessage());
        if (problem instanceof IllegalStateException) {
            return PUSH_HANDLER.equals(loggerName) && message.contains("WebSocket session has been closed")
                    || ATMOSPHERE.equals(loggerName) && message.startsWith("The remote endpoint was in state [");
        }
        // Atmosphere cancelling a connection whose resource its own clean-up already removed (a race on leaving)
        return problem instanceof NullPointerException && ATMOSPHERE.equals(loggerName)
                && message.contains("AtmosphereResource") && message.endsWith("because \"resource\" is null");
    }
}
