package dev.stackdraft.bench;

import dev.stackdraft.edit.AddLayer;
import dev.stackdraft.edit.Editor;
import dev.stackdraft.edit.RenameLogicalId;
import dev.stackdraft.graph.ResourceGraph;
import dev.stackdraft.template.EditResult;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The editor's loop as a user drives it, in-process and warm: read a template, build its graph, apply one
 * edit, write the text back (the edit includes reading the result again to prove it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {

    @Param({"largest-corpus", "generated-500"})
    public String input;

    private String name;
    private String text;
    private final TemplateReader reader = new TemplateReader();
    private final Editor editor = new Editor();

    @Setup
    public void load() throws IOException {
        if (input.equals("generated-500")) {
            name = "generated-500.yaml";
            text = LargeTemplate.sam(500);
        } else {
            Path corpus = Path.of(System.getProperty("stackdraft.shared", "../../shared"), "corpus", "sam");
            try (var files = Files.list(corpus)) {
                Path largest = files.max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
                name = largest.getFileName().toString();
                text = Files.readString(largest);
            }
        }
    }

    @Benchmark
    public Template parse() {
        return reader.read(name, text);
    }

    @Benchmark
    public ResourceGraph parseAndGraph() {
        return ResourceGraph.of(reader.read(name, text));
    }

    @Benchmark
    public String parseGraphEditWrite() {
        Template template = reader.read(name, text);
        ResourceGraph graph = ResourceGraph.of(template);
        Resource function = template.resources().stream().filter(r -> r.type().isFunction()).findFirst().orElseThrow();
        EditResult result = editor.apply(template, new AddLayer(function.id().value(),
                "arn:aws:lambda:us-east-1:123456789012:layer:bench:" + graph.nodes().size()));
        return result.text();
    }

    @Benchmark
    public String parseRenameWrite() {
        Template template = reader.read(name, text);
        String id = template.resources().getFirst().id().value();
        return editor.apply(template, new RenameLogicalId(id, id + "Renamed")).text();
    }
}
