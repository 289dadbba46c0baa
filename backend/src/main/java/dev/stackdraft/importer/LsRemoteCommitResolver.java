package dev.stackdraft.importer;

import dev.stackdraft.git.GitCredentials;
import dev.stackdraft.hosting.GitHost;
import dev.stackdraft.hosting.HostException;
import dev.stackdraft.hosting.HostRepository;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.LsRemoteCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.springframework.stereotype.Component;

/**
 * Asks git itself ({@code git ls-remote --heads} over the clone URL, with the host's git credentials): one
 * request per repository, nothing cloned, and it works the same for every host.
 */
@Component
class LsRemoteCommitResolver implements CommitResolver {

    private static final int TIMEOUT_SECONDS = 60;

    @Override
    public Optional<String> head(GitHost host, HostRepository repository) {
        LsRemoteCommand command = Git.lsRemoteRepository()
                .setRemote(repository.cloneUrl().toString())
                .setHeads(true)
                .setTimeout(TIMEOUT_SECONDS);
        GitCredentials credentials = host.gitCredentials();
        if (!credentials.isNone()) {
            command.setCredentialsProvider(new UsernamePasswordCredentialsProvider(credentials.username(),
                    credentials.password()));
        }
        try {
            Map<String, Ref> refs = command.callAsMap();
            Ref branch = refs.get(Constants.R_HEADS + repository.defaultBranch());
            return branch == null || branch.getObjectId() == null ? Optional.empty()
                    : Optional.of(branch.getObjectId().name());
        } catch (InvalidRemoteException e) {
            throw new HostException(HostException.Reason.NOT_FOUND, "no repository at " + repository.cloneUrl());
        } catch (GitAPIException e) {
            throw translate(repository, e);
        }
    }

    private static HostException translate(HostRepository repository, GitAPIException e) {
        String message = String.valueOf(e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        HostException.Reason reason = lower.contains("not authorized") || lower.contains("authentication")
                ? HostException.Reason.UNAUTHORIZED
                : lower.contains("not found") ? HostException.Reason.NOT_FOUND : HostException.Reason.UNAVAILABLE;
        return new HostException(reason, "git could not reach " + repository.fullName() + ": " + message);
    }
}
