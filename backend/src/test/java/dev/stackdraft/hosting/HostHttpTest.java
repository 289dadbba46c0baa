package dev.stackdraft.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The parts of the politeness rules and of paging that need no server. */
class HostHttpTest {

    private final FakeTime time = new FakeTime();
    private final HostHttp http = new HostHttp("GitHub", URI.create("https://ghe.example.com/api/v3/"),
            GitHosts.newHttpClient(), time.politeness(Duration.ofSeconds(60)), HostHttp.QuotaHeaders.GITHUB,
            Map.of("Authorization", "Bearer ghp_secret"));

    private static HostHttp.Response answer(int status, Map<String, List<String>> headers, String body) {
        return new HostHttp.Response("GET", URI.create("https://ghe.example.com/api/v3/user/repos?per_page=100"), status,
                HttpHeaders.of(headers, (name, value) -> true), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void retry_after_is_read_as_seconds_or_as_an_http_date() {
        assertThat(http.parseRetryAfter("120")).isEqualTo(Duration.ofSeconds(120));
        assertThat(http.parseRetryAfter(" 0 ")).isEqualTo(Duration.ZERO);
        assertThat(http.parseRetryAfter("Mon, 2 Mar 2026 10:01:30 GMT")).isEqualTo(Duration.ofSeconds(90));
        assertThat(http.parseRetryAfter("Mon, 2 Mar 2026 09:00:00 GMT")).as("a date in the past").isEqualTo(Duration.ZERO);
        assertThat(http.parseRetryAfter("soon")).isNull();
    }

    @Test
    void only_403s_and_429s_can_be_rate_limits_and_a_403_needs_a_sign_of_one() {
        Map<String, List<String>> spent = Map.of("x-ratelimit-remaining", List.of("0"),
                "x-ratelimit-reset", List.of(FakeTime.epochSecondsAfterStart(100)));

        assertThat(http.rateLimitWait(answer(403, spent, ""), 0)).isEqualTo(Duration.ofSeconds(101));
        assertThat(http.rateLimitWait(answer(500, spent, ""), 0)).isNull();
        assertThat(http.rateLimitWait(answer(403, Map.of(), "{\"message\":\"Must have admin rights\"}"), 0)).isNull();
        assertThat(http.rateLimitWait(answer(429, Map.of(), ""), 0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(http.rateLimitWait(answer(429, Map.of(), ""), 2)).as("doubling each time").isEqualTo(Duration.ofMinutes(4));
        assertThat(http.rateLimitWait(answer(429, Map.of("Retry-After", List.of("0")), ""), 0))
                .as("never a busy loop").isEqualTo(Duration.ofSeconds(1));
    }

    @RepeatedTest(20)
    void back_off_doubles_from_half_a_second_up_to_thirty_with_jitter_in_the_upper_half() {
        assertThat(HostHttp.backoff(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(HostHttp.backoff(3)).isBetween(Duration.ofMillis(2000), Duration.ofMillis(4000));
        assertThat(HostHttp.backoff(12)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
        assertThat(HostHttp.backoff(200)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
    }

    @Test
    void the_next_link_is_found_among_several_relations_and_header_lines() {
        HostHttp.Response response = answer(200, Map.of("Link", List.of(
                "<https://ghe.example.com/api/v3/user/repos?page=1>; rel=\"prev\", <https://ghe.example.com/api/v3/user/repos?page=1>; rel=\"first\"",
                "<https://ghe.example.com/api/v3/user/repos?page=3>; rel=\"next\", <https://ghe.example.com/api/v3/user/repos?page=9>; rel=\"last\"")),
                "[]");

        assertThat(HostHttp.nextLink(response)).isEqualTo(URI.create("https://ghe.example.com/api/v3/user/repos?page=3"));
        assertThat(HostHttp.nextLink(answer(200, Map.of("Link", List.of("<https://x/?page=1>; rel=\"prev\"")), "[]"))).isNull();
        assertThat(HostHttp.nextLink(answer(200, Map.of(), "[]"))).isNull();
    }

    @Test
    void a_relative_next_link_is_resolved_against_the_page() {
        HostHttp.Response response = answer(200, Map.of("Link", List.of("</api/v3/user/repos?page=2>; rel=next")), "[]");

        assertThat(HostHttp.nextLink(response)).isEqualTo(URI.create("https://ghe.example.com/api/v3/user/repos?page=2"));
    }

    @Test
    void the_page_parameter_is_replaced_or_added_and_the_rest_kept() {
        assertThat(HostHttp.withQueryParameter(URI.create("https://h/api/v4/projects?membership=true&page=1&per_page=100"),
                "page", "2")).isEqualTo(URI.create("https://h/api/v4/projects?membership=true&page=2&per_page=100"));
        assertThat(HostHttp.withQueryParameter(URI.create("https://h/api/v4/x?ref=release%2F2.0"), "page", "3"))
                .isEqualTo(URI.create("https://h/api/v4/x?ref=release%2F2.0&page=3"));
    }

    @Test
    void same_origin_means_scheme_host_and_port() {
        URI base = URI.create("https://ghe.example.com/api/v3");

        assertThat(HostHttp.sameOrigin(base, URI.create("https://GHE.example.com:443/api/v3/user/repos?page=2"))).isTrue();
        assertThat(HostHttp.sameOrigin(base, URI.create("http://ghe.example.com/api/v3/user/repos"))).isFalse();
        assertThat(HostHttp.sameOrigin(base, URI.create("https://ghe.example.com:8443/api/v3/user/repos"))).isFalse();
        assertThat(HostHttp.sameOrigin(base, URI.create("https://evil.example.com/api/v3/user/repos"))).isFalse();
    }

    @Test
    void paths_keep_their_slashes_and_gitlab_file_paths_are_one_segment() {
        assertThat(HostHttp.encodePath("services/orders api/template.yaml")).isEqualTo("services/orders%20api/template.yaml");
        assertThat(HostHttp.encode("release/2.0+hotfix")).isEqualTo("release%2F2.0%2Bhotfix");
        assertThat(GitLabHost.encodeFilePath("lib/class.rb")).isEqualTo("lib%2Fclass%2Erb");
    }

    @Test
    void the_hosts_own_words_are_taken_from_the_error_body() {
        assertThat(HostHttp.message(answer(422, Map.of(), "{\"message\":\"Validation Failed\"}"))).isEqualTo("Validation Failed");
        assertThat(HostHttp.message(answer(409, Map.of(), "{\"message\":[\"already exists\"]}"))).isEqualTo("[\"already exists\"]");
        assertThat(HostHttp.message(answer(401, Map.of(), "{\"error\":\"invalid_token\",\"error_description\":\"Token is expired.\"}")))
                .isEqualTo("Token is expired.");
        assertThat(HostHttp.message(answer(502, Map.of(), "<html>Bad gateway</html>"))).isEmpty();
    }

    @Test
    void the_token_is_never_in_its_text() {
        assertThat(http.toString()).isEqualTo("HostHttp[GitHub https://ghe.example.com/api/v3]").doesNotContain("secret");
    }
}
