package dev.stackdraft.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.graph.ResourceGraph;
import dev.stackdraft.template.Corpus;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.EditResult;
import dev.stackdraft.template.Finding;
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
 * {@link RemoveResourceWithReferences} over the whole corpus, for every resource something refers to: it either
 * applies, leaving a template that reads without new errors and whose graph has no edge to the removed resource, or
 * refuses with a sentence. Refusals stay rare: many would mean the rule for what goes is too weak.
 */
class RemoveWithReferencesCorpusTest {

    private final TemplateReader reader = new TemplateReader();
    private final Editor editor = new Editor();

    @Test
    void every_referred_resource_goes_with_its_references_or_is_refused_with_a_reason() {
        int applied = 0;
        int refused = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Corpus.Read read : (Iterable<Corpus.Read>) Corpus.cleanlyRead(reader)::iterator) {
            Path file = read.file();
            Template template = read.template();
            ReferenceSites sites = ReferenceSites.of(template);
            for (Resource resource : template.resources()) {
                String id = resource.id().value();
                if (sites.of(id).stream().allMatch(site -> site.startsWith(resource.path()))) {
                    continue; // nothing else refers to it: RemoveResource's business
                }
                try {
                    EditResult result = editor.apply(template, new RemoveResourceWithReferences(id));
                    applied++;
                    check(template, result, id, failures);
                } catch (EditRefusedException e) {
                    refused++;
                    if (System.getenv("SHOW_REFUSALS") != null) {
                        System.out.println("  refused " + Corpus.label(file) + " " + id + ": " + e.getMessage());
                    }
                    assertThat(e.getMessage()).isNotBlank();
                    reasons.merge(e.problem().replaceAll("'[^']*'|\\b[A-Z][A-Za-z0-9]+\\b|\\d+", "_"), 1, Integer::sum);
                } catch (TemplateException e) {
                    failures.add(Corpus.label(file) + " " + id + ": " + e.getMessage());
                }
            }
        }
        System.out.printf("RemoveResourceWithReferences over the corpus: %d applied, %d refused%n", applied, refused);
        reasons.forEach((reason, count) -> System.out.printf("  %4d refused: %s%n", count, reason));
        failures.stream().limit(40).forEach(f -> System.out.println("  FAILED " + f));
        assertThat(failures).as("removals that went wrong").isEmpty();
        assertThat(applied).isGreaterThan(500);
        assertThat(refused).as("refusals").isLessThan((applied + refused) * 3 / 100);
    }

    private void check(Template before, EditResult result, String id, List<String> failures) {
        Template after = result.after();
        String label = before.file() + " " + id;
        if (after.resource(id).isPresent()) {
            failures.add(label + ": still there");
        }
        List<String> errorsBefore = before.findings().stream().filter(Finding::isError).map(Finding::code).toList();
        after.findings().stream().filter(Finding::isError).filter(f -> !errorsBefore.contains(f.code()))
                .forEach(f -> failures.add(label + ": new read error " + f));
        ResourceGraph.of(after).edges().stream().filter(e -> e.from().equals(id) || e.to().equals(id))
                .forEach(e -> failures.add(label + ": edge left " + e));
        if (ReferenceSites.of(after).of(id).stream().anyMatch(p -> !p.equals(DocPath.ROOT))) {
            failures.add(label + ": references left at " + ReferenceSites.of(after).of(id));
        }
    }
}
