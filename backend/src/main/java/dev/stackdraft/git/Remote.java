package dev.stackdraft.git;

import dev.stackdraft.git.GitException.Reason;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.jspecify.annotations.Nullable;

/**
 * The remote of a working copy ({@code origin}) and the two things done with it: a depth-1 fetch of one branch,
 * and a push that is never forced. Credentials go through a {@link CredentialsProvider}, never into a URL,
 * a config file or a message.
 */
final class Remote {

    static final String NAME = "origin";
    private static final int TIMEOUT_SECONDS = 120;

    /** What became of one push. */
    sealed interface PushStatus {
        record Ok() implements PushStatus {}

        /** The remote branch is not where we built on: fetch, apply again, retry. */
        record Moved(String detail) implements PushStatus {}

        record Refused(String message) implements PushStatus {}
    }

    private final URI url;
    private final @Nullable CredentialsProvider credentials;

    Remote(URI url, GitCredentials credentials) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of("https", "http", "file").contains(scheme)) {
            throw new IllegalArgumentException("clone over https, http or file only, not '" + scheme + "'");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("a clone URL carries no credentials: pass them as GitCredentials");
        }
        this.url = url;
        this.credentials = credentials.isNone() ? null
                : new UsernamePasswordCredentialsProvider(credentials.username(), credentials.password());
    }

    URI url() {
        return url;
    }

    /** Points {@code origin} at this URL (the repository may have been renamed or moved since the last time). */
    void configure(Repository repository) throws IOException {
        StoredConfig config = repository.getConfig();
        config.setString("remote", NAME, "url", url.toString());
        config.setString("remote", NAME, "fetch", "+refs/heads/*:refs/remotes/" + NAME + "/*");
        // JGit runs "gc --auto" after every fetch, detached in a thread of its own by default: it would still be
        // working in a folder we move, delete or lock next. Run it in the caller's thread, under our lock.
        config.setBoolean("gc", null, "autoDetach", false);
        config.save();
    }

    /** Fetches the branch's head alone (depth 1, no tags) into {@code refs/remotes/origin/<branch>}. */
    ObjectId fetch(Git git, String branch) {
        String remoteRef = "refs/heads/" + branch;
        FetchCommand fetch = git.fetch().setRemote(NAME)
                .setRefSpecs(new RefSpec("+" + remoteRef + ":" + tracking(branch)))
                .setDepth(1)
                .setTagOpt(TagOpt.NO_TAGS)
                .setTimeout(TIMEOUT_SECONDS)
                .setCredentialsProvider(credentials);
        try {
            FetchResult result = fetch.call();
            Ref advertised = result.getAdvertisedRef(remoteRef);
            if (advertised == null || advertised.getObjectId() == null) {
                throw new GitException(Reason.BRANCH_NOT_FOUND, "could not fetch " + url + ": it has no branch '" + branch + "'");
            }
            return advertised.getObjectId();
        } catch (GitException e) {
            throw e;
        } catch (GitAPIException | RuntimeException e) {
            throw failure("could not fetch branch '" + branch + "' of", e);
        }
    }

    /**
     * Pushes {@code commit} to {@code refs/heads/<remoteBranch>}, not forced, expecting the remote branch to be at
     * {@code expectedOld} (the zero id: that it does not exist yet). Expecting the old id, not only a fast-forward,
     * makes a branch that someone reset backwards count as moved too, rather than our commit bringing back what
     * they removed.
     */
    PushStatus push(Repository repository, ObjectId commit, String remoteBranch, ObjectId expectedOld) {
        String remoteRef = "refs/heads/" + remoteBranch;
        try (Transport transport = Transport.open(repository, NAME)) {
            transport.setCredentialsProvider(credentials);
            transport.setTimeout(TIMEOUT_SECONDS);
            RemoteRefUpdate update = new RemoteRefUpdate(repository, null, commit, remoteRef, false,
                    tracking(remoteBranch), expectedOld);
            PushResult result = transport.push(NullProgressMonitor.INSTANCE, List.of(update));
            RemoteRefUpdate pushed = result.getRemoteUpdate(remoteRef);
            return status(pushed == null ? update : pushed);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            throw failure("could not push to", e);
        }
    }

    private static PushStatus status(RemoteRefUpdate update) {
        String message = update.getMessage() == null ? "" : update.getMessage();
        return switch (update.getStatus()) {
            case OK -> new PushStatus.Ok();
            case REJECTED_NONFASTFORWARD -> new PushStatus.Moved("non-fast-forward");
            case REJECTED_REMOTE_CHANGED -> new PushStatus.Moved("the remote branch changed");
            case REJECTED_OTHER_REASON -> movedMessage(message) ? new PushStatus.Moved(message)
                    : new PushStatus.Refused(message.isBlank() ? "the remote rejected the push" : message);
            case REJECTED_NODELETE, UP_TO_DATE, NON_EXISTING, NOT_ATTEMPTED, AWAITING_REPORT ->
                    new PushStatus.Refused("the push ended as " + update.getStatus() + (message.isBlank() ? "" : ": " + message));
        };
    }

    /** How hosts word "someone pushed first" when it is not caught before sending (a race on the server). */
    private static boolean movedMessage(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("fetch first") || m.contains("non-fast-forward") || m.contains("failed to lock")
                || m.contains("lock error") || m.contains("cannot lock ref") || m.contains("stale info")
                || m.contains("failed to update ref");
    }

    static String tracking(String branch) {
        return "refs/remotes/" + NAME + "/" + branch;
    }

    GitException failure(String action, Exception e) {
        String detail = detail(e);
        String d = detail.toLowerCase(Locale.ROOT);
        if (d.contains("not authorized") || d.contains("authentication is required") || d.contains(" 401")
                || d.contains(" 403") || d.contains("authentication not supported")) {
            return new GitException(Reason.UNAUTHORIZED, action + " " + url
                    + ": the host refused the credentials (a wrong, expired or revoked token, or no access)", e);
        }
        if (d.contains("remote does not have refs/heads/")) {
            return new GitException(Reason.BRANCH_NOT_FOUND, action + " " + url + ": no such branch (" + detail + ")", e);
        }
        if (hasCause(e, NoRemoteRepositoryException.class) || d.contains("not found") || d.contains(" 404")
                || d.contains("not a git repository") || d.contains("does not appear to be a git repository")) {
            return new GitException(Reason.NOT_FOUND, action + " " + url
                    + ": no such repository, or these credentials cannot see it", e);
        }
        return new GitException(Reason.FAILED, action + " " + url + ": " + detail, e);
    }

    private static String detail(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && all.indexOf(t.getMessage()) < 0) {
                all.append(all.isEmpty() ? "" : ": ").append(t.getMessage());
            }
        }
        return all.isEmpty() ? e.getClass().getSimpleName() : all.toString();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
