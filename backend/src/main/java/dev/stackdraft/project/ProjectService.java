package dev.stackdraft.project;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The dashboard's projects: every stack in the repositories a user may see, searched, filtered, sorted and paged in
 * the database. Only repositories whose access was confirmed within {@code stackdraft.access.cache-ttl} are shown;
 * {@link #confirmAccess} asks the hosts about the older ones (in the background: it may take a host round trip), so
 * a repository the user lost disappears and one still readable comes back.
 */
@Service
public class ProjectService {

    private final ProjectQueries queries;
    private final AccessCheck accessCheck;

    ProjectService(ProjectQueries queries, AccessCheck accessCheck) {
        this.queries = queries;
        this.accessCheck = accessCheck;
    }

    /**
     * Asks the hosts whether the user can still read the repositories whose access is older than the TTL.
     *
     * @return whether what the user sees changed
     */
    public boolean confirmAccess(long userId) {
        return accessCheck.refresh(userId);
    }

    /** Projects {@code offset} to {@code offset + limit - 1} of those matching the query. Reads the database only. */
    public List<ProjectSummary> page(long userId, ProjectQuery query, int offset, int limit) {
        return queries.page(userId, accessCheck.freshSince(), query, offset, limit);
    }

    /** How many projects match the query. Reads the database only. */
    public int count(long userId, ProjectQuery query) {
        return queries.count(userId, accessCheck.freshSince(), query);
    }

    /** The owners (organisations, groups, users) of the user's projects, with their project counts. */
    public List<OwnerCount> owners(long userId) {
        return queries.owners(userId, accessCheck.freshSince());
    }

    /**
     * Every project matching the words and state, by repository, after confirming access with the hosts: for the
     * CLI and tests; views page with {@link #page}.
     *
     * @param text  words that must each appear in the repository's name or the template's path; blank for all
     * @param state only projects in this state; null for all
     */
    public List<ProjectSummary> visibleTo(long userId, String text, @Nullable ProjectState state) {
        confirmAccess(userId);
        return page(userId, ProjectQuery.matching(text, state), 0, Integer.MAX_VALUE);
    }

    /** The project, if the user may see it (access confirmed with the host first when older than the TTL). */
    public Optional<ProjectSummary> find(long userId, long projectId) {
        confirmAccess(userId);
        return queries.one(userId, accessCheck.freshSince(), projectId);
    }
}
