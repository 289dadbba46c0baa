package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Plain;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateEditor;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Sequence;
import dev.stackdraft.template.Value.Tagged;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turning a value that exists into a new one by the smallest edit: keys that stay keep their lines (and the comments
 * around them), only the scalars, keys and items that differ are written. A user who changes one line of a
 * block of YAML in a form sees one line change in the file.
 */
final class ValueEdits {

    private ValueEdits() {}

    /**
     * The changes that make the value at {@code path} (which exists) equal to {@code value}: none when it already
     * means the same, the smallest set of changes when those can be written, else one replacement of the whole value.
     */
    static List<Change> smallest(Template template, DocPath path, Value value) {
        Value old = template.at(path).orElseThrow();
        List<Change> changes = new ArrayList<>();
        between(path, old, value, changes);
        if (changes.isEmpty() || changes.size() == 1 && changes.getFirst() instanceof Change.Replace r && r.path().equals(path)) {
            return changes;
        }
        try {
            // the fine-grained changes touch many places at once; where the writer cannot place them all safely,
            // writing the whole value again is still right, only larger
            new TemplateEditor().apply(template, changes);
            return changes;
        } catch (TemplateException e) {
            return List.of(new Change.Replace(path, value));
        }
    }

    private static void between(DocPath path, Value old, Value value, List<Change> out) {
        if (Plain.of(old).equals(Plain.of(value))) {
            return;
        }
        switch (old) {
            case Mapping om when value instanceof Mapping nm && mappings(path, om, nm, out) -> { }
            case Sequence os when value instanceof Sequence ns && sequences(path, os, ns, out) -> { }
            case Intrinsic oi when value instanceof Intrinsic ni && oi.fn() == ni.fn()
                    && oi.argument().getClass() == ni.argument().getClass() ->
                    between(path.child(oi.fn().longName()), oi.argument(), ni.argument(), out);
            case Tagged ot when value instanceof Tagged nt && ot.tag().equals(nt.tag()) ->
                    between(path.child(ot.tag()), ot.value(), nt.value(), out);
            default -> out.add(new Change.Replace(path, value));
        }
    }

    /** Keys removed, added and changed; false (nothing added to {@code out}) where replacing the mapping is the way. */
    private static boolean mappings(DocPath path, Mapping old, Mapping value, List<Change> out) {
        Set<String> oldKeys = new HashSet<>(old.keys());
        Set<String> newKeys = new HashSet<>(value.keys());
        if (old.entries().isEmpty() || value.entries().isEmpty() || oldKeys.size() != old.entries().size()
                || newKeys.size() != value.entries().size() || oldKeys.stream().noneMatch(newKeys::contains)) {
            return false;
        }
        List<Change> changes = new ArrayList<>();
        for (Entry entry : old.entries()) {
            if (!newKeys.contains(entry.name())) {
                changes.add(new Change.RemoveKey(path, entry.name()));
            }
        }
        for (Entry entry : value.entries()) {
            Value before = old.get(entry.name()).orElse(null);
            if (before == null) {
                changes.add(new Change.Put(path, entry.name(), entry.value()));
            } else {
                between(path.child(entry.name()), before, entry.value(), changes);
            }
        }
        out.addAll(changes);
        return true;
    }

    /** Item by item for lists of the same length; one item added at the end or one removed; else false. */
    private static boolean sequences(DocPath path, Sequence old, Sequence value, List<Change> out) {
        List<Value> before = old.items();
        List<Value> after = value.items();
        if (before.isEmpty() || after.isEmpty()) {
            return false;
        }
        if (before.size() == after.size()) {
            for (int i = 0; i < before.size(); i++) {
                between(path.child(i), before.get(i), after.get(i), out);
            }
            return true;
        }
        if (after.size() == before.size() + 1 && samePlain(before, after.subList(0, before.size()))) {
            out.add(new Change.Insert(path, before.size(), after.getLast()));
            return true;
        }
        if (after.size() == before.size() - 1) {
            for (int removed = 0; removed < before.size(); removed++) {
                List<Value> rest = new ArrayList<>(before);
                rest.remove(removed);
                if (samePlain(rest, after)) {
                    out.add(new Change.RemoveItem(path, removed));
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean samePlain(List<Value> a, List<Value> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!Plain.of(a.get(i)).equals(Plain.of(b.get(i)))) {
                return false;
            }
        }
        return a.size() == b.size();
    }
}
