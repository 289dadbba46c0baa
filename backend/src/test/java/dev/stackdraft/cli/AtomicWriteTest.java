package dev.stackdraft.cli;

import static dev.stackdraft.cli.Cli.bytes;
import static dev.stackdraft.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {

    private static final String NEW_LAYER = "arn:aws:lambda:us-east-1:123456789012:layer:tools:7";

    @TempDir
    Path dir;

    @Test
    void an_edit_keeps_the_byte_order_mark_and_crlf_line_endings() throws IOException {
        String crlf = Templates.SAM.replace("\n", "\r\n");
        Path file = dir.resolve("template.yaml");
        Files.write(file, ("\uFEFF" + crlf).getBytes(StandardCharsets.UTF_8));

        Cli.Run run = run("layers", "add", file.toString(), "--function", "OrdersFunction", "--layer", NEW_LAYER);

        assertThat(run.status()).as(run.err()).isZero();
        byte[] after = bytes(file);
        assertThat(after).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(after, StandardCharsets.UTF_8)).isEqualTo("\uFEFF" + crlf.replace(
                "        - " + Templates.LAYER + "\r\n",
                "        - " + Templates.LAYER + "\r\n        - " + NEW_LAYER + "\r\n"));
    }

    @Test
    void an_edit_keeps_the_permissions_and_leaves_no_temporary_file() throws IOException {
        Path file = Cli.write(dir, "template.yaml", Templates.SAM);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        Cli.Run run = run("layers", "add", file.toString(), "--function", "OrdersFunction", "--layer", NEW_LAYER);

        assertThat(run.status()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        assertThat(Cli.read(file)).contains(NEW_LAYER);
        assertThat(dir.toFile().list()).containsExactly("template.yaml");
    }

    @Test
    void an_edit_through_a_symbolic_link_replaces_the_file_it_points_at() throws IOException {
        Path file = Cli.write(dir, "template.yaml", Templates.SAM);
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), file.getFileName());

        Cli.Run run = run("layers", "add", link.toString(), "--function", "OrdersFunction", "--layer", NEW_LAYER);

        assertThat(run.status()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Cli.read(file)).contains(NEW_LAYER);
    }

    @Test
    void a_read_only_file_is_not_written() throws IOException {
        Path file = Cli.write(dir, "template.yaml", Templates.SAM);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(file), "running as root: every file is writable");

        Cli.Run run = run("layers", "add", file.toString(), "--function", "OrdersFunction", "--layer", NEW_LAYER);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("stackdraft: " + file + ": the file is read-only; nothing written\n");
        assertThat(Cli.read(file)).isEqualTo(Templates.SAM);
    }

    @Test
    void a_file_changed_since_it_was_read_is_not_overwritten() {
        Path file = Cli.write(dir, "template.yaml", "Resources: {}\n# changed by someone else\n");
        byte[] seen = "Resources: {}\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> AtomicWrite.replace(file, seen, "Resources: {A: 1}\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CliFailure.class)
                .hasMessage(file + ": the file changed while it was being edited; nothing written, run again");
        assertThat(Cli.read(file)).isEqualTo("Resources: {}\n# changed by someone else\n");
        assertThat(dir.toFile().list()).containsExactly("template.yaml");
    }

    @Test
    void a_directory_that_cannot_take_the_temporary_file_leaves_the_file_as_it_was() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("locked"));
        Path file = Cli.write(sub, "template.yaml", Templates.SAM);
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("r-x------"));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(sub), "running as root: every folder is writable");

            Cli.Run run = run("layers", "add", file.toString(), "--function", "OrdersFunction", "--layer", NEW_LAYER);

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.err()).startsWith("stackdraft: " + file + ": cannot write the file (permission denied: ")
                    .endsWith("; nothing written\n");
            assertThat(Cli.read(file)).isEqualTo(Templates.SAM);
        } finally {
            Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
