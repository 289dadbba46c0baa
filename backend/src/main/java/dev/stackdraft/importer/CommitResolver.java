package dev.stackdraft.importer;

import dev.stackdraft.hosting.GitHost;
import dev.stackdraft.hosting.HostRepository;
import java.util.Optional;

/** The commit a repository's default branch points at now. */
interface CommitResolver {

    /**
     * @return empty when the branch does not exist (an empty repository)
     * @throws dev.stackdraft.hosting.HostException when the repository cannot be reached
     */
    Optional<String> head(GitHost host, HostRepository repository);
}
