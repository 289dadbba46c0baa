package dev.stackdraft.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The orders-service sample, edited the ways the canvas edits it, judged by {@code cfn-lint} and the SAM translator:
 * each resource that something refers to removed together with its references, and resources grouped the way
 * Infrastructure Composer groups them (then ungrouped). Neither judge may find anything the original did not have.
 */
class SampleJudgesTest {

    private static final Path SAMPLE = Path.of("src/main/resources/samples/orders-service/template.yaml");

    @TempDir
    static Path work;

    /** File name of each edited copy -> what was done. */
    private static final Map<String, String> edits = new LinkedHashMap<>();

    @BeforeAll
    static void edit_the_sample() throws Exception {
        // the code as `sam package` leaves it: the translator wants S3 locations, not local folders
        String packaged = Files.readString(SAMPLE).replaceAll("(CodeUri|ContentUri): (\\S+)/",
                "$1: s3://stackdraft-judge/$2.zip");
        Template template = new TemplateReader().read("template.yaml", packaged);
        Editor editor = new Editor();
        Files.createDirectories(work.resolve("after"));
        Files.writeString(work.resolve("original.yaml"), packaged);
        for (Resource resource : template.resources()) {
            RemoveResourceWithReferences remove = new RemoveResourceWithReferences(resource.id().value());
            if (!remove.places(template).isEmpty()) {
                write("remove-" + resource.id().value() + ".yaml", editor.apply(template, remove).text(), remove.describe());
            }
        }
        SetGroup api = new SetGroup("Group", "Orders API", List.of("OrdersApi", "CreateOrderFunction", "GetOrderFunction",
                "ListOrdersFunction"));
        Template grouped = editor.apply(template, api).after();
        write("grouped.yaml", grouped.source().text(), api.describe());
        SetGroup graphql = new SetGroup("Group2", "GraphQL", List.of("OrdersGraphQLApi", "OrdersGraphQLSchema",
                "OrdersDataSource", "GetOrderResolver"));
        Template twoGroups = editor.apply(grouped, graphql).after();
        SetGroup nested = new SetGroup("Group3", "Orders service", List.of("Group", "Group2", "OrdersTable"));
        Template nestedGroups = editor.apply(twoGroups, nested).after();
        write("nested-groups.yaml", nestedGroups.source().text(), nested.describe());
        Template tableGone = editor.apply(nestedGroups, new RemoveResourceWithReferences("OrdersTable")).after();
        write("grouped-without-table.yaml", tableGone.source().text(), "remove OrdersTable from the grouped sample");
        Template ungrouped = editor.apply(editor.apply(nestedGroups, new RemoveGroup("Group3")).after(), new RemoveGroup("Group")).after();
        write("ungrouped.yaml", ungrouped.source().text(), "remove groups");
        assertThat(edits).hasSizeGreaterThan(8);
    }

    private static void write(String name, String text, String what) throws Exception {
        Files.writeString(work.resolve("after").resolve(name), text);
        edits.put(name, what);
    }

    @Test
    void cfn_lint_finds_nothing_new_after_removals_and_groups() throws Exception {
        Assumptions.assumeTrue(Judges.hasCfnLint(), "cfn-lint is not installed: outside judge skipped");
        Set<String> before = Judges.cfnLint(work).getOrDefault("original.yaml", Set.of());
        Map<String, Set<String>> after = Judges.cfnLint(work.resolve("after"));
        edits.forEach((name, what) -> assertThat(after.getOrDefault(name, Set.of()))
                .as("cfn-lint on the sample after '%s'", what).isSubsetOf(before));
    }

    @Test
    void sam_translator_translates_the_sample_after_removals_and_groups() throws Exception {
        Assumptions.assumeTrue(Judges.hasSamTranslator(), "aws-sam-translator is not installed: outside judge skipped");
        assertThat(Judges.samTranslate(List.of(work.resolve("original.yaml").toString()))).containsValue("OK");
        List<String> files = edits.keySet().stream().map(name -> work.resolve("after").resolve(name).toString()).toList();
        Map<String, String> verdicts = Judges.samTranslate(files);
        edits.forEach((name, what) -> assertThat(verdicts.get(name)).as("SAM translation after '%s'", what).isEqualTo("OK"));
    }
}
