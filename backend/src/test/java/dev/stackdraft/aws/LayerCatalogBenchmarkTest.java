package dev.stackdraft.aws;

import static dev.stackdraft.aws.AwsFixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * How long the layer dropdown waits for an account with many layers, against a real moto_server on this machine:
 * 120 layers of 3 versions each (three pages of ListLayers, one ListLayerVersions per layer), listed cold and then
 * from the catalog's cache. Figures are printed for docs/benchmarks.md; only what was listed is asserted.
 */
class LayerCatalogBenchmarkTest {

    @Test
    void an_account_with_120_layers_is_listed_cold_and_then_from_the_cache() {
        Assumptions.assumeTrue(MotoServer.shared().isPresent(), () -> "skipped: " + MotoServer.whyNot());
        MotoServer moto = MotoServer.shared().orElseThrow();
        moto.reset();
        long setUp = System.nanoTime();
        for (int layer = 0; layer < 120; layer++) {
            for (int version = 1; version <= 3; version++) {
                publish(moto.endpoint(), "layer-%03d".formatted(layer), "version " + version, List.of("python3.12"),
                        List.of("arm64"));
            }
        }
        System.out.printf("[benchmark] moto set-up: 360 layer versions published in %.1f s%n",
                (System.nanoTime() - setUp) / 1e9);
        try (AwsClients clients = AwsFixtures.quickClients()) {
            LayerCatalog catalog = new LayerCatalog(clients, Clock.systemUTC(), LayerCatalog.DEFAULT_TTL);
            AwsTarget target = AwsFixtures.target(moto.endpoint());
            long[] cold = new long[3];
            List<Layer> listed = List.of();
            for (int run = 0; run < cold.length; run++) {
                long start = System.nanoTime();
                listed = catalog.refresh(target);
                cold[run] = (System.nanoTime() - start) / 1_000_000;
            }
            long start = System.nanoTime();
            List<Layer> cached = catalog.layers(target);
            long warm = (System.nanoTime() - start) / 1_000;

            assertThat(listed).hasSize(120).allSatisfy(l -> assertThat(l.versions()).hasSize(3));
            assertThat(cached).isEqualTo(listed);
            System.out.printf("[benchmark] | 120 layers × 3 versions listed from moto_server, every page (3 runs) |"
                    + " %d / %d / %d ms | from the cache: %d µs |%n", cold[0], cold[1], cold[2], warm);
        }
    }
}
