package dev.stackdraft.project;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** The user's linked account could read the repository when its host was asked at {@code checkedAt}. */
@Table
record RepositoryAccess(@Id @Nullable Long id, long userId, long repositoryId, Instant checkedAt) {

    RepositoryAccess withId(Long newId) {
        return new RepositoryAccess(newId, userId, repositoryId, checkedAt);
    }

    RepositoryAccess checked(Instant at) {
        return new RepositoryAccess(id, userId, repositoryId, at);
    }
}
