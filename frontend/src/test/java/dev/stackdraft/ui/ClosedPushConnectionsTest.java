package dev.stackdraft.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ClosedPushConnectionsTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private ClosedPushConnections filter;

    @BeforeEach
    void capture() {
        logged.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(logged);
        filter = new ClosedPushConnections();
    }

    @AfterEach
    void release() {
        context.getTurboFilterList().remove(filter);
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(logged);
    }

    @Test
    void a_push_to_a_browser_that_left_is_an_info_line_not_an_error_with_a_stack_trace() {
        LoggerFactory.getLogger("com.vaadin.flow.server.communication.PushAtmosphereHandler").error(
                "Exception in push connection",
                new IllegalStateException("Message will not be sent because the WebSocket session has been closed"));

        LoggerFactory.getLogger("org.atmosphere.cpr.AsynchronousProcessor").error("Failed to cancel resource: ea5a7681",
                new IllegalStateException("The remote endpoint was in state [TEXT_FULL_WRITING] which is an invalid state"
                        + " for called method"));
        // as Atmosphere logs it: the resource's id in a placeholder, the exception as the last parameter
        LoggerFactory.getLogger("org.atmosphere.cpr.AsynchronousProcessor").error("Failed to cancel resource: {}",
                "6069879e", new NullPointerException("Cannot invoke \"org.atmosphere.cpr.AtmosphereResource.getResponse()\""
                        + " because \"resource\" is null"));

        assertThat(logged.list).hasSize(3).allSatisfy(event -> {
            assertThat(event.getLevel().toString()).isEqualTo("INFO");
            assertThat(event.getThrowableProxy()).isNull();
        });
    }

    @Test
    void every_other_push_error_is_logged_as_it_was() {
        LoggerFactory.getLogger("com.vaadin.flow.server.communication.PushAtmosphereHandler").error(
                "Exception in push connection", new IllegalStateException("something else broke"));
        LoggerFactory.getLogger("some.other.Logger").error("Exception",
                new IllegalStateException("the WebSocket session has been closed"));
        LoggerFactory.getLogger("org.atmosphere.cpr.AsynchronousProcessor").error("Failed to cancel resource: {}",
                "6069879e", new NullPointerException("Cannot invoke \"String.length()\" because \"name\" is null"));

        assertThat(logged.list).hasSize(3).allSatisfy(event -> assertThat(event.getLevel().toString()).isEqualTo("ERROR"));
    }
}
