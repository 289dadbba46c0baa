package dev.stackdraft.project;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Projects extends ListCrudRepository<Project, Long> {

    List<Project> findByRepositoryId(long repositoryId);

    /**
     * A commit written back to the project's branch: the dashboard shows it as the last commit. The resource count
     * and state stay as the last import found them until the next import reads the template again (the
     * repository's own last commit is left alone, so that import does not skip it).
     */
    @Modifying
    @Query("update project set last_commit = :commit, updated_at = :at where id = :id")
    void recordCommit(long id, String commit, Instant at);
}
