package dev.stackdraft.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.template.Corpus;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.SourceFormat;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.TemplateReader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: a random sequence of edits followed by their inverses in reverse order gives back the original
 * bytes. Seeded per file, so a failure names a sequence that can be replayed.
 */
class EditInverseTest {

    private final TemplateReader reader = new TemplateReader();
    private final Editor editor = new Editor();

    static Stream<Named<Path>> yamlTemplatesWithFunctions() {
        TemplateReader reader = new TemplateReader();
        return Corpus.files().filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).filter(p -> {
            try {
                Template t = reader.read(p);
                return !t.hasReadErrors() && t.resources().stream().anyMatch(r -> r.type().isFunction());
            } catch (TemplateException e) {
                return false;
            }
        }).map(p -> Named.of(Corpus.label(p), p));
    }

    private record Step(EditCommand forward, EditCommand inverse) {}

    @ParameterizedTest
    @MethodSource("yamlTemplatesWithFunctions")
    void random_edits_undone_in_reverse_restore_the_original_bytes(Path file) {
        Template original = reader.read(file);
        Random random = new Random(file.getFileName().toString().hashCode());
        Template current = original;
        Deque<Step> done = new ArrayDeque<>();
        for (int i = 0; i < 4; i++) {
            Step step = randomStep(current, random, i);
            try {
                current = editor.apply(current, step.forward()).after();
                done.push(step);
            } catch (EditRefusedException refused) {
                // a refused step changes nothing: carry on
            }
        }
        for (Step step : done) {
            current = editor.apply(current, step.inverse()).after();
        }
        assertThat(current.source().format()).isEqualTo(SourceFormat.YAML);
        assertThat(current.source().text()).as("after %s", done.stream().map(s -> s.forward().describe()).toList())
                .isEqualTo(original.source().text());
    }

    private static Step randomStep(Template template, Random random, int i) {
        List<Resource> resources = template.resources();
        List<Resource> functions = resources.stream().filter(r -> r.type().isFunction()).toList();
        switch (random.nextInt(3)) {
            case 0 -> {
                String function = functions.get(random.nextInt(functions.size())).id().value();
                String layer = "arn:aws:lambda:us-east-1:123456789012:layer:inverse" + i + ":" + (1 + random.nextInt(9));
                return new Step(new AddLayer(function, layer), new RemoveLayer(function, layer));
            }
            case 1 -> {
                Resource resource = resources.get(random.nextInt(resources.size()));
                if (!resource.path().segments().getFirst().equals("Resources")) {
                    return randomStep(template, random, i);
                }
                String id = resource.id().value();
                return new Step(new RenameLogicalId(id, id + "X" + i), new RenameLogicalId(id + "X" + i, id));
            }
            default -> {
                String id = resources.get(random.nextInt(resources.size())).id().value();
                return new Step(new SetTags(id, Map.of("inverse-" + i, "v" + i)), new RemoveTags(id, Set.of("inverse-" + i)));
            }
        }
    }
}
