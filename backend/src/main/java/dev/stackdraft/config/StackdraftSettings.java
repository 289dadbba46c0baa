package dev.stackdraft.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Every {@code stackdraft.*} setting, with its default. Environment variables bind as usual
 * ({@code STACKDRAFT_DATA_DIR}, {@code STACKDRAFT_IMPORT_PARALLELISM}, {@code STACKDRAFT_GITHUB_BASE_URL} ...).
 * Client ids and secrets of the sign-in live under the same {@code stackdraft.github.*} / {@code gitlab.*} keys
 * but are deliberately not bound here, so that this record can be logged.
 *
 * @param dataDir {@code stackdraft.data-dir}: where Stackdraft keeps its data; the local provider's bare
 *                repositories are under {@code <data-dir>/git}
 * @param importing {@code stackdraft.import.*}
 * @param access  {@code stackdraft.access.*}
 * @param github  {@code stackdraft.github.*}: github.com or a GitHub Enterprise Server
 * @param gitlab  {@code stackdraft.gitlab.*}: gitlab.com or a self-managed GitLab
 * @param local   {@code stackdraft.local.*}
 */
@ConfigurationProperties("stackdraft")
public record StackdraftSettings(
        @DefaultValue("./data") Path dataDir,
        @Name("import") @DefaultValue Import importing,
        @DefaultValue Access access,
        @DefaultValue GitHub github,
        @DefaultValue GitLab gitlab,
        @DefaultValue Local local) {

    private static final String GITHUB_COM = "https://github.com";
    private static final String GITLAB_COM = "https://gitlab.com";

    /** The folder of the local provider's bare repositories. */
    public Path gitRoot() {
        return dataDir.resolve("git");
    }

    /**
     * @param parallelism  {@code stackdraft.import.parallelism}: repositories of one import read at the same time
     * @param maxFilesRead {@code stackdraft.import.max-files-read}: candidate files read per repository at most;
     *                     the import result says when a repository had more
     */
    public record Import(@DefaultValue("4") int parallelism, @DefaultValue("40") int maxFilesRead) {

        public Import {
            if (parallelism < 1 || maxFilesRead < 1) {
                throw new IllegalArgumentException("stackdraft.import.parallelism and max-files-read must be at least 1");
            }
        }
    }

    /**
     * @param cacheTtl {@code stackdraft.access.cache-ttl}: how long a repository the host said the user can read
     *                 is trusted before the host is asked again
     */
    public record Access(@DefaultValue("5m") Duration cacheTtl) {}

    /**
     * GitHub: github.com, or a GitHub Enterprise Server (the sign-in reads the same keys, and its client id and
     * secret live beside them, so these are bound whenever any {@code stackdraft.github.*} key is set). A missing
     * or blank setting means its default; neither component is ever null.
     *
     * @param baseUrl {@code stackdraft.github.base-url}: what users open in the browser
     * @param apiBase {@code stackdraft.github.api-base}: the REST API; by default {@code https://api.github.com}
     *                for github.com, {@code BASE/api/v3} for an Enterprise Server
     */
    public record GitHub(@DefaultValue(GITHUB_COM) URI baseUrl, URI apiBase) {

        public GitHub {
            baseUrl = orDefault(baseUrl, URI.create(GITHUB_COM));
            apiBase = isBlank(apiBase) ? derivedGitHubApi(baseUrl) : trimmed(apiBase);
        }

        /** GitHub at {@code baseUrl} with its API where it usually is. */
        public static GitHub at(URI baseUrl) {
            return new GitHub(baseUrl, URI.create(""));
        }

        private static URI derivedGitHubApi(URI baseUrl) {
            return baseUrl.equals(URI.create(GITHUB_COM)) ? URI.create("https://api.github.com")
                    : URI.create(baseUrl + "/api/v3");
        }
    }

    /**
     * GitLab: gitlab.com, or a self-managed GitLab (the sign-in reads the same keys, and its client id and secret
     * live beside them). A missing or blank setting means its default; neither component is ever null.
     *
     * @param baseUrl {@code stackdraft.gitlab.base-url}: what users open in the browser
     * @param apiBase {@code stackdraft.gitlab.api-base}: the REST API; by default {@code BASE/api/v4}
     */
    public record GitLab(@DefaultValue(GITLAB_COM) URI baseUrl, URI apiBase) {

        public GitLab {
            baseUrl = orDefault(baseUrl, URI.create(GITLAB_COM));
            apiBase = isBlank(apiBase) ? URI.create(baseUrl + "/api/v4") : trimmed(apiBase);
        }

        /** GitLab at {@code baseUrl} with its API where it usually is. */
        public static GitLab at(URI baseUrl) {
            return new GitLab(baseUrl, URI.create(""));
        }
    }

    /**
     * @param enabled {@code stackdraft.local.enabled}: offer the local provider (bare repositories in the data folder)
     * @param samples {@code stackdraft.local.samples}: seed it with the sample projects when it is empty
     */
    public record Local(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean samples) {}

    /** The binder hands over null for a setting that is not there, and an empty URI for one set to "". */
    private static boolean isBlank(@Nullable URI uri) {
        return uri == null || uri.toString().isBlank();
    }

    private static URI orDefault(@Nullable URI uri, URI fallback) {
        return isBlank(uri) ? fallback : trimmed(uri);
    }

    private static URI trimmed(URI uri) {
        String text = uri.toString().strip();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }
}
