package dev.stackdraft.environment;

import dev.stackdraft.template.SourceLocation;
import dev.stackdraft.template.TemplateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import org.jspecify.annotations.Nullable;

/**
 * Replaces a file's content all at once, as the CLI's {@code AtomicWrite} does: a temporary file beside it (with the
 * old file's permissions), then an atomic rename; a reader sees the old file or the new one, never half of either.
 */
final class AtomicFile {

    private AtomicFile() {}

    /**
     * @param expected what the file must still hold, or null when it must not exist yet; else nothing is written
     */
    static void replace(Path file, @Nullable String expected, String content) {
        try {
            String onDisk = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
            if (expected == null ? onDisk != null : !expected.equals(onDisk)) {
                throw new TemplateException(new SourceLocation(file.toString(), 1, 1),
                        "the file changed while it was being edited; nothing written", "run again");
            }
            Path dir = file.toAbsolutePath().getParent();
            Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".stackdraft");
            try {
                Files.writeString(temp, content, StandardCharsets.UTF_8);
                PosixFileAttributeView old = onDisk == null ? null : Files.getFileAttributeView(file, PosixFileAttributeView.class);
                if (old != null) {
                    Files.setPosixFilePermissions(temp, old.readAttributes().permissions());
                }
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (AtomicMoveNotSupportedException e) {
            throw new TemplateException(new SourceLocation(file.toString(), 1, 1),
                    "this file system cannot replace a file atomically; nothing written", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
