package dev.stackdraft.appsync;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Mapping;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Setting a value at a path that may not exist yet, and taking keys away with the mappings they leave empty. */
final class Changes {

    private Changes() {}

    /**
     * A multi-line text to write. In a file without a final newline, a literal block that ends the file cannot keep its
     * last line break, so there the text is written without one (code and SDL mean the same either way).
     */
    static Value text(Template template, String text) {
        return Value.string(!template.source().endsWithNewline() && text.endsWith("\n") && text.length() > 1
                ? text.substring(0, text.length() - 1) : text);
    }

    /** Sets {@code path} to {@code value}, making the mappings on the way (the engine's one way of doing it). */
    static List<Change> put(Template template, DocPath path, Value value) {
        return dev.stackdraft.edit.PropertyChanges.put(template, path, value);
    }

    /**
     * Removes the keys at {@code paths}; a mapping every key of which goes, goes itself, up to (not including) the
     * mapping at depth {@code keepDepth} (the resource's properties, say).
     */
    static List<Change> remove(Template template, Collection<DocPath> paths, int keepDepth) {
        Set<DocPath> gone = new LinkedHashSet<>(paths);
        boolean grew = true;
        while (grew) {
            grew = false;
            Set<DocPath> parents = new LinkedHashSet<>();
            gone.forEach(p -> parents.add(p.parent()));
            for (DocPath parent : parents) {
                if (parent.segments().size() <= keepDepth || gone.contains(parent)) {
                    continue;
                }
                if (template.at(parent).orElse(null) instanceof Mapping m
                        && m.keys().stream().allMatch(k -> gone.contains(parent.child(k)))) {
                    gone.removeIf(p -> p.parent().equals(parent));
                    gone.add(parent);
                    grew = true;
                }
            }
        }
        // a path below another that goes is covered by it
        List<Change> changes = new ArrayList<>();
        Set<DocPath> written = new HashSet<>();
        for (DocPath path : gone) {
            if (gone.stream().noneMatch(other -> !other.equals(path) && path.startsWith(other)) && written.add(path)) {
                changes.add(new Change.RemoveKey(path.parent(), (String) path.last()));
            }
        }
        return changes;
    }
}
