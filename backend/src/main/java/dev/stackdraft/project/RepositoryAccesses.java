package dev.stackdraft.project;

import dev.stackdraft.hosting.HostKind;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface RepositoryAccesses extends ListCrudRepository<RepositoryAccess, Long> {

    Optional<RepositoryAccess> findByUserIdAndRepositoryId(long userId, long repositoryId);

    @Query("""
            select a.* from repository_access a join git_repository r on r.id = a.repository_id
            where a.user_id = :userId and r.host = :host and r.api_base = :apiBase""")
    List<RepositoryAccess> findOnHost(long userId, HostKind host, String apiBase);

    @Modifying
    @Query("update repository_access set checked_at = :at where id in (:ids)")
    void checked(Collection<Long> ids, Instant at);
}
