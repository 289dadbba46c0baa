package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a list of names into another with the fewest item changes, so that a diff shows only the names that
 * changed: the longest run of names both lists keep stays, a name in the place of a removed one replaces it, the
 * rest are removed or inserted where they belong.
 */
final class ListDiff {

    private ListDiff() {}

    static List<Change> of(Template template, DocPath path, List<String> wanted) {
        Value current = template.at(path).orElseThrow();
        if (!(current instanceof Sequence list) || list.items().isEmpty() || wanted.isEmpty()
                || !list.items().stream().allMatch(Scalar.class::isInstance)) {
            return List.of(new Change.Replace(path, Value.sequence(wanted.stream().map(Value::string).toList())));
        }
        List<String> old = list.items().stream().map(v -> ((Scalar) v).text()).toList();
        if (old.equals(wanted)) {
            return List.of();
        }
        int[][] common = commonLengths(old, wanted);
        List<Change> changes = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < old.size() || j < wanted.size()) {
            if (i < old.size() && j < wanted.size() && old.get(i).equals(wanted.get(j))) {
                i++;
                j++;
                continue;
            }
            // a gap between kept names: what goes from the old list, what comes from the new one
            int gapStart = i;
            List<String> added = new ArrayList<>();
            while (i < old.size() || j < wanted.size()) {
                if (i < old.size() && j < wanted.size() && old.get(i).equals(wanted.get(j))) {
                    break;
                }
                if (j < wanted.size() && (i == old.size() || common[i][j + 1] >= common[i + 1][j])) {
                    added.add(wanted.get(j++));
                } else {
                    i++;
                }
            }
            int removed = i - gapStart;
            int paired = Math.min(removed, added.size());
            for (int k = 0; k < paired; k++) {
                changes.add(new Change.Replace(path.child(gapStart + k), Value.string(added.get(k))));
            }
            for (int k = paired; k < removed; k++) {
                changes.add(new Change.RemoveItem(path, gapStart + k));
            }
            for (int k = paired; k < added.size(); k++) {
                changes.add(new Change.Insert(path, i, Value.string(added.get(k))));
            }
        }
        return changes;
    }

    /** {@code [i][j]}: how many names {@code old} from i and {@code wanted} from j have in common, in order. */
    private static int[][] commonLengths(List<String> old, List<String> wanted) {
        int[][] lengths = new int[old.size() + 1][wanted.size() + 1];
        for (int i = old.size() - 1; i >= 0; i--) {
            for (int j = wanted.size() - 1; j >= 0; j--) {
                lengths[i][j] = old.get(i).equals(wanted.get(j)) ? lengths[i + 1][j + 1] + 1
                        : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
            }
        }
        return lengths;
    }
}
