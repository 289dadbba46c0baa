package dev.stackdraft.importer;

import dev.stackdraft.hosting.GitHost;
import dev.stackdraft.hosting.HostRepository;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Asks the host's API for the default branch ({@link GitHost#branchHead}): one small REST answer per repository
 * over the connection the listing and the file reads already use, instead of a git handshake per repository
 * that lists every branch and tag. Every host answers it, so git itself is no longer needed to import.
 */
@Component
class HostCommitResolver implements CommitResolver {

    @Override
    public Optional<String> head(GitHost host, HostRepository repository) {
        return host.branchHead(repository, repository.defaultBranch());
    }
}
