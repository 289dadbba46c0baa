package dev.stackdraft.graph;

import dev.stackdraft.template.Parameter;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which node a mention names: a resource of the template (also by the logical id a {@code serverless.yml}
 * generates for it), a parameter, an import or something outside the template (by its ARN or its name). Unknown
 * names and pseudo parameters name nothing; validation reports them, the graph just draws no edge.
 */
final class Targets {

    private final List<Resource> declared;
    private final Map<String, Resource> resources = new LinkedHashMap<>();
    private final Map<String, String> generated = new HashMap<>();
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Node> outside = new LinkedHashMap<>();

    Targets(Template template) {
        declared = template.resources();
        template.resources().forEach(r -> resources.putIfAbsent(r.id().value(), r));
        template.resources().forEach(r -> ServerlessEdges.generatedId(r)
                .filter(id -> !resources.containsKey(id))
                .ifPresent(id -> generated.putIfAbsent(id, r.id().value())));
        template.parameters().forEach(p -> parameters.putIfAbsent(p.id().value(), p));
    }

    Optional<String> resolve(Mention mention, Role role) {
        String target = mention.target();
        int line = mention.span().line();
        return switch (mention.kind()) {
            case IMPORT -> {
                outside.putIfAbsent(target, new Node(target, "Fn::ImportValue", Node.IMPORT, line));
                yield Optional.of(target);
            }
            case ARN -> {
                String type = role == Role.LAYER ? ArnTypes.LAYER : ArnTypes.of(target);
                outside.putIfAbsent(target, new Node(target, type, Node.EXTERNAL, line));
                yield Optional.of(target);
            }
            case NAME -> {
                if (resources.containsKey(target)) {
                    // taken for that resource, as SAM's own examples write RoleName: MyRole for the role MyRole
                    yield Optional.of(target);
                }
                outside.putIfAbsent(target, new Node(target, mention.type(), Node.EXTERNAL, line));
                yield Optional.of(target);
            }
            default -> {
                if (resources.containsKey(target)) {
                    yield Optional.of(target);
                }
                if (generated.containsKey(target)) {
                    yield Optional.of(generated.get(target));
                }
                yield parameters.containsKey(target) && mention.mayNameParameter()
                        ? Optional.of(target) : Optional.empty();
            }
        };
    }

    boolean isResource(String id) {
        return resources.containsKey(id);
    }

    /**
     * A referenced resource: infrastructure outside the stack given by ARN in a String parameter's default (an
     * existing topic, a central function). It is drawn as what it is, outside the template, by the parameter's name.
     */
    static Optional<Node> referenced(Parameter parameter) {
        return parameter.defaultValue().filter(d -> parameter.type().equals("String") && d.startsWith("arn:")
                        && !d.contains("${") && !ArnTypes.of(d).equals(ArnTypes.UNKNOWN))
                .map(arn -> new Node(parameter.id().value(), ArnTypes.of(arn), Node.EXTERNAL, parameter.line()));
    }

    /**
     * Every resource; then the parameters, imports and outside things that are an end of some edge, and the
     * referenced resources.
     */
    List<Node> nodes(Set<String> ends) {
        List<Node> nodes = new ArrayList<>();
        declared.forEach(r -> nodes.add(new Node(r.id().value(), r.type().value(), Node.RESOURCE, r.line())));
        // a referenced resource is drawn even before anything uses it: it is there to be connected
        parameters.values().stream().filter(p -> (ends.contains(p.id().value()) || referenced(p).isPresent())
                        && !resources.containsKey(p.id().value()))
                .forEach(p -> nodes.add(referenced(p).orElseGet(() -> new Node(p.id().value(), p.type(), Node.PARAMETER,
                        p.line()))));
        outside.values().stream().filter(n -> ends.contains(n.id()) && !resources.containsKey(n.id())
                        && !parameters.containsKey(n.id()))
                .forEach(nodes::add);
        return nodes;
    }
}
