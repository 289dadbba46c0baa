package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import dev.stackdraft.template.Value.Tagged;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes every earlier occurrence of each repeated key in the whole file, whole entries with the comments just above
 * them, keeping the last one: what YAML and JSON readers did with the file all along, so its meaning stays. The one
 * edit allowed on a template with a duplicate key (see {@link dev.stackdraft.template.Change.RemoveRepeatedKey}).
 */
public record KeepLastDuplicateKeys() implements EditCommand {

    @Override
    public List<Change> changes(Template template) {
        List<Change> changes = new ArrayList<>();
        walk(template.root(), DocPath.ROOT, changes);
        if (changes.isEmpty()) {
            throw Refusals.file(template, "no key is repeated in this file", "nothing to do");
        }
        return changes;
    }

    /** The entries that a later entry of the same mapping overrides; only what counts is searched further. */
    private static void walk(Value value, DocPath path, List<Change> out) {
        switch (value) {
            case Scalar s -> { }
            case Sequence seq -> {
                for (int i = 0; i < seq.items().size(); i++) {
                    walk(seq.items().get(i), path.child(i), out);
                }
            }
            case Mapping m -> {
                List<Entry> entries = m.entries();
                for (int i = 0; i < entries.size(); i++) {
                    Entry entry = entries.get(i);
                    if (m.entry(entry.name()).orElseThrow() != entry) {
                        out.add(new Change.RemoveRepeatedKey(path, i));
                    } else if (written(entry, m)) {
                        walk(entry.value(), path.child(entry.name()), out);
                    }
                }
            }
            case Intrinsic fn -> walk(fn.argument(), path.child(fn.fn().longName()), out);
            case Tagged t -> walk(t.value(), path.child(t.tag()), out);
        }
    }

    /** Whether an entry is written in its mapping, not merged in by {@code <<: *anchor} (its text is elsewhere). */
    private static boolean written(Entry entry, Mapping mapping) {
        return !mapping.span().isKnown() || !entry.key().span().isKnown()
                || entry.key().span().start() >= mapping.span().start() && entry.key().span().end() <= mapping.span().end();
    }

    @Override
    public String describe() {
        return "Keep the last of each repeated key";
    }
}
