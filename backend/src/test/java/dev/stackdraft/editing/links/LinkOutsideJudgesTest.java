package dev.stackdraft.editing.links;

import static dev.stackdraft.editing.links.LinkSamples.apply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.edit.AddResource;
import dev.stackdraft.edit.SetProperty;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each link writes into orders-service, judged by tools that are not ours: {@code cfn-lint} finds nothing it
 * did not find before the link, and the SAM translator translates every linked template. One option of each kind
 * per pair. Skipped, saying so, where
 * the tools are not installed.
 */
class LinkOutsideJudgesTest {

    @TempDir
    static Path work;

    private static final Map<String, String> kinds = new TreeMap<>(); // file -> kind of link

    @BeforeAll
    static void link_every_pair_of_the_sample() throws IOException {
        // orders-service as a user has it before connecting: a queue, topic and bucket added, a stream on the table,
        // and a function that is behind no API yet
        Template base = apply(LinkSamples.orders(),
                new SetProperty("OrdersTable", List.of("StreamSpecification", "StreamViewType"), Value.string("NEW_IMAGE")),
                new AddResource("ShipOrderFunction", "AWS::Serverless::Function", List.of(
                        Value.entry("CodeUri", Value.string("src/ship_order/")), Value.entry("Handler", Value.string("app.handler")))));
        // as `sam package` leaves it: the code in S3, which the translator run alone insists on
        for (Resource resource : base.resources()) {
            for (String key : List.of("CodeUri", "ContentUri")) {
                if (resource.property(key).isPresent()) {
                    base = apply(base, new SetProperty(resource.id().value(), List.of(key), Value.string("s3://judge/code.zip")));
                }
            }
        }
        Files.write(work.resolve("base.yaml"), base.source().bytes());
        List<List<String>> pairs = new ArrayList<>(LinkSamples.ORDERS_PAIRS);
        pairs.add(List.of("OrdersTable", "GetOrderFunction"));
        pairs.add(List.of("ShipOrderFunction", "OrdersApi"));
        LinkTable table = LinkTable.standard();
        int n = 0;
        for (List<String> pair : pairs) {
            Set<String> judged = new HashSet<>();
            for (LinkOption option : table.options(base, pair.get(0), pair.get(1))) {
                if (!judged.add(option.kind())) {
                    continue; // one of each kind per pair keeps cfn-lint's time down
                }
                String name = "linked-%02d-%s.yaml".formatted(n++, option.kind());
                Files.write(work.resolve(name), apply(base, option.command()).source().bytes());
                kinds.put(name, option.kind());
            }
        }
    }

    @Test
    void every_kind_of_link_is_judged() {
        assertThat(Set.copyOf(kinds.values())).containsExactlyInAnyOrder(LinkOption.EVENT_SOURCE,
                LinkOption.POLICY_TEMPLATE, LinkOption.CONNECTOR, LinkOption.ENVIRONMENT_VARIABLE);
    }

    @Test
    void cfn_lint_finds_nothing_new_after_a_link() throws Exception {
        Assumptions.assumeTrue(onPath("cfn-lint"), "cfn-lint is not installed: outside judge skipped");
        List<String> command = new ArrayList<>(List.of("cfn-lint", "--format", "parseable", "--", work.resolve("base.yaml").toString()));
        kinds.keySet().forEach(name -> command.add(work.resolve(name).toString()));
        Map<String, Set<String>> rules = new HashMap<>();
        for (String line : run(command).output.lines().toList()) {
            String[] parts = line.split(":");
            if (parts.length > 5 && parts[5].matches("[EWI]\\d+")) {
                rules.computeIfAbsent(Path.of(parts[0]).getFileName().toString(), k -> new TreeSet<>()).add(parts[5] + " " + line);
            }
        }
        Set<String> before = rules.getOrDefault("base.yaml", Set.of()).stream().map(r -> r.split(" ")[0])
                .collect(java.util.stream.Collectors.toSet());
        for (String name : kinds.keySet()) {
            assertThat(rules.getOrDefault(name, Set.of())).as("cfn-lint on %s (%s)", name, kinds.get(name))
                    .allMatch(r -> before.contains(r.split(" ")[0]));
        }
    }

    @Test
    void sam_translates_every_linked_template() throws Exception {
        Assumptions.assumeTrue(onPath("python3") && run(List.of("python3", "-c", "import samtranslator")).exitCode == 0,
                "aws-sam-translator is not installed: outside judge skipped");
        List<String> command = new ArrayList<>(List.of("python3",
                Path.of("src/test/resources/judges/sam_translate.py").toAbsolutePath().toString()));
        command.add(work.resolve("base.yaml").toString());
        kinds.keySet().forEach(name -> command.add(work.resolve(name).toString()));
        Map<String, String> verdicts = new HashMap<>();
        run(command).output.lines().map(l -> l.split("\t", 2)).filter(p -> p.length == 2)
                .forEach(p -> verdicts.put(Path.of(p[0]).getFileName().toString(), p[1]));
        assertThat(verdicts.get("base.yaml")).isEqualTo("OK");
        for (String name : kinds.keySet()) {
            assertThat(verdicts.get(name)).as("SAM translation of %s (%s)", name, kinds.get(name)).isEqualTo("OK");
        }
    }

    private record Run(int exitCode, String output) {}

    private static Run run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        process.waitFor(5, TimeUnit.MINUTES);
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String tool) {
        try {
            return run(List.of("sh", "-c", "command -v " + tool)).exitCode == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
