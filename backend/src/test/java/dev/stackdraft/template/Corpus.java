package dev.stackdraft.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared corpus of real templates ({@code ../shared/corpus} beside the checkout; Maven passes its place
 * as {@code stackdraft.shared}). Tests over it are skipped, saying why, only where the folder is absent.
 */
public final class Corpus {

    private Corpus() {}

    public static Path shared() {
        String configured = System.getProperty("stackdraft.shared");
        Path path = configured != null ? Path.of(configured) : Path.of("../../shared");
        return path.toAbsolutePath().normalize();
    }

    public static Stream<Path> files() {
        Path corpus = shared().resolve("corpus");
        Assumptions.assumeTrue(Files.isDirectory(corpus),
                "the shared corpus is not at " + corpus + " (set -Dstackdraft.shared=...): corpus tests skipped");
        try (Stream<Path> walk = Files.walk(corpus)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getParent().getFileName().toString().equals("sam")
                            || p.getParent().getFileName().toString().equals("serverless"))
                    .sorted()
                    .toList();
            return files.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A corpus file and its template. */
    public record Read(Path file, Template template) {}

    /**
     * The corpus templates that read cleanly (no refusal, no read errors), read one at a time as the stream is
     * consumed: what an edit can be tried on.
     */
    public static Stream<Read> cleanlyRead(TemplateReader reader) {
        return files().<Read>mapMulti((file, out) -> {
            try {
                Template template = reader.read(file);
                if (!template.hasReadErrors()) {
                    out.accept(new Read(file, template));
                }
            } catch (TemplateException unreadable) {
                // not a template the engine edits
            }
        });
    }

    public static String label(Path file) {
        return file.getParent().getFileName() + "/" + file.getFileName();
    }
}
