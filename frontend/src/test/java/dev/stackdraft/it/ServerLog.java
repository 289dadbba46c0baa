package dev.stackdraft.it;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Records what the server logged that means something went wrong: every {@code ERROR} line, every line with a
 * stack trace whatever its level, and Vaadin's UI resynchronisations. Configured in {@code logback-test.xml}, so it sees the whole run from the first
 * line the app logs; {@link AppIT} checks after each browser test that nothing was recorded, so that a page that
 * looks fine while the server fails is caught.
 *
 * <p>It also keeps every line (message, MDC values, the messages of any exception and its causes) until
 * {@link #linesHolding} reads them: AppIT checks after each test that none holds a secret the tests know, so the
 * whole run is covered, start-up included.
 */
public final class ServerLog extends AppenderBase<ILoggingEvent> {

    private static final List<String> PROBLEMS = new CopyOnWriteArrayList<>();
    private static final List<String> LINES = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
        LINES.add(everything(event));
        IThrowableProxy thrown = event.getThrowableProxy();
        if (event.getLevel().isGreaterOrEqual(Level.ERROR) || thrown != null || resynchronisation(event)) {
            PROBLEMS.add(event.getLevel() + " [" + event.getThreadName() + "] " + event.getLoggerName() + ": "
                    + event.getFormattedMessage() + (thrown == null ? "" : "\n  " + thrown.getClassName() + ": "
                    + thrown.getMessage()));
        }
    }

    /** Vaadin had to send the whole UI again: client and server fell out of step (a page that floods the browser). */
    private static boolean resynchronisation(ILoggingEvent event) {
        return event.getFormattedMessage() != null
                && event.getFormattedMessage().toLowerCase(Locale.ROOT).contains("resynchroniz");
    }

    /** All that a line can show: the message, the MDC, the exception chain's messages. */
    private static String everything(ILoggingEvent event) {
        StringBuilder line = new StringBuilder().append(event.getLevel()).append(' ').append(event.getLoggerName())
                .append(": ").append(event.getFormattedMessage()).append(' ').append(event.getMDCPropertyMap());
        if (event.getKeyValuePairs() != null) {
            line.append(' ').append(event.getKeyValuePairs());
        }
        for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
            line.append("\n  ").append(thrown.getClassName()).append(": ").append(thrown.getMessage());
        }
        return line.toString();
    }

    /**
     * The lines logged since the last call that contain any of {@code secrets} (blank ones ignored), each with the
     * secret masked; forgets all lines read.
     */
    static List<String> linesHolding(Collection<String> secrets) {
        List<String> read = new ArrayList<>(LINES);
        LINES.removeAll(read);
        List<String> holding = new ArrayList<>();
        for (String line : read) {
            for (String secret : secrets) {
                if (!secret.isBlank() && line.contains(secret)) {
                    holding.add(line.replace(secret, "<secret of " + secret.length() + " characters>"));
                }
            }
        }
        return holding;
    }

    /** What was recorded since the last {@link #takeProblems}, and forgets it. */
    static List<String> takeProblems() {
        List<String> taken = new ArrayList<>(PROBLEMS);
        PROBLEMS.removeAll(taken);
        return taken;
    }

    /** Forgets the problems a test expects (it provoked them on purpose), so that only the others fail it. */
    static void expect(Predicate<String> expected) {
        PROBLEMS.removeIf(expected);
    }
}
