package dev.stackdraft.hosting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.util.FileUtils;

/**
 * The sample projects the local provider starts with, so that a fresh install has something to open: under the
 * owner {@value #OWNER}, {@code orders-service} (a SAM app: REST API, functions, a DynamoDB table, a layer the
 * functions use and an AppSync GraphQL API with a data source and a resolver), {@code notes-serverless} (a
 * {@code serverless.yml} app: functions with http events and a layer) and {@code docs-only} (no template at all).
 * Their files are the resources under {@code samples/}, listed in {@code samples/index.txt}.
 */
public final class SampleProjects {

    public static final String OWNER = "stackdraft-samples";

    private static final String BRANCH = "main";
    private static final String INDEX = "samples/index.txt";

    private SampleProjects() {}

    /**
     * Creates the sample repositories under {@code gitRoot} when it holds no repository yet (the first start);
     * does nothing otherwise, so samples a user deleted stay deleted. Each repository is built beside its final
     * place and moved there in one step, so a crash never leaves half a repository.
     *
     * @return the full names of the repositories created; empty when the folder already had repositories
     */
    public static List<String> seedIfEmpty(Path gitRoot, Instant now) {
        LocalGitHost host = new LocalGitHost(gitRoot);
        if (!host.repositories().isEmpty()) {
            return List.of();
        }
        List<String> created = new ArrayList<>();
        samples().forEach((name, files) -> {
            String fullName = OWNER + "/" + name;
            Path target = host.directoryOf(fullName);
            if (!Files.exists(target)) {
                create(target, files, now);
                created.add(fullName);
            }
        });
        return List.copyOf(created);
    }

    /** The sample repositories by name, each with its files (path → bytes) in the order of the index. */
    static Map<String, Map<String, byte[]>> samples() {
        Map<String, Map<String, byte[]>> samples = new LinkedHashMap<>();
        for (String line : resource(INDEX).lines().toList()) {
            String path = line.strip();
            if (path.isEmpty() || path.startsWith("#")) {
                continue;
            }
            int slash = path.indexOf('/');
            samples.computeIfAbsent(path.substring(0, slash), k -> new LinkedHashMap<>())
                    .put(path.substring(slash + 1), resourceBytes("samples/" + path));
        }
        return samples;
    }

    private static void create(Path target, Map<String, byte[]> files, Instant now) {
        Path building = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            try (Git git = Git.init().setBare(true).setInitialBranch(BRANCH).setDirectory(building.toFile()).call()) {
                commit(git.getRepository(), files, now);
            }
            Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | GitAPIException e) {
            deleteQuietly(building);
            throw new IllegalStateException("cannot create the sample repository " + target + ": " + e.getMessage(), e);
        }
    }

    private static void commit(Repository repo, Map<String, byte[]> files, Instant now) throws IOException {
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                DirCacheEntry entry = new DirCacheEntry(file.getKey());
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.getValue()));
                builder.add(entry);
            }
            builder.finish();
            PersonIdent author = new PersonIdent("Stackdraft samples", "samples@stackdraft.invalid", now, ZoneOffset.UTC);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            commit.setAuthor(author);
            commit.setCommitter(author);
            commit.setMessage("Sample project\n\nCreated by Stackdraft on first start.\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repo.updateRef(Constants.R_HEADS + BRANCH);
            update.setNewObjectId(id);
            update.setExpectedOldObjectId(ObjectId.zeroId());
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW) {
                throw new IOException("could not create branch " + BRANCH + ": " + result);
            }
        }
    }

    private static String resource(String name) {
        return new String(resourceBytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] resourceBytes(String name) {
        try (InputStream in = SampleProjects.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " (the build leaves out the samples?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
        } catch (IOException ignored) {
            // a leftover starts with a dot: the local provider never lists it
        }
    }
}
