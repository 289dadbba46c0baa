package dev.stackdraft.hosting;

import dev.stackdraft.git.GitCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FS;
import org.jspecify.annotations.Nullable;

/**
 * The local provider: bare repositories in the data folder, {@code <root>/<owner>/<name>.git}, read with JGit.
 * It needs no account and no network; every local user can read every repository in it. Repositories are found
 * by scanning the folder (entries whose name starts with a dot are skipped: that is where
 * {@link SampleProjects} builds a repository before moving it into place). There are no pull requests here:
 * write back to a branch instead. Thread-safe: each call opens and closes its repository.
 */
public final class LocalGitHost implements GitHost {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    private static final String SUFFIX = ".git";

    private final Path root;
    private final HostUser user;

    /** @param root the folder holding {@code <owner>/<name>.git}; it need not exist yet */
    public LocalGitHost(Path root) {
        this(root, new HostUser("local", "local", "Stackdraft", "stackdraft@localhost"));
    }

    public LocalGitHost(Path root, HostUser user) {
        this.root = root.toAbsolutePath().normalize();
        this.user = user;
    }

    public Path root() {
        return root;
    }

    /**
     * The same repositories, with {@code user} as {@link #currentUser()}: the local provider keeps no profiles, so
     * the local account a user signed in with says whom their commits are by.
     */
    public LocalGitHost as(HostUser user) {
        return new LocalGitHost(root, user);
    }

    /** Where the bare repository {@code owner/name} lives (or would live). */
    public Path directoryOf(String fullName) {
        int slash = fullName.indexOf('/');
        if (slash < 0 || !valid(fullName.substring(0, slash)) || !valid(fullName.substring(slash + 1))) {
            throw new HostException(HostException.Reason.NOT_FOUND, "no local repository '" + fullName
                    + "': a local repository is named owner/name, each of letters, digits, '.', '_' and '-'");
        }
        return root.resolve(fullName.substring(0, slash)).resolve(fullName.substring(slash + 1) + SUFFIX);
    }

    @Override
    public HostKind kind() {
        return HostKind.LOCAL;
    }

    @Override
    public HostUser currentUser() {
        return user;
    }

    @Override
    public List<HostRepository> repositories() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<HostRepository> found = new ArrayList<>();
        try (Stream<Path> owners = Files.list(root)) {
            for (Path owner : owners.filter(LocalGitHost::visibleDirectory)
                    .filter(p -> valid(p.getFileName().toString())).sorted().toList()) {
                try (Stream<Path> names = Files.list(owner)) {
                    names.filter(LocalGitHost::visibleDirectory)
                            .filter(p -> p.getFileName().toString().endsWith(SUFFIX) && valid(stripSuffix(p)))
                            .filter(LocalGitHost::isRepository)
                            .sorted()
                            .forEach(dir -> describe(owner.getFileName() + "/" + stripSuffix(dir)).ifPresent(found::add));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw unavailable("cannot list the local repositories in " + root, e);
        }
        found.sort(Comparator.comparing(HostRepository::fullName));
        return List.copyOf(found);
    }

    /** The branch's ref, read in the bare repository. */
    @Override
    public Optional<String> branchHead(HostRepository repository, String branch) {
        try (Repository repo = open(repository)) {
            @Nullable Ref ref = branch.isEmpty() ? null : repo.exactRef(Constants.R_HEADS + branch);
            return ref == null || ref.getObjectId() == null ? Optional.empty() : Optional.of(ref.getObjectId().name());
        } catch (IOException e) {
            throw unavailable("cannot read the branch " + branch + " of " + repository.fullName(), e);
        }
    }

    /** None for an empty repository or an empty {@code ref}. */
    @Override
    public List<RepositoryFile> files(HostRepository repository, String ref) {
        try (Repository repo = open(repository); RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
            if (ref.isEmpty() || !repo.getRefDatabase().hasRefs()) {
                return List.of();
            }
            ObjectReader reader = tree.getObjectReader();
            tree.addTree(treeOf(repo, walk, repository, ref));
            tree.setRecursive(true);
            List<RepositoryFile> files = new ArrayList<>();
            while (tree.next()) {
                FileMode mode = tree.getFileMode(0);
                if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                    files.add(new RepositoryFile(tree.getPathString(),
                            reader.getObjectSize(tree.getObjectId(0), Constants.OBJ_BLOB)));
                }
            }
            return files;
        } catch (IOException e) {
            throw unavailable("cannot read " + repository.fullName(), e);
        }
    }

    @Override
    public byte[] read(HostRepository repository, String ref, String path) {
        try (Repository repo = open(repository); RevWalk walk = new RevWalk(repo)) {
            RevTree tree = treeOf(repo, walk, repository, ref);
            try (TreeWalk file = TreeWalk.forPath(repo, path, tree)) {
                if (file == null || file.getFileMode(0).getObjectType() != Constants.OBJ_BLOB) {
                    throw new HostException(HostException.Reason.NOT_FOUND,
                            "no file " + path + " in " + repository.fullName() + " at " + ref);
                }
                try (InputStream in = repo.open(file.getObjectId(0), Constants.OBJ_BLOB).openStream()) {
                    return in.readAllBytes();
                }
            }
        } catch (IOException e) {
            throw unavailable("cannot read " + path + " from " + repository.fullName(), e);
        }
    }

    @Override
    public boolean canRead(HostRepository repository) {
        try {
            return isRepository(directoryOf(repository.fullName()));
        } catch (HostException e) {
            return false;
        }
    }

    /** Always refused ({@link HostException.Reason#REJECTED}): the local provider has no pull requests. */
    @Override
    public PullRequest openPullRequest(HostRepository repository, String head, String base, String title, String body) {
        throw new HostException(HostException.Reason.REJECTED, "the local provider has no pull requests: "
                + repository.fullName() + " is a bare repository in the data folder; push the edit to a branch instead");
    }

    @Override
    public GitCredentials gitCredentials() {
        return GitCredentials.NONE;
    }

    /** The repository {@code owner/name} as this host describes it, if it exists. */
    public Optional<HostRepository> describe(String fullName) {
        Path dir = directoryOf(fullName);
        if (!isRepository(dir)) {
            return Optional.empty();
        }
        try (Repository repo = openDirectory(dir)) {
            URI url = URI.create("file://" + dir.toUri().getRawPath().replaceAll("/$", ""));
            return Optional.of(new HostRepository(HostKind.LOCAL, fullName, fullName, defaultBranch(repo),
                    url, url, false));
        } catch (IOException e) {
            throw unavailable("cannot open " + fullName, e);
        }
    }

    private static String defaultBranch(Repository repo) throws IOException {
        Ref head = repo.exactRef(Constants.HEAD);
        if (head != null && head.isSymbolic()) {
            return Repository.shortenRefName(head.getTarget().getName());
        }
        String branch = repo.getBranch(); // a detached HEAD names a commit; fall back to the usual name
        return branch == null || ObjectId.isId(branch) ? Constants.MASTER : branch;
    }

    private Repository open(HostRepository repository) throws IOException {
        Path dir = directoryOf(repository.fullName());
        if (!isRepository(dir)) {
            throw new HostException(HostException.Reason.NOT_FOUND, "no local repository " + repository.fullName());
        }
        return openDirectory(dir);
    }

    private static Repository openDirectory(Path dir) throws IOException {
        return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).setBare().build();
    }

    private static RevTree treeOf(Repository repo, RevWalk walk, HostRepository repository, String ref) throws IOException {
        @Nullable ObjectId commit = ref.startsWith("-") ? null : repo.resolve(ref + "^{commit}");
        if (commit == null) {
            throw new HostException(HostException.Reason.NOT_FOUND, "no branch or commit '" + ref + "' in "
                    + repository.fullName());
        }
        return walk.parseCommit(commit).getTree();
    }

    private static boolean valid(String segment) {
        return SEGMENT.matcher(segment).matches();
    }

    private static boolean visibleDirectory(Path path) {
        return Files.isDirectory(path) && !path.getFileName().toString().startsWith(".");
    }

    private static boolean isRepository(Path dir) {
        return Files.isDirectory(dir) && RepositoryCache.FileKey.isGitRepository(dir.toFile(), FS.DETECTED);
    }

    private static String stripSuffix(Path dir) {
        String name = dir.getFileName().toString();
        return name.substring(0, name.length() - SUFFIX.length());
    }

    private static HostException unavailable(String what, Exception e) {
        return new HostException(HostException.Reason.UNAVAILABLE, what + ": " + e.getMessage());
    }
}
