package dev.stackdraft.project;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The dashboard's projects: every stack in the repositories a user may see, searched and filtered. Access older
 * than {@code stackdraft.access.cache-ttl} is confirmed with the host first, so a repository the user lost
 * disappears.
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
     * @param query words that must each appear in the repository's name or the template's path; blank for all
     * @param state only projects in this state; null for all
     */
    public List<ProjectSummary> visibleTo(long userId, String query, @Nullable ProjectState state) {
        Set<Long> hidden = accessCheck.refresh(userId);
        return queries.visible(userId, null, query, state).stream()
                .filter(v -> !hidden.contains(v.repositoryId()))
                .map(ProjectQueries.Visible::summary)
                .toList();
    }

    /** The project, if the user may see it. */
    public Optional<ProjectSummary> find(long userId, long projectId) {
        Set<Long> hidden = accessCheck.refresh(userId);
        return queries.visible(userId, projectId, "", null).stream()
                .filter(v -> !hidden.contains(v.repositoryId()))
                .map(ProjectQueries.Visible::summary)
                .findFirst();
    }
}
