package dev.stackdraft.project;

import dev.stackdraft.hosting.HostKind;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface GitRepositories extends ListCrudRepository<GitRepository, Long> {

    Optional<GitRepository> findByHostAndApiBaseAndHostId(HostKind host, String apiBase, String hostId);

    @Modifying
    @Query("update git_repository set last_commit = :commit where id = :id")
    void recordCommit(long id, String commit);
}
