package dev.stackdraft.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CorpusReadTest {

    private final TemplateReader reader = new TemplateReader();

    static Stream<Named<Path>> corpus() {
        return Corpus.files().map(p -> Named.of(Corpus.label(p), p));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void every_corpus_file_parses_into_typed_resources(Path file) throws IOException {
        Template template = reader.read(file);
        assertThat(template.root().entries()).isNotEmpty();
        if (template.dialect() != Dialect.SERVERLESS) {
            assertThat(template.resources()).as("resources of %s", file)
                    .hasSize((int) template.root().mapping("Resources").orElseThrow().keys().stream()
                            .filter(k -> !k.startsWith("Fn::ForEach::")).count());
        }
        assertThat(template.source().bytes()).isEqualTo(Files.readAllBytes(file));
    }
}
