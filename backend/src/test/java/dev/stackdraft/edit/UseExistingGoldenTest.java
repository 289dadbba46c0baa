package dev.stackdraft.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.template.EditResult;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.TemplateReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files for {@link UseExisting}, one folder per case under {@code src/test/resources/edit-existing}: the input
 * template, {@code command.txt} ({@code UseExisting ID}) and the expected template ({@code expected.*}), which
 * {@link StopUsingExisting} must turn back into the input byte for byte; or for a folder named {@code error_*} the
 * expected refusal ({@code expected-error.txt}), which {@link UseExisting#whyNot} gives too. Run with
 * {@code -Dedit.regenerate=true} to rewrite the expected files from what the editor does now, then read the diff.
 */
class UseExistingGoldenTest {

    private static final Path CASES = Path.of("src/test/resources/edit-existing");
    private static final boolean REGENERATE = Boolean.getBoolean("edit.regenerate");

    private final TemplateReader reader = new TemplateReader();
    private final Editor editor = new Editor();

    static Stream<Named<Path>> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream().map(d -> Named.of(d.getFileName().toString(), d));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void use_existing_writes_the_expected_file_and_stopping_gives_the_input_back(Path dir) throws IOException {
        Path input = input(dir);
        byte[] original = Files.readAllBytes(input);
        Template template = reader.read(input.getFileName().toString(), original);
        String resource = Files.readString(dir.resolve("command.txt")).strip().substring("UseExisting ".length());
        if (dir.getFileName().toString().startsWith("error_")) {
            String[] message = new String[1];
            assertThatThrownBy(() -> editor.apply(template, new UseExisting(resource))).isInstanceOf(TemplateException.class)
                    .satisfies(e -> message[0] = e.getMessage());
            Path expected = dir.resolve("expected-error.txt");
            if (REGENERATE) {
                Files.writeString(expected, message[0] + "\n");
            }
            assertThat(message[0]).isEqualTo(Files.readString(expected).strip()).doesNotContain("Exception");
            assertThat(UseExisting.possible(template, resource)).isFalse();
            assertThat(UseExisting.whyNot(template, resource)).hasValueSatisfying(why -> assertThat(message[0]).contains(why.split(": ")[0]));
            return;
        }
        assertThat(UseExisting.possible(template, resource)).isTrue();
        EditResult result = editor.apply(template, new UseExisting(resource));
        Path expected = dir.resolve("expected" + extension(input));
        if (REGENERATE) {
            Files.write(expected, result.after().source().bytes());
        }
        assertThat(new String(result.after().source().bytes(), StandardCharsets.UTF_8)).isEqualTo(Files.readString(expected));
        assertThat(ExistingSwitch.of(result.after(), resource)).isPresent();
        assertThat(UseExisting.possible(result.after(), resource)).as("switched once only").isFalse();
        EditResult back = editor.apply(result.after(), new StopUsingExisting(resource));
        assertThat(back.after().source().bytes()).as("the input again, byte for byte").isEqualTo(original);
        assertThat(ExistingSwitch.of(back.after(), resource)).isEmpty();
    }

    private static Path input(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("input.")
                    || f.getFileName().toString().equals("serverless.yml")).findFirst().orElseThrow();
        }
    }

    private static String extension(Path input) {
        String name = input.getFileName().toString();
        return name.substring(name.lastIndexOf('.'));
    }
}
