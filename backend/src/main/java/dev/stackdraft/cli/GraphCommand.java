package dev.stackdraft.cli;

import dev.stackdraft.graph.ResourceGraph;
import dev.stackdraft.template.Finding;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import java.util.List;
import java.util.Set;

/**
 * {@code graph FILE [--format json|mermaid|dot]}: the resource graph on stdout; a warning on stderr for each
 * duplicate key, whose last value the graph shows.
 */
final class GraphCommand implements Command {

    private static final String FORMAT = "--format";
    private static final String DUPLICATE_KEY = "duplicate-key";

    @Override
    public String name() {
        return "graph";
    }

    @Override
    public List<Form> forms() {
        return List.of(new Form("graph FILE [--format json|mermaid|dot]",
                "Print the resource graph: nodes, typed edges (Ref, GetAtt, Sub, DependsOn, events, layers ...) and "
                        + "dependency cycles. json (the default) is {\"nodes\":[...],\"edges\":[...],\"cycles\":[...]}. "
                        + "Duplicate keys are warned about on stderr; the graph shows the last one."));
    }

    @Override
    public int run(List<String> args, Output output) {
        Arguments arguments = Arguments.parse(args, Set.of(FORMAT), Set.of()).noMorePositionalsThan(1);
        var file = arguments.file();
        String format = arguments.choice(FORMAT, "json", "mermaid", "dot");
        Template template = new TemplateReader().read(file);
        // the graph draws the last of duplicate keys, as YAML and JSON readers do; the user should know
        template.findings().stream().filter(f -> f.code().equals(DUPLICATE_KEY))
                .forEach(f -> output.problem(Finding.warning(f.code(), f.location(), f.message()).toString()));
        ResourceGraph graph = ResourceGraph.of(template);
        output.result(switch (format) {
            case "mermaid" -> graph.toMermaid();
            case "dot" -> graph.toDot();
            default -> graph.toJson();
        });
        return StackdraftCli.OK;
    }
}
