package dev.stackdraft.runtime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Paths in the repository: relative to its root, {@code /} between folders, no {@code .} or {@code ..}, root is "". */
final class RepoPaths {

    private RepoPaths() {}

    /** The folder a file is in: {@code stacks/api} for {@code stacks/api/template.yaml}, "" at the root. */
    static String folderOf(String filePath) {
        String path = normalize("", filePath).orElse("");
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /**
     * {@code relative} seen from {@code folder}, normalized; empty when it leaves the repository or is absolute
     * (nothing in the repository can be said of it).
     */
    static Optional<String> normalize(String folder, String relative) {
        String path = relative.strip().replace('\\', '/');
        if (path.startsWith("/") || path.matches("[A-Za-z]:/.*")) {
            return Optional.empty();
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : (folder + "/" + path).split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return Optional.of(String.join("/", parts));
    }

    /** A file in a folder: {@code src/hello/bootstrap}, or {@code bootstrap} at the root. */
    static String file(String folder, String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
    }

    /** A folder as users read it: {@code src/hello/}, or "the repository's root". */
    static String show(String folder) {
        return folder.isEmpty() ? "the repository's root" : folder + "/";
    }
}
