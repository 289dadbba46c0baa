package dev.stackdraft.editing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackdraft.bench.LargeTemplate;
import dev.stackdraft.edit.Editor;
import dev.stackdraft.edit.RenameLogicalId;
import dev.stackdraft.template.TemplateReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How much server heap an open editing session of the 500-resource template holds (its base and current template,
 * one edit done, its graph asked for once): twenty sessions held at once, the heap measured after a GC before and
 * after. Printed for docs/benchmarks.md, not asserted (the outcome is).
 */
class EditingSessionMemoryBenchmarkTest {

    private static final int SESSIONS = 20;

    @Test
    void an_open_session_of_a_500_resource_template_is_measured() {
        String text = LargeTemplate.sam(500);
        Editor editor = new Editor();
        TemplateReader reader = new TemplateReader();
        long before = usedAfterGc();
        List<EditingSession> open = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            EditingSession session = new EditingSession(i, reader.read("template.yaml", text), editor);
            session.apply(new RenameLogicalId("Table0", "OrdersTable"));
            assertThat(session.graph().nodes()).hasSizeGreaterThanOrEqualTo(500);
            open.add(session);
        }
        long after = usedAfterGc();
        assertThat(open).allSatisfy(s -> assertThat(s.pending()).hasSize(1));
        System.out.printf("[benchmark] editing session of the 500-resource template: %.1f MB each (%d held, %d kB of"
                + " text)%n", (after - before) / (double) SESSIONS / (1024 * 1024), SESSIONS, text.length() / 1024);
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
