package dev.stackdraft.project;

import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.HostRepository;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reads that join projects, repositories and access: what a user may see (a page at a time, searched, filtered
 * and sorted in the database), and what needs re-checking.
 */
@Component
class ProjectQueries {

    /** An access older than the TTL, with what is needed to ask the host again. */
    record StaleAccess(long accessId, long repositoryId, HostKind host, String apiBase, HostRepository repository) {}

    private static final String SUMMARY_COLUMNS = "select p.id, r.host, r.full_name, p.template_path, p.branch,"
            + " p.last_commit, p.resource_count, p.state, p.state_message, p.dialect, r.web_url, p.updated_at ";
    private static final String FROM_VISIBLE = """
            from project p
            join git_repository r on r.id = p.repository_id
            join repository_access a on a.repository_id = r.id and a.user_id = :user and a.checked_at >= :fresh""";

    private final JdbcClient jdbc;

    ProjectQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of the user's projects whose access was confirmed since {@code fresh}. Every word of the query's text
     * must appear (ignoring case) in the repository's full name or the template's path.
     */
    List<ProjectSummary> page(long userId, Instant fresh, ProjectQuery query, int offset, int limit) {
        Where where = where(userId, fresh, query);
        String sql = SUMMARY_COLUMNS + FROM_VISIBLE + where.sql
                + " order by " + orderBy(query) + " offset :offset rows fetch next :limit rows only";
        return jdbc.sql(sql).params(where.params).param("offset", offset).param("limit", limit)
                .query((rs, row) -> summary(rs)).list();
    }

    int count(long userId, Instant fresh, ProjectQuery query) {
        Where where = where(userId, fresh, query);
        return jdbc.sql("select count(*) " + FROM_VISIBLE + where.sql).params(where.params)
                .query(Integer.class).single();
    }

    /** The project, if the user's access to its repository was confirmed since {@code fresh}. */
    Optional<ProjectSummary> one(long userId, Instant fresh, long projectId) {
        return jdbc.sql(SUMMARY_COLUMNS + FROM_VISIBLE + " where p.id = :project")
                .param("user", userId).param("fresh", timestamp(fresh)).param("project", projectId)
                .query((rs, row) -> summary(rs)).optional();
    }

    /** The owners of the user's projects, with how many projects each holds, by name. */
    List<OwnerCount> owners(long userId, Instant fresh) {
        return jdbc.sql("select r.owner, count(*) as projects " + FROM_VISIBLE
                        + " group by r.owner order by lower(r.owner), r.owner")
                .param("user", userId).param("fresh", timestamp(fresh))
                .query((rs, row) -> new OwnerCount(rs.getString("owner"), rs.getInt("projects"))).list();
    }

    private record Where(String sql, Map<String, Object> params) {}

    private static Where where(long userId, Instant fresh, ProjectQuery query) {
        StringBuilder sql = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        params.put("user", userId);
        params.put("fresh", timestamp(fresh));
        SearchWords.of(query.text()).appendTo(sql, params, "r.full_name", "p.template_path");
        if (query.state() != null) {
            sql.append(" and p.state = :state");
            params.put("state", query.state().name());
        }
        if (query.owner() != null) {
            sql.append(" and r.owner = :owner");
            params.put("owner", query.owner());
        }
        return new Where(sql.toString(), params);
    }

    /** The chosen order first, then a fixed tie-break ending in the id, so that offset paging is stable. */
    private static String orderBy(ProjectQuery query) {
        String direction = query.descending() ? " desc" : " asc";
        return switch (query.order()) {
            case REPOSITORY -> "lower(r.full_name)" + direction + ", r.full_name, p.template_path, p.id";
            case TEMPLATE -> "p.template_path" + direction + ", lower(r.full_name), p.id";
            case RESOURCES -> "p.resource_count" + direction + ", lower(r.full_name), p.template_path, p.id";
            case STATE -> "case p.state when 'UNREADABLE' then 0 when 'HAS_FINDINGS' then 1 else 2 end" + direction
                    + ", lower(r.full_name), p.template_path, p.id";
            case UPDATED -> "p.updated_at" + direction + ", p.id";
        };
    }

    List<StaleAccess> staleAccess(long userId, Instant checkedBefore) {
        return jdbc.sql("""
                        select a.id as access_id, r.id, r.host, r.api_base, r.host_id, r.full_name, r.default_branch,
                               r.clone_url, r.web_url, r.private_repo
                        from repository_access a join git_repository r on r.id = a.repository_id
                        where a.user_id = :user and a.checked_at < :before
                        order by r.id""")
                .param("user", userId)
                .param("before", timestamp(checkedBefore))
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

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

}
