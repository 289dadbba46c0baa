package dev.stackdraft.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Arrays;

/**
 * Replaces a file's content all at once: the new bytes go to a temporary file beside it, are forced to disk,
 * take the old file's permissions, and then an atomic rename puts them in its place. A reader sees the old file
 * or the new one, never half of either; a failure anywhere leaves the old file as it was.
 */
final class AtomicWrite {

    private AtomicWrite() {}

    /**
     * @param expected what the file must still hold (what the edit was computed from); else nothing is written
     * @throws CliFailure when the file cannot be replaced, saying why
     */
    static void replace(Path file, byte[] expected, byte[] content) {
        try {
            Path target = file.toRealPath(); // through a symbolic link to the file itself
            if (!Files.isWritable(target)) {
                throw new CliFailure(file + ": the file is read-only; nothing written");
            }
            if (!Arrays.equals(Files.readAllBytes(target), expected)) {
                throw new CliFailure(file + ": the file changed while it was being edited; nothing written, run again");
            }
            Path directory = target.getParent();
            Path temp = Files.createTempFile(directory, "." + target.getFileName() + ".", ".stackdraft");
            boolean moved = false;
            try {
                write(temp, content);
                copyPermissions(target, temp);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                moved = true;
            } finally {
                if (!moved) {
                    Files.deleteIfExists(temp);
                }
            }
            syncDirectory(directory);
        } catch (AtomicMoveNotSupportedException e) {
            throw new CliFailure(file + ": this file system cannot replace a file atomically; nothing written");
        } catch (IOException e) {
            throw new CliFailure(file + ": cannot write the file (" + reason(e) + "); nothing written");
        }
    }

    private static void write(Path temp, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Mode bits and, where allowed, the group; the owner is whoever runs this, as with any editor. */
    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (source == null || target == null) {
            return;
        }
        PosixFileAttributes attributes = source.readAttributes();
        target.setPermissions(attributes.permissions());
        try {
            target.setGroup(attributes.group());
        } catch (IOException e) {
            // not a member of the group: the file keeps ours, as a text editor's save would
        }
    }

    /** Makes the rename itself durable; a file system that cannot sync a directory has already done its best. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // the content is on disk and in place either way
        }
    }

    static String reason(IOException e) {
        return switch (e) {
            case AccessDeniedException denied -> "permission denied: " + denied.getFile();
            case NoSuchFileException missing -> "no such file: " + missing.getFile();
            case FileSystemException fs when fs.getReason() != null -> fs.getReason();
            default -> e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        };
    }
}
