package dev.stackdraft.git;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.resolver.FileResolver;
import org.eclipse.jgit.transport.resolver.ServiceNotAuthorizedException;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FS;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real smart-HTTP git server in the test's JVM: JGit's {@link GitServlet} in embedded Tomcat on a random
 * localhost port, serving bare repositories from a temporary folder, behind HTTP Basic auth
 * ({@link #USER}/{@link #PASSWORD}, or GitHub's git user {@code x-access-token} with any token the API accepts;
 * anything else is 401). Push (receive-pack) is open to the authenticated
 * user, like a plain git host with no branch protection: non-fast-forward updates are accepted, so a force
 * push would really rewrite history, and every ref update the server is asked for is recorded
 * ({@link #received}) with its type for tests to check that nothing was forced.
 *
 * <pre>{@code
 * @RegisterExtension static final GitServerFixture git = new GitServerFixture();   // started once per class
 *
 * git.createRepository("sam-app", Map.of("template.yaml", yaml));
 * URI url = git.cloneUri("sam-app");                   // http://127.0.0.1:<port>/git/sam-app.git
 * GitCredentials who = git.credentials();
 * git.commitAsOther("sam-app", Map.of("README.md", "moved on"));   // someone else pushes to main
 * }</pre>
 * Or without JUnit: {@code try (var git = new GitServerFixture().start()) { ... }}. Repositories live as long
 * as the fixture; use a distinct name per test when it is shared by a class.
 *
 * <p>Repositories named {@code owner/name} are also on a fake of GitHub's REST API in the same server
 * ({@link #apiBase()}, {@code http://127.0.0.1:<port>/api/v3}; see {@link FakeGitHubApi}), listed in creation
 * order, their heads, trees and contents read from the repositories themselves, so the API and a clone always
 * agree. A {@link dev.stackdraft.hosting.GitHubHost} pointed at it works as against GitHub Enterprise Server,
 * git included (its credentials are {@code x-access-token} and the token):
 * <pre>{@code
 * git.createRepository("acme/app-001", Map.of("template.yaml", yaml));
 * GitHost github = new GitHubHost(git.apiBase(), "any-token");
 * git.apiRequests("/repos/[^/]+/[^/]+/git/trees/.*");   // how many tree listings were asked for
 * }</pre>
 */
public final class GitServerFixture implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    public static final String USER = "alice";
    public static final String PASSWORD = "s3cret-token-alice";
    public static final String DEFAULT_BRANCH = "main";
    /** GitHub's git user for OAuth and installation tokens: any token the fake API accepts is its password. */
    public static final String TOKEN_USER = "x-access-token";
    /** Who commits in {@link #createRepository} and the {@code ...AsOther} methods. */
    public static final Author OTHER = new Author("Other Person", "other@example.com");

    /** Tomcat logs through java.util.logging; a logger not held strongly forgets its level. */
    private static final Logger TOMCAT_LOG = Logger.getLogger("org.apache");

    /** One ref update a push asked for: what a host's pre-receive hook sees. */
    public record ReceivedCommand(String repository, String user, String ref, String oldId, String newId,
                                  ReceiveCommand.Type type) {}

    /** A repository the fake GitHub API lists: its full name, GitHub id (from 100001, in creation order) and default branch. */
    record Listed(String fullName, long id, String defaultBranch) {}

    /** One commit of a branch's history. */
    public record CommitInfo(String id, String message, String authorName, String authorEmail, String committerName,
                             String committerEmail, List<String> parents) {}

    private final List<ReceivedCommand> received = new CopyOnWriteArrayList<>();
    private final Set<String> protectedBranches = ConcurrentHashMap.newKeySet();
    private final Map<String, ConcurrentLinkedQueue<Runnable>> beforePush = new ConcurrentHashMap<>();
    private final AtomicInteger unauthorizedRequests = new AtomicInteger();
    private final List<Listed> listed = new CopyOnWriteArrayList<>();
    private final Map<String, Listed> listedByName = new ConcurrentHashMap<>();
    private final FakeGitHubApi api = new FakeGitHubApi(this);
    private @Nullable Tomcat tomcat;
    private @Nullable Path root;
    private int port;

    /** Starts the server (once; later calls do nothing). */
    public synchronized GitServerFixture start() {
        if (tomcat != null) {
            return this;
        }
        try {
            root = Files.createTempDirectory("git-server-");
            Files.createDirectories(repositories());
            TOMCAT_LOG.setLevel(Level.SEVERE);
            Tomcat server = new Tomcat();
            server.setBaseDir(root.resolve("tomcat").toString());
            Connector connector = new Connector();
            connector.setPort(0);
            connector.setProperty("address", "127.0.0.1");
            server.setConnector(connector);
            Context context = server.addContext("", root.toString());
            Tomcat.addServlet(context, "git", gitServlet());
            context.addServletMappingDecoded("/git/*", "git");
            Tomcat.addServlet(context, "github-api", api);
            context.addServletMappingDecoded("/api/v3/*", "github-api");
            FilterDef auth = new FilterDef();
            auth.setFilterName("basic-auth");
            auth.setFilter(new BasicAuth());
            context.addFilterDef(auth);
            FilterMap everything = new FilterMap();
            everything.setFilterName("basic-auth");
            everything.addURLPattern("/git/*"); // the API checks its own Bearer tokens
            context.addFilterMap(everything);
            server.start();
            port = connector.getLocalPort();
            tomcat = server;
            return this;
        } catch (IOException | LifecycleException e) {
            throw new IllegalStateException("the git server did not start", e);
        }
    }

    @Override
    public synchronized void close() {
        if (tomcat == null || root == null) {
            return;
        }
        try {
            tomcat.stop();
            tomcat.destroy();
            try (var repos = Files.find(repositories(), 2, (p, a) -> p.getFileName().toString().endsWith(".git"))) {
                repos.forEach(dir -> RepositoryCache.unregister(RepositoryCache.FileKey.exact(dir.toFile(), FS.DETECTED)));
            }
            try (var paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | LifecycleException e) {
            throw new IllegalStateException("the git server did not stop cleanly", e);
        } finally {
            tomcat = null;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public GitCredentials credentials() {
        return new GitCredentials(USER, PASSWORD);
    }

    public GitCredentials wrongCredentials() {
        return new GitCredentials(USER, "not-" + PASSWORD);
    }

    /** The fake GitHub REST API's base, {@code http://127.0.0.1:<port>/api/v3} (what GitHub Enterprise Server has). */
    public URI apiBase() {
        return URI.create("http://127.0.0.1:" + port + "/api/v3");
    }

    /**
     * How many requests to the fake GitHub API had a path (after {@code /api/v3}, without the query) matching
     * {@code pathRegex}, since the start or {@link #forgetApiRequests()}: e.g. {@code "/user/repos"} or
     * {@code "/repos/acme/[^/]+/branches/.*"}.
     */
    public long apiRequests(String pathRegex) {
        return api.requests(pathRegex);
    }

    public void forgetApiRequests() {
        api.forgetRequests();
    }

    /**
     * From now on, requests to the fake GitHub API whose path (as for {@link #apiRequests}) matches {@code pathRegex}
     * wait {@code delay} before they are answered, as a busy host's do; {@link Duration#ZERO} ends it. E.g.
     * {@code slowDown("/repos/[^/]+/[^/]+/git/trees/.*", Duration.ofMillis(50))} makes an import of many repositories take
     * a while.
     */
    public void slowDown(String pathRegex, Duration delay) {
        api.slowDown(pathRegex, delay);
    }

    /**
     * The most requests for one same path (matching {@code pathRegex}) that the fake GitHub API had under way at the
     * same time, since the start or {@link #forgetApiRequests()}: 1 when no two clients ever asked for, say, one
     * repository's tree at once.
     */
    public int apiRequestsAtOnce(String pathRegex) {
        return api.requestsAtOnce(pathRegex);
    }

    /** From now on the API answers this token 401 "Bad credentials" and git refuses it, as for a revoked token. */
    public void rejectToken(String token) {
        api.reject(token);
    }

    /**
     * From now on the fake GitHub API answers every request about the repository {@code owner/name} with 403
     * "Repository access blocked", as GitHub does for a blocked repository; {@link #unblock} ends it. It stays listed.
     */
    public void block(String fullName) {
        api.block(fullName, true);
    }

    public void unblock(String fullName) {
        api.block(fullName, false);
    }

    /** {@code http://127.0.0.1:<port>/git/<name>.git}; {@code name} may be {@code owner/name}. */
    public URI cloneUri(String name) {
        return URI.create("http://127.0.0.1:" + port + "/git/" + name + ".git");
    }

    /** The same repository as a {@code file://} URL (what the local provider hands out). */
    public URI fileUri(String name) {
        return repositoryDirectory(name).toUri();
    }

    public Path repositoryDirectory(String name) {
        return repositories().resolve(name + ".git");
    }

    /** A bare repository whose default branch is {@link #DEFAULT_BRANCH} with one commit holding the files; its id. */
    public String createRepository(String name, Map<String, String> files) {
        return createRepository(name, DEFAULT_BRANCH, files);
    }

    /** A bare repository whose default branch is {@code branch} with one commit holding the files; its id. */
    public String createRepository(String name, String branch, Map<String, String> files) {
        init(name, branch);
        String head = commit(name, branch, OTHER, "Initial commit", utf8(files), Map.of(), Set.of());
        list(name, branch);
        return head;
    }

    /**
     * Many repositories like {@link #createRepository(String, Map)}, made a few at a time in parallel (a thousand
     * take seconds) and listed by the fake API in the order given; name to head commit, in that order.
     */
    public Map<String, String> createRepositories(SequencedMap<String, Map<String, String>> filesByName) {
        List<String> names = List.copyOf(filesByName.keySet());
        Map<String, String> heads = new ConcurrentHashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> made = new ArrayList<>();
            for (String name : names) {
                made.add(pool.submit(() -> {
                    init(name, DEFAULT_BRANCH);
                    heads.put(name, commit(name, DEFAULT_BRANCH, OTHER, "Initial commit", utf8(filesByName.get(name)),
                            Map.of(), Set.of()));
                }));
            }
            for (Future<?> one : made) {
                one.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a repository could not be created", e.getCause());
        }
        SequencedMap<String, String> inOrder = new LinkedHashMap<>();
        for (String name : names) {
            list(name, DEFAULT_BRANCH);
            inOrder.put(name, heads.get(name));
        }
        return inOrder;
    }

    /**
     * A bare repository without any commit (HEAD names {@code branch}, which does not exist yet). A name
     * {@code owner/name} puts it on the fake GitHub API too.
     */
    public void createEmptyRepository(String name, String branch) {
        init(name, branch);
        list(name, branch);
    }

    private void init(String name, String branch) {
        Path dir = repositoryDirectory(name);
        if (Files.exists(dir)) {
            throw new IllegalStateException("repository " + name + " exists already");
        }
        // no http.receivepack in the config: the servlet's own receive-pack factory decides who may push
        try (Git git = Git.init().setBare(true).setDirectory(dir.toFile()).setInitialBranch(branch).call()) {
            git.getRepository().getDirectory(); // created
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts {@code owner/name} on the fake GitHub API, after the repositories created before it. */
    private void list(String name, String branch) {
        if (name.indexOf('/') > 0) {
            synchronized (listed) {
                Listed entry = new Listed(name, 100_001L + listed.size(), branch);
                listed.add(entry);
                listedByName.put(name, entry);
            }
        }
    }

    /** Someone else's commit on the default branch, as if pushed by them; the new head's id. */
    public String commitAsOther(String name, Map<String, String> files) {
        return commitAsOther(name, DEFAULT_BRANCH, "Someone else's change", files);
    }

    /** Someone else's commit writing the files on {@code branch} (created when missing); the new head's id. */
    public String commitAsOther(String name, String branch, String message, Map<String, String> files) {
        return commit(name, branch, OTHER, message, utf8(files), Map.of(), Set.of());
    }

    /** Someone else's commit adding a symbolic link {@code path -> target} (what a hostile repository may hold). */
    public String symlinkAsOther(String name, String branch, String path, String target) {
        return commit(name, branch, OTHER, "Link " + path, Map.of(), Map.of(path, target), Set.of());
    }

    /** Someone else's commit deleting files on {@code branch}; the new head's id. */
    public String deleteAsOther(String name, String branch, String message, String... paths) {
        return commit(name, branch, OTHER, message, Map.of(), Map.of(), Set.of(paths));
    }

    /**
     * Runs {@code action} (typically a {@link #commitAsOther}) inside the server while the next push to the
     * repository is being received, after the client saw the branch's head and before the server updates it:
     * the race every host has, answered by the server rather than caught by the client. One action per push:
     * queue several for several pushes.
     */
    public void beforeNextPush(String name, Runnable action) {
        beforePush.computeIfAbsent(name, n -> new ConcurrentLinkedQueue<>()).add(action);
    }

    /** From now on pushes to {@code branch} of the repository are declined, as a host's protected branch is. */
    public void protectBranch(String name, String branch) {
        protectedBranches.add(name + ":" + Constants.R_HEADS + branch);
    }

    /** Every ref update asked of the repository's receive-pack, oldest first. */
    public List<ReceivedCommand> received(String name) {
        return received.stream().filter(c -> c.repository().equals(name)).toList();
    }

    /** How many requests were answered 401 so far (a client meets one first, then sends its credentials). */
    public int unauthorizedRequests() {
        return unauthorizedRequests.get();
    }

    /** The id of the branch's head, if the branch exists. */
    public Optional<String> head(String name, String branch) {
        try (Repository repository = open(name)) {
            return Optional.ofNullable(repository.resolve(Constants.R_HEADS + branch)).map(ObjectId::name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's bytes at the head of {@code branch}, if it is there. */
    public Optional<byte[]> readBytes(String name, String branch, String path) {
        try (Repository repository = open(name); RevWalk walk = new RevWalk(repository)) {
            ObjectId head = repository.resolve(Constants.R_HEADS + branch);
            if (head == null) {
                return Optional.empty();
            }
            try (TreeWalk found = TreeWalk.forPath(repository, path, walk.parseCommit(head).getTree())) {
                return found == null ? Optional.empty() : Optional.of(repository.open(found.getObjectId(0)).getBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's text (UTF-8) at the head of {@code branch}, if it is there. */
    public Optional<String> read(String name, String branch, String path) {
        return readBytes(name, branch, path).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /** The branch's whole history, newest first. */
    public List<CommitInfo> log(String name, String branch) {
        try (Repository repository = open(name); RevWalk walk = new RevWalk(repository)) {
            ObjectId head = repository.resolve(Constants.R_HEADS + branch);
            List<CommitInfo> log = new ArrayList<>();
            if (head == null) {
                return log;
            }
            walk.markStart(walk.parseCommit(head));
            for (RevCommit c : walk) {
                log.add(new CommitInfo(c.name(), c.getFullMessage(), c.getAuthorIdent().getName(),
                        c.getAuthorIdent().getEmailAddress(), c.getCommitterIdent().getName(),
                        c.getCommitterIdent().getEmailAddress(), List.of(c.getParents()).stream().map(RevCommit::name).toList()));
            }
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the fake GitHub API lists, in creation order. */
    List<Listed> listed() {
        return List.copyOf(listed);
    }

    @Nullable Listed listed(String fullName) {
        return listedByName.get(fullName);
    }

    /** The repository from JGit's cache, shared with the git servlet; close it to give it back. */
    Repository openCached(String name) throws IOException {
        return RepositoryCache.open(RepositoryCache.FileKey.exact(repositoryDirectory(name).toFile(), FS.DETECTED), true);
    }

    private Path repositories() {
        if (root == null) {
            throw new IllegalStateException("the git server is not started");
        }
        return root.resolve("repositories");
    }

    private Repository open(String name) throws IOException {
        return new FileRepositoryBuilder().setGitDir(repositoryDirectory(name).toFile()).setMustExist(true).build();
    }

    private static Map<String, byte[]> utf8(Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((path, text) -> bytes.put(path, text.getBytes(StandardCharsets.UTF_8)));
        return bytes;
    }

    /** A commit made straight in the bare repository (no working tree), moving the branch forward only. */
    private String commit(String name, String branch, Author who, String message, Map<String, byte[]> writes,
                          Map<String, String> links, Set<String> deletes) {
        try (Repository repository = open(name); ObjectInserter inserter = inserter(repository);
             ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            String ref = Constants.R_HEADS + branch;
            ObjectId parent = repository.resolve(ref);
            DirCache index = parent == null ? DirCache.newInCore()
                    : DirCache.read(reader, walk.parseCommit(parent).getTree());
            DirCacheEditor editor = index.editor();
            for (Map.Entry<String, byte[]> write : writes.entrySet()) {
                editor.add(entry(write.getKey(), FileMode.REGULAR_FILE, inserter.insert(Constants.OBJ_BLOB, write.getValue())));
            }
            for (Map.Entry<String, String> link : links.entrySet()) {
                ObjectId target = inserter.insert(Constants.OBJ_BLOB, link.getValue().getBytes(StandardCharsets.UTF_8));
                editor.add(entry(link.getKey(), FileMode.SYMLINK, target));
            }
            deletes.forEach(path -> editor.add(new DirCacheEditor.DeletePath(path)));
            editor.finish();
            PersonIdent ident = new PersonIdent(who.name(), who.email());
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            if (parent != null) {
                commit.setParentId(parent);
            }
            commit.setAuthor(ident);
            commit.setCommitter(ident);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repository.updateRef(ref);
            update.setNewObjectId(id);
            update.setExpectedOldObjectId(parent == null ? ObjectId.zeroId() : parent);
            update.setRefLogMessage("commit: " + message, false);
            RefUpdate.Result result = update.update(walk);
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
                throw new IllegalStateException("could not move " + ref + ": " + result);
            }
            return id.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One pack per commit instead of a file per object: a few files instead of twenty, which is what makes
     * creating hundreds of repositories take seconds rather than tens of seconds.
     */
    private static ObjectInserter inserter(Repository repository) {
        return repository.getObjectDatabase() instanceof ObjectDirectory objects ? objects.newPackInserter()
                : repository.newObjectInserter();
    }

    private static DirCacheEditor.PathEdit entry(String path, FileMode mode, ObjectId blob) {
        return new DirCacheEditor.PathEdit(path) {
            @Override
            public void apply(DirCacheEntry entry) {
                entry.setFileMode(mode);
                entry.setObjectId(blob);
            }
        };
    }

    private GitServlet gitServlet() {
        GitServlet servlet = new GitServlet();
        servlet.setRepositoryResolver(new FileResolver<>(repositories().toFile(), true));
        // the default factory refuses anyone the servlet container did not authenticate: say who may push
        servlet.setReceivePackFactory((request, db) -> {
            String user = request.getRemoteUser();
            if (user == null) {
                throw new ServiceNotAuthorizedException();
            }
            String name = repositories().relativize(db.getDirectory().toPath()).toString().replace('\\', '/')
                    .replaceFirst("\\.git$", "");
            ReceivePack receive = new ReceivePack(db);
            receive.setRefLogIdent(new PersonIdent(user, user + "@localhost"));
            receive.setAllowNonFastForwards(true);
            receive.setPreReceiveHook((rp, commands) -> {
                for (ReceiveCommand command : commands) {
                    received.add(new ReceivedCommand(name, user, command.getRefName(), command.getOldId().name(),
                            command.getNewId().name(), command.getType()));
                    if (protectedBranches.contains(name + ":" + command.getRefName())) {
                        command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, "protected branch hook declined");
                    }
                }
                var queue = beforePush.get(name);
                Runnable action = queue == null ? null : queue.poll();
                if (action != null) {
                    action.run();
                }
            });
            return receive;
        });
        return servlet;
    }

    /**
     * HTTP Basic auth as a host's token check: {@link #USER} with {@link #PASSWORD}, or {@link #TOKEN_USER} with a
     * token the fake API accepts (GitHub's git login); the user it lets through is the request's remote user.
     */
    private final class BasicAuth implements Filter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            String user = user(http.getHeader("Authorization"));
            if (user == null) {
                unauthorizedRequests.incrementAndGet();
                HttpServletResponse answer = (HttpServletResponse) response;
                answer.setHeader("WWW-Authenticate", "Basic realm=\"git\"");
                answer.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            chain.doFilter(new HttpServletRequestWrapper(http) {
                @Override
                public String getRemoteUser() {
                    return user;
                }

                @Override
                public Principal getUserPrincipal() {
                    return () -> user;
                }

                @Override
                public String getAuthType() {
                    return HttpServletRequest.BASIC_AUTH;
                }
            }, response);
        }

        /** Who the credentials are, or null when they are no one's. */
        private @Nullable String user(@Nullable String authorization) {
            if (authorization == null || !authorization.startsWith("Basic ")) {
                return null;
            }
            String pair;
            try {
                pair = new String(Base64.getDecoder().decode(authorization.substring("Basic ".length()).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = pair.indexOf(':');
            String user = colon < 0 ? pair : pair.substring(0, colon);
            String password = colon < 0 ? "" : pair.substring(colon + 1);
            boolean known = user.equals(USER) ? password.equals(PASSWORD) : user.equals(TOKEN_USER) && api.accepts(password);
            return known ? user : null;
        }
    }
}
