package dev.stackdraft.template;

import dev.stackdraft.template.Value.Mapping;
import java.util.Optional;

/** A template parameter: its name, its declared type, where it is. */
public record Parameter(LogicalId id, String type, Mapping definition, int line) {

    public Optional<String> defaultValue() {
        return definition.string("Default");
    }
}
