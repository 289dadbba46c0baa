package dev.stackdraft.importer;

import dev.stackdraft.project.SearchWords;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reads of an import's repositories that grow with the organisation: counts per outcome, and pages of results
 * searched and filtered in the database, the problems first (failed, then unreadable), then in the order listed.
 */
@Component
class ImportResults {

    private final JdbcClient jdbc;

    ImportResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<RepositoryOutcome, Integer> counts(long jobId) {
        Map<RepositoryOutcome, Integer> counts = new HashMap<>();
        jdbc.sql("select outcome, count(*) as n from import_item where job_id = :job group by outcome")
                .param("job", jobId)
                .query(rs -> {
                    counts.put(RepositoryOutcome.valueOf(rs.getString("outcome")), rs.getInt("n"));
                });
        return counts;
    }

    List<RepositoryResult> page(long jobId, ResultFilter filter, int offset, int limit) {
        Where where = where(jobId, filter);
        return jdbc.sql("select repository, outcome, templates, reason from import_item" + where.sql + " " + """
                         order by case outcome when 'FAILED' then 0 when 'UNREADABLE' then 1 when 'PENDING' then 2
                                  else 3 end, id
                         offset :offset rows fetch next :limit rows only""")
                .params(where.params).param("offset", offset).param("limit", limit)
                .query((rs, row) -> new RepositoryResult(rs.getString("repository"),
                        RepositoryOutcome.valueOf(rs.getString("outcome")), rs.getInt("templates"), rs.getString("reason")))
                .list();
    }

    int count(long jobId, ResultFilter filter) {
        Where where = where(jobId, filter);
        return jdbc.sql("select count(*) from import_item" + where.sql).params(where.params)
                .query(Integer.class).single();
    }

    private record Where(String sql, Map<String, Object> params) {}

    private static Where where(long jobId, ResultFilter filter) {
        StringBuilder sql = new StringBuilder(" where job_id = :job");
        Map<String, Object> params = new HashMap<>();
        params.put("job", jobId);
        if (!filter.outcomes().isEmpty()) {
            sql.append(" and outcome in (:outcomes)");
            params.put("outcomes", filter.outcomes().stream().map(Enum::name).sorted().toList());
        }
        SearchWords.of(filter.text()).appendTo(sql, params, "repository", "reason");
        return new Where(sql.toString(), params);
    }
}
