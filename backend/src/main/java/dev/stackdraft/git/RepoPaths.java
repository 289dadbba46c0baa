package dev.stackdraft.git;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/** Names from outside (cache keys, paths in a repository) turned into files that stay where they belong. */
final class RepoPaths {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]*");

    private RepoPaths() {}

    /** {@code cacheRoot/key}, where a key is one or more safe segments separated by {@code /}. */
    static Path cacheDirectory(Path cacheRoot, String key) {
        for (String segment : key.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.endsWith(".lock") || segment.equals(".git")) {
                throw new IllegalArgumentException("not a usable working copy key: '" + key
                        + "' (segments of letters, digits, . _ @ + -, separated by /)");
            }
        }
        return cacheRoot.resolve(key).normalize();
    }

    /**
     * A path inside a working copy, as git names it ({@code infra/template.yaml}): relative, {@code /}-separated,
     * without {@code .} or {@code ..} segments and never into {@code .git}.
     */
    static Path inside(Path root, String path) {
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a path inside a repository: '" + path + "'");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
                    || segment.toLowerCase(Locale.ROOT).equals(".git")) {
                throw new IllegalArgumentException("not a path inside a repository: '" + path + "'");
            }
        }
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("not a path inside a repository: '" + path + "'");
        }
        return file;
    }

    /** The first symbolic link on the way from {@code root} to {@code file}, if any: a repository may hold one pointing anywhere. */
    static boolean crossesLink(Path root, Path file) {
        Path current = root;
        for (Path name : root.relativize(file)) {
            current = current.resolve(name);
            if (Files.isSymbolicLink(current)) {
                return true;
            }
        }
        return false;
    }

    /** Writes through a temporary file in the same folder and a rename, so no reader ever sees half a file. */
    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path folder = file.getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, ".stackdraft-", ".tmp");
        try {
            Files.write(temp, bytes);
            keepPermissions(file, temp);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void keepPermissions(Path original, Path temp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        if (Files.exists(original, LinkOption.NOFOLLOW_LINKS)) {
            view.setPermissions(Files.getPosixFilePermissions(original, LinkOption.NOFOLLOW_LINKS));
        } else {
            view.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Deletes a folder and everything under it; links are removed, never followed. */
    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
