package dev.stackdraft.config;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Turns a failed start into Spring Boot's short "APPLICATION FAILED TO START / Description / Action" paragraph
 * instead of a wall of stack traces: a {@link StartupProblem} anywhere in the causes, or a database that cannot be
 * reached, refuses the user, has no such database, or (H2) is held by another process. Registered in
 * {@code META-INF/spring.factories}; runs before Spring Boot's own analyzers.
 */
final class StartupFailureAnalyzer implements FailureAnalyzer, Ordered {

    private static final String URL_SETTING = "SPRING_DATASOURCE_URL (spring.datasource.url)";
    private static final String USER_SETTINGS = "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD "
            + "(spring.datasource.username / password)";

    private final Environment environment;

    StartupFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StartupProblem problem) {
                return new FailureAnalysis(problem.description(), problem.action(), problem);
            }
        }
        return firstOf(failure, SQLException.class).map(this::database).orElse(null);
    }

    private @Nullable FailureAnalysis database(SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        String url = url();
        if (state.startsWith("08") || networkCause(sql) != null) {
            return new FailureAnalysis("Stackdraft cannot reach its database at " + url + ": " + unreachable(sql) + ".",
                    "Start the database or make it reachable from here, or correct " + URL_SETTING + ".", sql);
        }
        if (state.startsWith("28")) {
            return new FailureAnalysis("The database at " + url + " refuses the user '" + user() + "': "
                    + firstLine(sql.getMessage()) + ".", "Correct " + USER_SETTINGS + ".", sql);
        }
        if (state.equals("3D000")) {
            return new FailureAnalysis("The database server at " + url + " says: " + firstLine(sql.getMessage()) + ".",
                    "Create that database, or correct its name in " + URL_SETTING + ".", sql);
        }
        if (state.equals("90020")) { // H2: the file is locked by another process
            return new FailureAnalysis("The H2 database " + url + " is in use by another process (another Stackdraft "
                    + "on the same data folder?).", "Stop that process, or give this instance its own "
                    + "STACKDRAFT_DATA_DIR; several instances share one PostgreSQL, not one H2 file.", sql);
        }
        return null;
    }

    private static String unreachable(SQLException sql) {
        Throwable network = networkCause(sql);
        return switch (network) {
            case UnknownHostException unknown -> "the host name " + unknown.getMessage() + " is unknown";
            case ConnectException refused -> "the connection was refused (nothing listens at that host and port)";
            case NoRouteToHostException noRoute -> "there is no route to that host";
            case SocketTimeoutException timeout -> "the connection timed out";
            case null, default -> firstLine(sql.getMessage());
        };
    }

    private static @Nullable Throwable networkCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException || cause instanceof ConnectException
                    || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException) {
                return cause;
            }
        }
        return null;
    }

    /** The URL without its parameters: a password may be written there ({@code ?password=}, {@code ;PASSWORD=}). */
    private String url() {
        String url = environment.getProperty("spring.datasource.url", "(spring.datasource.url not set)");
        int h2Parameters = url.startsWith("jdbc:h2:") ? url.indexOf(';') : -1;
        int query = url.indexOf('?');
        int cut = h2Parameters >= 0 ? h2Parameters : query;
        return cut >= 0 ? url.substring(0, cut) : url;
    }

    private String user() {
        return environment.getProperty("spring.datasource.username", "");
    }

    private static String firstLine(@Nullable String message) {
        if (message == null || message.isBlank()) {
            return "no reason given";
        }
        String line = message.strip().lines().findFirst().orElse("").strip();
        while (line.endsWith(".")) {
            line = line.substring(0, line.length() - 1);
        }
        return line.toLowerCase(Locale.ROOT).startsWith("fatal: ") ? line.substring(7) : line;
    }

    private static <T extends Throwable> Optional<T> firstOf(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }
}
