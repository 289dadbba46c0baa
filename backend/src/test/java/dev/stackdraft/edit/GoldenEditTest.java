package dev.stackdraft.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackdraft.catalog.ConnectorAccess;
import dev.stackdraft.template.EditResult;
import dev.stackdraft.template.Fn;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.TemplateReader;
import dev.stackdraft.template.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files for edit commands: each folder under {@code src/test/resources/edit} holds an input
 * template, {@code command.txt} and the expected output ({@code expected.*}), or for a folder named
 * {@code error_*} the expected refusal ({@code expected-error.txt}). Run with {@code -Dedit.regenerate=true}
 * to rewrite the expected files from what the editor does now, then read the diff before committing.
 */
class GoldenEditTest {

    private static final Path CASES = Path.of("src/test/resources/edit");
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
    void edit_gives_the_expected_file(Path dir) throws IOException {
        Path input = input(dir);
        byte[] original = Files.readAllBytes(input);
        Template template = reader.read(input.getFileName().toString(), original);
        EditCommand command = command(Files.readString(dir.resolve("command.txt")).strip());
        boolean error = dir.getFileName().toString().startsWith("error_");
        Path expected = dir.resolve(error ? "expected-error.txt" : "expected" + extension(input));
        if (error) {
            String message = refusal(template, command);
            if (REGENERATE) {
                Files.writeString(expected, message + "\n");
            }
            assertThat(message).isEqualTo(Files.readString(expected).strip());
            assertThat(message).doesNotContain("Exception").doesNotContain("at dev.");
        } else {
            EditResult result = editor.apply(template, command);
            if (REGENERATE) {
                Files.write(expected, result.after().source().bytes());
            }
            assertThat(new String(result.after().source().bytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(expected));
        }
        assertThat(Files.readAllBytes(input)).as("the input is never touched").isEqualTo(original);
    }

    private String refusal(Template template, EditCommand command) {
        String[] message = new String[1];
        assertThatThrownBy(() -> editor.apply(template, command)).isInstanceOf(TemplateException.class)
                .satisfies(e -> message[0] = e.getMessage());
        return message[0];
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

    /** The command line of a case: the command's class name and its arguments. */
    static EditCommand command(String line) {
        String[] words = line.split(" ");
        String[] args = Arrays.copyOfRange(words, 1, words.length);
        return switch (words[0]) {
            case "AddLayer" -> args.length > 2 ? new AddLayer(args[0], args[1], Integer.parseInt(args[2])) : new AddLayer(args[0], args[1]);
            case "RemoveLayer" -> new RemoveLayer(args[0], args[1]);
            case "MoveLayer" -> new MoveLayer(args[0], args[1], Integer.parseInt(args[2]));
            case "UpgradeLayer" -> new UpgradeLayer(args[0]);
            case "RenameLogicalId" -> new RenameLogicalId(args[0], args[1]);
            case "AddResource" -> new AddResource(args[0], args[1], List.of());
            case "RemoveResource" -> new RemoveResource(args[0]);
            case "RemoveResourceWithReferences" -> new RemoveResourceWithReferences(args[0]);
            case "KeepLastDuplicateKeys" -> new KeepLastDuplicateKeys();
            case "AddSamTransform" -> new AddSamTransform();
            // SetGroup <id> <label words ...> <member,member>
            case "SetGroup" -> new SetGroup(args[0], String.join(" ", Arrays.copyOfRange(args, 1, args.length - 1)),
                    List.of(args[args.length - 1].split(",")));
            case "RemoveGroup" -> new RemoveGroup(args[0]);
            case "SetProperty" -> new SetProperty(args[0], List.of(args[1].split("\\.")), value(
                    String.join(" ", Arrays.copyOfRange(args, 2, args.length))));
            case "SetTags" -> {
                Map<String, String> tags = new LinkedHashMap<>();
                for (int i = 1; i < args.length; i++) {
                    tags.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
                }
                yield new SetTags(args[0], tags);
            }
            case "RemoveTags" -> new RemoveTags(args[0], Set.of(Arrays.copyOfRange(args, 1, args.length)));
            case "UpdateProperty" -> new UpdateProperty(args[0], List.of(args[1].split("\\.")), yaml(args, 2));
            case "SetSectionEntry" -> new SetSectionEntry(args[0], args[1], yaml(args, 2));
            case "RemoveSectionEntry" -> new RemoveSectionEntry(args[0], args[1]);
            case "AddEventSource" -> new AddEventSource(args[0], args[1], args[2], args[3].equals("-") ? "" : args[3],
                    entries(Arrays.copyOfRange(args, 4, args.length)));
            case "AddPolicyTemplate" -> new AddPolicyTemplate(args[0], args[1], entries(Arrays.copyOfRange(args, 2, args.length)));
            case "AddConnector" -> new AddConnector(args[0], args[1], args[2], Arrays.stream(args[3].split(","))
                    .map(p -> ConnectorAccess.valueOf(p.toUpperCase(java.util.Locale.ROOT))).collect(Collectors.toSet()));
            case "SetEnvironmentReference" -> new SetEnvironmentReference(args[0], args[1], args[2]);
            default -> throw new IllegalArgumentException("unknown command " + words[0]);
        };
    }

    /** The rest of a command line as YAML, with {@code \n} for its line breaks. */
    private static Value yaml(String[] args, int from) {
        return new TemplateReader().readValue("command", String.join(" ", Arrays.copyOfRange(args, from, args.length))
                .replace("\\n", "\n"));
    }

    /** {@code Key=value} words; a value {@code !Ref:X} or {@code !GetAtt:X.Attr} is that function. */
    private static List<Value.Entry> entries(String[] words) {
        return Arrays.stream(words).map(w -> {
            String key = w.substring(0, w.indexOf('='));
            String text = w.substring(w.indexOf('=') + 1);
            Value value = text.startsWith("!Ref:") ? Value.ref(text.substring(5))
                    : text.startsWith("!GetAtt:") ? Value.intrinsic(Fn.GET_ATT, Value.string(text.substring(8)))
                    : Value.string(text);
            return Value.entry(key, value);
        }).toList();
    }

    private static Value value(String text) {
        return text.startsWith("!Ref ") ? Value.ref(text.substring(5)) : Value.string(text);
    }
}
