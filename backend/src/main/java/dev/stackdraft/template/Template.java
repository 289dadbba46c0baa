package dev.stackdraft.template;

import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Tagged;
import java.util.List;
import java.util.Optional;

/**
 * A template as read: its source text, dialect, the root mapping (every value with its position) and the
 * parts everyone asks for, already typed. Immutable; an edit produces a new {@code Template}.
 */
public record Template(SourceText source, Dialect dialect, Mapping root, List<String> transforms,
                       List<Resource> resources, List<Parameter> parameters, List<Tagged> unknownTags,
                       List<Finding> findings) {

    public Template {
        transforms = List.copyOf(transforms);
        resources = List.copyOf(resources);
        parameters = List.copyOf(parameters);
        unknownTags = List.copyOf(unknownTags);
        findings = List.copyOf(findings);
    }

    /** Whether the reader met something that makes an edit's meaning ambiguous (a duplicate key). */
    public boolean hasReadErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }

    public String file() {
        return source.name();
    }

    public Optional<Resource> resource(String logicalId) {
        return resources.stream().filter(r -> r.id().value().equals(logicalId)).findFirst();
    }

    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.id().value().equals(name)).findFirst();
    }

    /** A top-level section such as {@code Conditions}, {@code Mappings}, {@code Outputs}, {@code Globals}. */
    public Optional<Mapping> section(String name) {
        return root.mapping(name);
    }

    public List<String> conditionNames() {
        return section("Conditions").map(Mapping::keys).orElse(List.of());
    }

    public Optional<Mapping> globals() {
        return section("Globals");
    }

    public boolean isSam() {
        return dialect == Dialect.SAM;
    }

    public Optional<Value> at(DocPath path) {
        return path.find(root);
    }
}
