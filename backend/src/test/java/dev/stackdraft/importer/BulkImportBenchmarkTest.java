package dev.stackdraft.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.config.BareRepos;
import dev.stackdraft.config.StackdraftSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bulk import of 48 and of 200 local repositories (a quarter each: a SAM app, a serverless.yml app, a repository
 * with two stacks, one without any template; about 15 files each), timed from the click to the end, with the heap
 * sampled meanwhile. Figures are printed, not asserted (see docs/benchmarks.md); the outcome is asserted.
 */
class BulkImportBenchmarkTest extends ImportTest {

    @Autowired
    StackdraftSettings settings;

    @Test
    void two_hundred_repositories_are_imported_in_the_background() {
        run(8); // warm-up: JIT, the SAM schema compiled once per process
        ImportMeasurement.Figures small = run(48);
        ImportMeasurement.Figures large = run(200);

        String table = String.join("\n",
                "[benchmark] bulk import over the local provider (parallelism " + settings.importing().parallelism()
                        + ", " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, H2 in memory)",
                "[benchmark] | repositories | time | peak heap (sampled) | retained after GC |",
                "[benchmark] |---|---|---|---|",
                small.line(), large.line());
        System.out.println(table);
    }

    private ImportMeasurement.Figures run(int count) {
        long user = newUser("bench-" + count);
        var local = newLocalHost();
        for (int i = 0; i < count; i++) {
            BareRepos.create(local.root(), String.format(Locale.ROOT, "bench/repo-%03d", i), files(i));
        }
        hosts.give(user, local.connected());
        ImportMeasurement.Measured<ImportProgress> measured = ImportMeasurement.measure(count, () -> importAll(user));
        ImportProgress progress = measured.result();

        assertThat(progress.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(progress.done()).isEqualTo(count);
        assertThat(results(progress)).filteredOn(r -> r.outcome() == RepositoryOutcome.IMPORTED).hasSize(count * 3 / 4);
        assertThat(results(progress)).filteredOn(r -> r.outcome() == RepositoryOutcome.NO_TEMPLATE).hasSize(count / 4);
        assertThat(results(progress).stream().mapToInt(RepositoryResult::templates).sum()).isEqualTo(count);
        assertThat(projects.visibleTo(user, "", null)).hasSize(count);
        return measured.figures();
    }

    static Map<String, String> files(int i) {
        Map<String, String> files = new HashMap<>();
        files.put("README.md", "# repository " + i + "\n");
        files.put("package.json", "{\"name\": \"repo-" + i + "\"}\n");
        files.put("events/event.json", "{\"body\": \"{}\"}\n");
        files.put("docs/usage.md", "Usage\n");
        files.put("docs/design.md", "Design\n");
        for (int f = 0; f < 5; f++) {
            files.put("src/handler_" + f + ".py", "def handler(event, context):\n    return " + f + "\n");
        }
        for (int t = 0; t < 3; t++) {
            files.put("tests/test_" + t + ".py", "def test_" + t + "():\n    assert True\n");
        }
        switch (i % 4) {
            case 0 -> files.put("template.yaml", SAM_APP);
            case 1 -> files.put("serverless.yml", SERVERLESS_APP);
            case 2 -> {
                files.put("template.yaml", SAM_APP);
                files.put("infra/network.json", Templates.CFN_JSON);
            }
            default -> {
                files.put("mkdocs.yml", "site_name: docs\n");
                files.put("k8s/deployment.yaml", Templates.KUBERNETES);
            }
        }
        return files;
    }

    private static final String SAM_APP = resource("samples/orders-service/template.yaml");
    private static final String SERVERLESS_APP = resource("samples/notes-serverless/serverless.yml");

    private static String resource(String name) {
        try (InputStream in = BulkImportBenchmarkTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
