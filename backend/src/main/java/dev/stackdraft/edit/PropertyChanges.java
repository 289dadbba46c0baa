package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import java.util.List;
import java.util.Optional;

/** Setting a value at a path that may not exist yet: the deepest existing mapping gets the missing rest. */
public final class PropertyChanges {

    private PropertyChanges() {}

    /**
     * Sets {@code path} to {@code value}: replaced where it is, else the deepest existing mapping gets the missing rest.
     *
     * @throws EditRefusedException when something on the way is not a mapping
     */
    public static List<Change> put(Template template, DocPath path, Value value) {
        Optional<Value> existing = template.at(path);
        if (existing.isPresent()) {
            return List.of(new Change.Replace(path, value));
        }
        DocPath parent = path.parent();
        String key = (String) path.last();
        Value nested = value;
        while (template.at(parent).isEmpty()) {
            nested = Value.mapping(List.of(Value.entry(key, nested)));
            key = (String) parent.last();
            parent = parent.parent();
        }
        Value container = template.at(parent).orElseThrow();
        if (container instanceof Mapping) {
            return List.of(new Change.Put(parent, key, nested));
        }
        if (container instanceof Scalar s && s.isNull()) {
            return List.of(new Change.Replace(parent, Value.mapping(List.of(Value.entry(key, nested)))));
        }
        throw Refusals.at(template, container, parent + " is not a mapping", "edit it by hand");
    }

    /** Removes a key; a mapping left empty by it goes too (but never a resource or a top-level section). */
    static List<Change> remove(Template template, DocPath path, int keepDepth) {
        DocPath parent = path.parent();
        while (parent.segments().size() > keepDepth && template.at(parent).orElse(null) instanceof Mapping m
                && m.entries().size() == 1) {
            path = parent;
            parent = parent.parent();
        }
        return List.of(new Change.RemoveKey(parent, (String) path.last()));
    }
}
