package dev.stackdraft.project;

import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.HostRepository;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The reads that join projects, repositories and access: what a user may see, and what needs re-checking. */
@Component
class ProjectQueries {

    /** A project the user may see, with its repository's id (to hide it while access cannot be confirmed). */
    record Visible(ProjectSummary summary, long repositoryId) {}

    /** An access older than the TTL, with what is needed to ask the host again. */
    record StaleAccess(long accessId, long repositoryId, HostKind host, String apiBase, HostRepository repository) {}

    private static final int MAX_TERMS = 8;

    private final JdbcClient jdbc;

    ProjectQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The user's projects, by repository and path. Every word of {@code query} must appear (ignoring case) in the
     * repository's full name or the template's path.
     */
    List<Visible> visible(long userId, @Nullable Long projectId, String query, @Nullable ProjectState state) {
        StringBuilder sql = new StringBuilder("""
                select p.id, r.host, r.full_name, p.template_path, p.branch, p.last_commit, p.resource_count, p.state,
                       p.state_message, p.dialect, r.web_url, p.updated_at, r.id as repository_id
                from project p
                join git_repository r on r.id = p.repository_id
                join repository_access a on a.repository_id = r.id and a.user_id = :user
                where 1 = 1""");
        JdbcClient.StatementSpec statement;
        List<String> terms = Arrays.stream(query.toLowerCase(Locale.ROOT).trim().split("\\s+"))
                .filter(t -> !t.isEmpty()).limit(MAX_TERMS).toList();
        for (int i = 0; i < terms.size(); i++) {
            sql.append(" and (lower(r.full_name) like :t").append(i).append(" escape '!' or lower(p.template_path) like :t")
                    .append(i).append(" escape '!')");
        }
        if (projectId != null) {
            sql.append(" and p.id = :project");
        }
        if (state != null) {
            sql.append(" and p.state = :state");
        }
        sql.append(" order by lower(r.full_name), r.id, p.template_path");
        statement = jdbc.sql(sql.toString()).param("user", userId);
        for (int i = 0; i < terms.size(); i++) {
            statement = statement.param("t" + i, "%" + escapeLike(terms.get(i)) + "%");
        }
        if (projectId != null) {
            statement = statement.param("project", projectId);
        }
        if (state != null) {
            statement = statement.param("state", state.name());
        }
        return statement.query((rs, row) -> new Visible(summary(rs), rs.getLong("repository_id"))).list();
    }

    List<StaleAccess> staleAccess(long userId, Instant checkedBefore) {
        return jdbc.sql("""
                        select a.id as access_id, r.id, r.host, r.api_base, r.host_id, r.full_name, r.default_branch,
                               r.clone_url, r.web_url, r.private_repo
                        from repository_access a join git_repository r on r.id = a.repository_id
                        where a.user_id = :user and a.checked_at < :before
                        order by r.id""")
                .param("user", userId)
                .param("before", OffsetDateTime.ofInstant(checkedBefore, ZoneOffset.UTC))
                .query((rs, row) -> {
                    HostKind host = HostKind.valueOf(rs.getString("host"));
                    URI clone = URI.create(rs.getString("clone_url"));
                    String web = rs.getString("web_url");
                    return new StaleAccess(rs.getLong("access_id"), rs.getLong("id"), host, rs.getString("api_base"),
                            new HostRepository(host, rs.getString("host_id"), rs.getString("full_name"),
                                    rs.getString("default_branch"), clone, web == null ? clone : URI.create(web),
                                    rs.getBoolean("private_repo")));
                })
                .list();
    }

    private static ProjectSummary summary(ResultSet rs) throws SQLException {
        String web = rs.getString("web_url");
        return new ProjectSummary(rs.getLong("id"), HostKind.valueOf(rs.getString("host")), rs.getString("full_name"),
                rs.getString("template_path"), rs.getString("branch"), rs.getString("last_commit"),
                rs.getInt("resource_count"), ProjectState.valueOf(rs.getString("state")), rs.getString("state_message"),
                rs.getString("dialect"), web == null ? null : URI.create(web),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static String escapeLike(String term) {
        return term.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
