package dev.stackdraft.metrics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.stackdraft.hosting.GitHost;
import dev.stackdraft.hosting.GitHosts;
import dev.stackdraft.hosting.HostCallObserver;
import dev.stackdraft.hosting.HostException;
import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.Politeness;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** GitHub's REST client, heard by the metrics, against a WireMock GitHub: requests, rate-limit waits, failures. */
class HostCallMetricsTest {

    private static final String USER = """
            {"login": "octocat", "id": 583231, "name": "The Octocat", "email": "octocat@github.com"}""";

    @RegisterExtension
    static final WireMockExtension API = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final List<Duration> slept = new ArrayList<>();

    private GitHost github(HostCallObserver observer) {
        Politeness politeness = new Politeness(Duration.ofSeconds(60), Clock.systemUTC(), slept::add, observer);
        return new GitHosts(politeness).connect(HostKind.GITHUB, URI.create(API.baseUrl()), "gho_not-a-real-token");
    }

    @Test
    void a_rate_limited_request_counts_each_attempt_and_the_wait_with_its_time() {
        API.stubFor(get(urlPathEqualTo("/user")).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("waited"));
        API.stubFor(get(urlPathEqualTo("/user")).inScenario("limit").whenScenarioStateIs("waited")
                .willReturn(okJson(USER)));

        assertThat(github(new HostCallMetrics(() -> registry)).currentUser().login()).isEqualTo("octocat");

        assertThat(slept).containsExactly(Duration.ofSeconds(7));
        assertThat(registry.get(HostCallMetrics.CALLS).tags("host", "GitHub", "method", "GET", "status", "429",
                "outcome", "client_error").timer().count()).isEqualTo(1);
        assertThat(registry.get(HostCallMetrics.CALLS).tags("host", "GitHub", "status", "200", "outcome", "success")
                .timer().count()).isEqualTo(1);
        var waits = registry.get(HostCallMetrics.WAITS).tags("host", "GitHub", "reason", "rate_limited").timer();
        assertThat(waits.count()).isEqualTo(1);
        assertThat(waits.totalTime(TimeUnit.SECONDS)).isEqualTo(7);
        assertThat(registry.find(HostCallMetrics.FAILURES).counters()).isEmpty();
    }

    @Test
    void failures_are_counted_by_kind() {
        API.stubFor(get(urlPathEqualTo("/user")).willReturn(aResponse().withStatus(401)
                .withBody("{\"message\": \"Bad credentials\"}")));
        GitHost github = github(new HostCallMetrics(() -> registry));

        assertThatThrownBy(github::currentUser).isInstanceOf(HostException.class);
        assertThatThrownBy(github::currentUser).isInstanceOf(HostException.class);

        assertThat(registry.get(HostCallMetrics.FAILURES).tags("host", "GitHub", "reason", "unauthorized").counter()
                .count()).isEqualTo(2);
        assertThat(registry.get(HostCallMetrics.CALLS).tags("status", "401").timer().count()).isEqualTo(2);
    }

    @Test
    void a_host_that_cannot_be_reached_is_counted_as_no_answer_with_its_back_offs() {
        Politeness politeness = new Politeness(Duration.ofSeconds(2), Clock.systemUTC(), slept::add,
                new HostCallMetrics(() -> registry));
        GitHost nowhere = new GitHosts(politeness).connect(HostKind.GITHUB, URI.create("http://127.0.0.1:9"), "t");

        assertThatThrownBy(nowhere::currentUser).isInstanceOf(HostException.class);

        assertThat(registry.get(HostCallMetrics.CALLS).tags("status", "none", "outcome", "no_answer").timer().count())
                .isEqualTo(slept.size() + 1);
        assertThat(registry.get(HostCallMetrics.WAITS).tags("reason", "back_off").timer().count())
                .isEqualTo(slept.size()).isPositive();
        assertThat(registry.get(HostCallMetrics.FAILURES).tags("reason", "unavailable").counter().count()).isOne();
    }

    @Test
    void the_apps_git_hosts_are_heard_once_a_registry_exists() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("hostCallMetrics", new HostCallMetrics(beans.getBeanProvider(MeterRegistry.class)));
        API.stubFor(get(urlPathEqualTo("/user")).willReturn(okJson(USER)));

        // as the platform configuration makes the app's git hosts, before the registry exists
        GitHosts hosts = new GitHosts(Politeness.standard().withObserver(
                beans.getBeanProvider(HostCallObserver.class).getIfAvailable(() -> HostCallObserver.NONE)));
        beans.registerSingleton("registry", registry);
        hosts.connect(HostKind.GITHUB, URI.create(API.baseUrl()), "t").currentUser();

        assertThat(hosts.politeness().maxWait()).isEqualTo(Politeness.DEFAULT_MAX_WAIT);
        assertThat(registry.get(HostCallMetrics.CALLS).tags("status", "200").timer().count()).isOne();
    }
}
