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
 * failure: Vaadin's push handler logs it as an {@code ERROR} with a stack trace ("the WebSocket session has been
 * closed"), which would hide real errors among many false ones. This filter turns exactly that into one INFO line;
 * every other push error still logs as Vaadin logs it.
 */
@Component
class ClosedPushConnections extends TurboFilter {

    private static final String PUSH_HANDLER = "com.vaadin.flow.server.communication.PushAtmosphereHandler";
    private static final org.slf4j.Logger log = LoggerFactory.getLogger(ClosedPushConnections.class);

    ClosedPushConnections() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.addTurboFilter(this);
            start();
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == Level.ERROR && t instanceof IllegalStateException && PUSH_HANDLER.equals(logger.getName())
                && String.valueOf(t.getMessage()).contains("WebSocket session has been closed")) {
            log.info("A browser closed its push connection while the server was pushing to it (a tab closed or left)");
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
