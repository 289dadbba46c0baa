package dev.stackdraft.cli;

import dev.stackdraft.graph.ResourceGraph;
import dev.stackdraft.template.TemplateReader;
import java.util.List;
import java.util.Set;

/** {@code graph FILE [--format json|mermaid|dot]}: the resource graph on stdout. */
final class GraphCommand implements Command {

    private static final String FORMAT = "--format";

    @Override
    public String name() {
        return "graph";
    }

    @Override
    public List<Form> forms() {
        return List.of(new Form("graph FILE [--format json|mermaid|dot]",
                "Print the resource graph: nodes, typed edges (Ref, GetAtt, Sub, DependsOn, events, layers ...) and "
                        + "dependency cycles. json (the default) is {\"nodes\":[...],\"edges\":[...],\"cycles\":[...]}."));
    }

    @Override
    public int run(List<String> args, Output output) {
        Arguments arguments = Arguments.parse(args, Set.of(FORMAT), Set.of()).noMorePositionalsThan(1);
        var file = arguments.file();
        String format = arguments.choice(FORMAT, "json", "mermaid", "dot");
        ResourceGraph graph = ResourceGraph.of(new TemplateReader().read(file));
        output.result(switch (format) {
            case "mermaid" -> graph.toMermaid();
            case "dot" -> graph.toDot();
            default -> graph.toJson();
        });
        return StackdraftCli.OK;
    }
}
