package dev.stackdraft.project;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface Projects extends ListCrudRepository<Project, Long> {

    List<Project> findByRepositoryId(long repositoryId);

    int countByRepositoryId(long repositoryId);
}
