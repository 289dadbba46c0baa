package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The dashboard at organisation scale (issue 6), on H2 and PostgreSQL alike:
 * <ul>
 * <li>{@code git_repository.owner}: the owner (GitHub user or organisation, GitLab namespace with its groups), so
 *     that the dashboard can be filtered by it in the database;</li>
 * <li>a fifth import outcome, {@code UNREADABLE} (templates found, some cannot be read): the outcome's check
 *     constraint was created unnamed, so its generated name is looked up and the constraint replaced by a named one;</li>
 * <li>indexes for the paged, filtered reads of projects and import items.</li>
 * </ul>
 */
public class V3__Organisation_scale extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            sql.execute("alter table git_repository add column owner varchar(500)");
        }
        fillOwners(connection);
        try (Statement sql = connection.createStatement()) {
            sql.execute("alter table git_repository alter column owner set not null");
            sql.execute("create index git_repository_owner on git_repository (owner)");
            for (String name : checkConstraintsOn(connection, "import_item", "NO_TEMPLATE")) {
                sql.execute("alter table import_item drop constraint \"" + name.replace("\"", "\"\"") + "\"");
            }
            sql.execute("""
                    alter table import_item add constraint import_item_outcome
                    check (outcome in ('PENDING', 'IMPORTED', 'NO_TEMPLATE', 'UNREADABLE', 'FAILED'))""");
            sql.execute("create index import_item_job_outcome on import_item (job_id, outcome)");
            sql.execute("create index repository_access_user_checked on repository_access (user_id, checked_at)");
        }
    }

    /** Everything before the last slash of {@code owner/name} (GitLab: {@code group/subgroup/name}). */
    static String ownerOf(String fullName) {
        int slash = fullName.lastIndexOf('/');
        return slash < 0 ? "" : fullName.substring(0, slash);
    }

    private static void fillOwners(Connection connection) throws SQLException {
        record Row(long id, String owner) {}
        List<Row> rows = new ArrayList<>();
        try (Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("select id, full_name from git_repository")) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), ownerOf(rs.getString(2))));
            }
        }
        try (PreparedStatement update = connection.prepareStatement("update git_repository set owner = ? where id = ?")) {
            for (Row row : rows) {
                update.setString(1, row.owner());
                update.setLong(2, row.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /**
     * The names of the check constraints of {@code table} whose clause mentions {@code value}; not its NOT NULLs,
     * which PostgreSQL lists as check constraints too.
     */
    private static List<String> checkConstraintsOn(Connection connection, String table, String value)
            throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select tc.constraint_name
                from information_schema.table_constraints tc
                join information_schema.check_constraints cc
                  on cc.constraint_schema = tc.constraint_schema and cc.constraint_name = tc.constraint_name
                where lower(tc.table_name) = ? and tc.table_schema = current_schema and tc.constraint_type = 'CHECK'
                  and lower(cc.check_clause) like ?""")) {
            query.setString(1, table);
            query.setString(2, "%" + value.toLowerCase(Locale.ROOT) + "%");
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
