package dev.stackdraft.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

class StartupFailureAnalyzerTest {

    private final StartupFailureAnalyzer analyzer = new StartupFailureAnalyzer(new MockEnvironment()
            .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/stackdraft?password=hunter2")
            .withProperty("spring.datasource.username", "stackdraft"));

    @Test
    void a_startup_problem_deep_in_the_causes_is_said_as_it_is() {
        FailureAnalysis analysis = analyzer.analyze(wrapped(new StartupProblem("What is wrong.", "What to do.")));

        assertThat(analysis.getDescription()).isEqualTo("What is wrong.");
        assertThat(analysis.getAction()).isEqualTo("What to do.");
    }

    @Test
    void a_refused_connection_names_the_url_without_its_parameters_and_the_setting() {
        SQLException refused = new SQLException("Connection to db.example:5432 refused. Check that ...", "08001",
                new ConnectException("Connection refused"));

        FailureAnalysis analysis = analyzer.analyze(wrapped(refused));

        assertThat(analysis.getDescription()).isEqualTo("Stackdraft cannot reach its database at "
                + "jdbc:postgresql://db.example:5432/stackdraft: the connection was refused (nothing listens at that "
                + "host and port).");
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL");
        assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("hunter2");
    }

    @Test
    void an_unknown_host_is_named() {
        SQLException unknown = new SQLException("The connection attempt failed.", "08001",
                new UnknownHostException("db.example"));

        assertThat(analyzer.analyze(wrapped(unknown)).getDescription()).endsWith("the host name db.example is unknown.");
    }

    @Test
    void a_refused_user_names_the_user_and_the_settings() {
        SQLException password = new SQLException("FATAL: password authentication failed for user \"stackdraft\"",
                "28P01");

        FailureAnalysis analysis = analyzer.analyze(wrapped(password));

        assertThat(analysis.getDescription()).isEqualTo("The database at jdbc:postgresql://db.example:5432/stackdraft "
                + "refuses the user 'stackdraft': password authentication failed for user \"stackdraft\".");
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
    }

    @Test
    void other_failures_are_left_to_spring_boot() {
        assertThat(analyzer.analyze(wrapped(new SQLException("syntax error", "42601")))).isNull();
        assertThat(analyzer.analyze(new IllegalStateException("something else"))).isNull();
    }

    private static Exception wrapped(Throwable cause) {
        return new BeanCreationException("projectService", "Error creating bean",
                new BeanCreationException("flywayInitializer", "Unable to obtain connection", cause));
    }
}
