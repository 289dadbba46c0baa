package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Span;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Several new entries of one section (Parameters, Conditions) in one edit, and their removal: where the section is
 * missing it is made once, holding them all, where templates have it, and it goes again when its last entry does.
 */
final class ExistingSections {

    private ExistingSections() {}

    static List<Change> add(Template template, String section, List<Entry> entries) {
        DocPath path = Sections.base(template).child(section);
        Optional<Value> existing = template.at(path);
        List<Change> changes = new ArrayList<>();
        if (existing.isPresent() && existing.get() instanceof Mapping mapping && !mapping.isEmpty()) {
            entries.forEach(e -> changes.add(new Change.Put(path, e.name(), e.value())));
        } else if (existing.isPresent() && (existing.get() instanceof Mapping
                || existing.get() instanceof Scalar s && s.isNull())) {
            changes.add(new Change.Replace(path, Value.mapping(entries)));
        } else if (existing.isPresent()) {
            throw Refusals.at(template, existing.get(), section + " is not a mapping", "fix it by hand first");
        } else {
            DocPath base = Sections.base(template);
            Optional<String> before = Sections.before(template, section);
            Mapping top = (Mapping) template.at(base).orElseThrow();
            if (before.isPresent() && top.keys().indexOf(before.get()) == 0 && commentAbove(template, top.entries().getFirst())) {
                // the comment above a file's first key heads the file: a section put between them would take it along
                // when it goes again, so it goes below that first entry instead
                changes.add(new Change.PutAt(base, 1, section, Value.mapping(entries)));
            } else {
                changes.add(before.<Change>map(b -> new Change.PutBefore(base, b, section, Value.mapping(entries)))
                        .orElseGet(() -> new Change.Put(base, section, Value.mapping(entries))));
            }
        }
        return changes;
    }

    /** Whether the line right above an entry's key is a comment. */
    private static boolean commentAbove(Template template, Entry entry) {
        String text = template.source().text();
        int lineStart = text.lastIndexOf('\n', Math.max(0, entry.key().span().start() - 1)) + 1;
        if (lineStart <= 0) {
            return false;
        }
        int previous = text.lastIndexOf('\n', lineStart - 2) + 1;
        return text.substring(previous, lineStart).strip().startsWith("#");
    }

    /** Removes {@code names} from the section; the whole section where nothing else is left in it. */
    static List<Change> remove(Template template, String section, List<String> names) {
        DocPath path = Sections.base(template).child(section);
        if (!(template.at(path).orElse(null) instanceof Mapping mapping) || names.isEmpty()) {
            return List.of();
        }
        if (mapping.keys().stream().allMatch(names::contains)) {
            Mapping top = (Mapping) template.at(Sections.base(template)).orElseThrow();
            // a section UseExisting made has no comment of its own above it (see add); one with a comment was there,
            // empty, before: it stays, empty again
            return List.of(commentAbove(template, top.entry(section).orElseThrow())
                    ? new Change.Replace(path, new Scalar("", Value.ScalarKind.NULL, Value.ScalarStyle.PLAIN, Span.NONE))
                    : new Change.RemoveKey(Sections.base(template), section));
        }
        return names.stream().filter(mapping.keys()::contains).<Change>map(n -> new Change.RemoveKey(path, n)).toList();
    }
}
