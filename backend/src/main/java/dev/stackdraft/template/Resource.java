package dev.stackdraft.template;

import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A resource of a template. {@code definition} is its whole mapping (Type, Properties, DependsOn ...);
 * {@code properties} is where its settings live: the {@code Properties} mapping in CloudFormation, the
 * function's own mapping in a {@code serverless.yml}. {@code path} leads to the definition.
 */
public record Resource(LogicalId id, ResourceType type, Scalar key, Mapping definition, DocPath path,
                       DocPath propertiesPath, Optional<Mapping> properties) {

    public int line() {
        return key.span().line();
    }

    /** Where a (nested) property is or would be: {@code ["Environment", "Variables", "TABLE"]} under the properties. */
    public DocPath propertyPath(List<String> names) {
        DocPath path = propertiesPath;
        for (String name : names) {
            path = path.child(name);
        }
        return path;
    }

    public Optional<Value> property(String name) {
        return properties.flatMap(p -> p.get(name));
    }

    /** {@code DependsOn}, as one name or a list of names. */
    public List<String> dependsOn() {
        List<String> names = new ArrayList<>();
        definition.get("DependsOn").ifPresent(value -> {
            if (value instanceof Scalar s) {
                names.add(s.text());
            } else if (value instanceof Sequence seq) {
                seq.items().forEach(item -> {
                    if (item instanceof Scalar s) {
                        names.add(s.text());
                    }
                });
            }
        });
        return names;
    }

    public Optional<String> condition() {
        return definition.string("Condition");
    }
}
