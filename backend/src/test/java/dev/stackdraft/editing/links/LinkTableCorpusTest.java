package dev.stackdraft.editing.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.edit.Editor;
import dev.stackdraft.graph.ResourceGraph;
import dev.stackdraft.template.Corpus;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.TemplateReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The link table over the corpus: for each template's first functions and a few other resources, asking never
 * fails, and every option offered either applies, leaving the edge it promises, or is refused with a sentence.
 */
class LinkTableCorpusTest {

    private static final int FUNCTIONS = 2;
    private static final int OTHERS = 5;

    @Test
    void every_option_on_the_corpus_applies_or_is_refused_with_a_sentence() {
        TemplateReader reader = new TemplateReader();
        Editor editor = new Editor();
        LinkTable table = LinkTable.standard();
        Map<String, Integer> applied = new TreeMap<>();
        List<String> refusals = new ArrayList<>();
        for (Path file : Corpus.files().toList()) {
            Template template;
            try {
                template = reader.read(file);
            } catch (TemplateException unreadable) {
                continue;
            }
            List<Resource> functions = template.resources().stream().filter(r -> r.type().isFunction()).limit(FUNCTIONS).toList();
            for (Resource function : functions) {
                List<Resource> others = template.resources().stream().filter(r -> r != function).limit(OTHERS).toList();
                for (Resource other : others) {
                    for (LinkOption option : table.options(template, other.id().value(), function.id().value())) {
                        try {
                            Template after = editor.apply(template, option.command()).after();
                            assertThat(ResourceGraph.of(after).edges()).as("%s: %s", Corpus.label(file), option.command().describe())
                                    .contains(LinkEdges.expected(option.command()));
                            applied.merge(option.kind(), 1, Integer::sum);
                        } catch (TemplateException refused) {
                            assertThat(refused.getMessage()).as(Corpus.label(file)).isNotBlank()
                                    .doesNotContain("Exception").doesNotContain("at dev.");
                            refusals.add(Corpus.label(file) + ": " + refused.getMessage());
                        }
                    }
                }
            }
        }
        System.out.println("link options applied on the corpus: " + applied + "; refused: " + refusals.size());
        refusals.stream().filter(r -> !r.contains("the file is not edited")).limit(30).forEach(System.out::println);
        assertThat(applied).containsKeys(LinkOption.EVENT_SOURCE, LinkOption.POLICY_TEMPLATE, LinkOption.CONNECTOR,
                LinkOption.ENVIRONMENT_VARIABLE);
    }
}
