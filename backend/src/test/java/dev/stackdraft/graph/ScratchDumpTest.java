package dev.stackdraft.graph;

import dev.stackdraft.template.Corpus;
import dev.stackdraft.template.TemplateReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchDumpTest {
    @Test
    void dump() throws Exception {
        TemplateReader reader = new TemplateReader();
        StringBuilder all = new StringBuilder();
        for (Path p : Corpus.files().toList()) {
            try {
                ResourceGraph g = ResourceGraph.of(reader.read(p));
                all.append("== ").append(Corpus.label(p)).append('\n');
                g.nodes().stream().filter(n -> !n.kind().equals("resource")).forEach(n -> all.append("  N ").append(n).append('\n'));
                g.edges().forEach(e -> all.append("  ").append(e.from()).append(" -").append(e.kind()).append("-> ").append(e.to()).append('\n'));
                g.cycles().forEach(c -> all.append("  CYCLE ").append(c).append('\n'));
            } catch (RuntimeException e) {
                all.append("== ").append(Corpus.label(p)).append(" FAILED ").append(e).append('\n');
            }
        }
        Files.writeString(Path.of("/tmp/gscratch/dump.txt"), all);
    }
}
