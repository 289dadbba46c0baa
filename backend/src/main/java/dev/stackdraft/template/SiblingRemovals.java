package dev.stackdraft.template;

import dev.stackdraft.template.Value.Entry;
import java.util.ArrayList;
import java.util.List;

/**
 * Which entries and items of a collection the changes of one edit leave. In flow notation and JSON a removed item
 * takes a separator with it, the one after it or, for the last, the one before; when several go, each must take the
 * right one so that their patches fit together.
 */
final class SiblingRemovals {

    private final List<Change> edit;

    SiblingRemovals(List<Change> edit) {
        this.edit = List.copyOf(edit);
    }

    /** The indexes of the entries of the mapping at {@code at} that no change of this edit removes. */
    List<Integer> keptEntries(DocPath at, List<Entry> entries) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            int index = i;
            String key = entries.get(i).name();
            boolean removed = edit.stream().anyMatch(c -> c instanceof Change.RemoveKey k && k.mapping().equals(at)
                    && k.key().equals(key) && Patcher.indexOfLast(entries, key) == index
                    || c instanceof Change.RemoveRepeatedKey r && r.mapping().equals(at) && r.index() == index);
            if (!removed) {
                kept.add(i);
            }
        }
        return kept;
    }

    /** The indexes of the items of the list at {@code at} that no change of this edit removes. */
    List<Integer> keptItems(DocPath at, int size) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int index = i;
            if (edit.stream().noneMatch(c -> c instanceof Change.RemoveItem r && r.sequence().equals(at) && r.index() == index)) {
                kept.add(i);
            }
        }
        return kept;
    }
}
