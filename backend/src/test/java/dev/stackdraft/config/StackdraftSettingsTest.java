package dev.stackdraft.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;

class StackdraftSettingsTest {

    @Test
    void defaults_need_no_setting_at_all() {
        StackdraftSettings settings = bind(Map.of());

        assertThat(settings.dataDir().normalize()).isEqualTo(Path.of("data"));
        assertThat(settings.gitRoot().normalize()).isEqualTo(Path.of("data/git"));
        assertThat(settings.importing().parallelism()).isEqualTo(4);
        assertThat(settings.importing().maxFilesRead()).isEqualTo(40);
        assertThat(settings.access().cacheTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.github().apiBase()).isEqualTo(URI.create("https://api.github.com"));
        assertThat(settings.gitlab().apiBase()).isEqualTo(URI.create("https://gitlab.com/api/v4"));
        assertThat(settings.local().enabled()).isTrue();
        assertThat(settings.local().samples()).isTrue();
    }

    @Test
    void every_setting_binds_from_properties() {
        StackdraftSettings settings = bind(Map.of(
                "stackdraft.data-dir", "/srv/stackdraft",
                "stackdraft.import.parallelism", "8",
                "stackdraft.import.max-files-read", "100",
                "stackdraft.access.cache-ttl", "30s",
                "stackdraft.github.base-url", "https://github.example.com/",
                "stackdraft.gitlab.base-url", "https://gitlab.example.com",
                "stackdraft.local.enabled", "false",
                "stackdraft.local.samples", "false"));

        assertThat(settings.dataDir()).isEqualTo(Path.of("/srv/stackdraft"));
        assertThat(settings.importing().parallelism()).isEqualTo(8);
        assertThat(settings.importing().maxFilesRead()).isEqualTo(100);
        assertThat(settings.access().cacheTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.github().apiBase()).isEqualTo(URI.create("https://github.example.com/api/v3"));
        assertThat(settings.gitlab().apiBase()).isEqualTo(URI.create("https://gitlab.example.com/api/v4"));
        assertThat(settings.local().enabled()).isFalse();
        assertThat(settings.local().samples()).isFalse();
    }

    @Test
    void environment_variables_bind_too() {
        StackdraftSettings settings = bindEnvironment(Map.of("STACKDRAFT_DATA_DIR", "/data", "STACKDRAFT_IMPORT_PARALLELISM", "2"));

        assertThat(settings.dataDir()).isEqualTo(Path.of("/data"));
        assertThat(settings.importing().parallelism()).isEqualTo(2);
    }

    @Test
    void an_api_base_set_on_its_own_wins_over_the_derived_one() {
        StackdraftSettings settings = bind(Map.of("stackdraft.github.base-url", "https://github.example.com",
                "stackdraft.github.api-base", "https://api.github.example.com/",
                "stackdraft.github.client-secret", "never bound here"));

        assertThat(settings.github().apiBase()).isEqualTo(URI.create("https://api.github.example.com"));
        assertThat(settings.toString()).doesNotContain("never bound here");
    }

    @Test
    void a_client_id_alone_leaves_the_urls_at_their_defaults() {
        StackdraftSettings settings = bindEnvironment(Map.of(
                "STACKDRAFT_GITHUB_CLIENT_ID", "gh-id", "STACKDRAFT_GITLAB_CLIENT_SECRET", "gl-secret"));

        assertThat(settings.github().baseUrl()).isEqualTo(URI.create("https://github.com"));
        assertThat(settings.github().apiBase()).isEqualTo(URI.create("https://api.github.com"));
        assertThat(settings.gitlab().baseUrl()).isEqualTo(URI.create("https://gitlab.com"));
        assertThat(settings.gitlab().apiBase()).isEqualTo(URI.create("https://gitlab.com/api/v4"));
    }

    @Test
    void blank_urls_mean_the_defaults_and_the_api_follows_the_base_url() {
        StackdraftSettings settings = bindEnvironment(Map.of(
                "STACKDRAFT_GITHUB_CLIENT_ID", "gh-id", "STACKDRAFT_GITHUB_BASE_URL", "", "STACKDRAFT_GITHUB_API_BASE", " ",
                "STACKDRAFT_GITLAB_BASE_URL", "https://gitlab.example.com/", "STACKDRAFT_GITLAB_API_BASE", ""));

        assertThat(settings.github().baseUrl()).isEqualTo(URI.create("https://github.com"));
        assertThat(settings.github().apiBase()).isEqualTo(URI.create("https://api.github.com"));
        assertThat(settings.gitlab().baseUrl()).isEqualTo(URI.create("https://gitlab.example.com"));
        assertThat(settings.gitlab().apiBase()).isEqualTo(URI.create("https://gitlab.example.com/api/v4"));
    }

    @Test
    void a_parallelism_below_one_is_refused() {
        assertThatThrownBy(() -> bind(Map.of("stackdraft.import.parallelism", "0")))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    private static StackdraftSettings bindEnvironment(Map<String, Object> variables) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return new Binder(ConfigurationPropertySources.get(environment)).bindOrCreate("stackdraft", StackdraftSettings.class);
    }

    private static StackdraftSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("stackdraft", StackdraftSettings.class);
    }
}
