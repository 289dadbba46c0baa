package dev.stackdraft.project;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Projects extends ListCrudRepository<Project, Long> {

    List<Project> findByRepositoryId(long repositoryId);

    /**
     * A commit written back to the project's branch: the dashboard shows it as the last commit, with the resource
     * count and state of the template it wrote (the repository's own last commit is left alone, so that the next
     * import reads the repository again rather than skipping it).
     */
    @Modifying
    @Query("""
            update project set last_commit = :commit, resource_count = :resources, state = :state,
                   state_message = :message, updated_at = :at
             where id = :id""")
    void recordCommit(long id, String commit, int resources, String state, String message, Instant at);
}
