package dev.stackdraft.importer;

import dev.stackdraft.project.StackAssessor;

import dev.stackdraft.git.GitCredentials;
import dev.stackdraft.hosting.GitHost;
import dev.stackdraft.hosting.HostException;
import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.HostRepository;
import dev.stackdraft.hosting.HostUser;
import dev.stackdraft.hosting.PullRequest;
import dev.stackdraft.hosting.RepositoryFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One repository's files in memory, for detection tests; remembers which files were read. */
final class MapHost implements GitHost {

    static final HostRepository REPOSITORY = new HostRepository(HostKind.GITHUB, "1", "acme/app", "main",
            URI.create("https://example.com/acme/app.git"), URI.create("https://example.com/acme/app"), false);

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, Long> sizes = new LinkedHashMap<>();
    final List<String> reads = new ArrayList<>();

    MapHost with(String path, String text) {
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** A file the listing says is {@code size} bytes (-1: the host does not say). */
    MapHost withSize(String path, String text, long size) {
        with(path, text);
        sizes.put(path, size);
        return this;
    }

    Detection detect(int maxFilesRead) {
        return new TemplateDetector(new StackAssessor(), maxFilesRead).detect(this, REPOSITORY, "main");
    }

    Detection detect() {
        return detect(40);
    }

    @Override
    public HostKind kind() {
        return HostKind.GITHUB;
    }

    @Override
    public HostUser currentUser() {
        return new HostUser("1", "me", "Me", "me@example.com");
    }

    @Override
    public List<HostRepository> repositories() {
        return List.of(REPOSITORY);
    }

    @Override
    public Optional<String> branchHead(HostRepository repository, String branch) {
        return Optional.of("0123456789abcdef0123456789abcdef01234567");
    }

    @Override
    public List<RepositoryFile> files(HostRepository repository, String ref) {
        return files.entrySet().stream()
                .map(e -> new RepositoryFile(e.getKey(), sizes.getOrDefault(e.getKey(), (long) e.getValue().length)))
                .toList();
    }

    @Override
    public byte[] read(HostRepository repository, String ref, String path) {
        reads.add(path);
        byte[] bytes = files.get(path);
        if (bytes == null) {
            throw new HostException(HostException.Reason.NOT_FOUND, path);
        }
        return bytes;
    }

    @Override
    public boolean canRead(HostRepository repository) {
        return true;
    }

    @Override
    public PullRequest openPullRequest(HostRepository repository, String head, String base, String title, String body) {
        throw new UnsupportedOperationException();
    }

    @Override
    public GitCredentials gitCredentials() {
        return GitCredentials.NONE;
    }
}
