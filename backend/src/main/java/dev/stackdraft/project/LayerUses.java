package dev.stackdraft.project;

import dev.stackdraft.edit.LayerArn;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The versions of one layer a template uses, looked for where {@link dev.stackdraft.edit.UpgradeLayer} moves them:
 * every scalar value (function lists, Globals, parameter defaults, mappings, the strings of {@code !Sub} and
 * {@code !Join}), not keys, not values under tags the engine does not know. What the summary says a project was on
 * before is then what the upgrade really moved.
 */
final class LayerUses {

    /** Longer than any layer version ARN up to its version's digits (a name is at most 140 characters). */
    private static final int MAX_ARN = 260;

    private LayerUses() {}

    /** The versions of {@code layer} (same partition, region, account and name; placeholders match any) in use. */
    static SortedSet<Integer> versions(Template template, LayerArn layer) {
        SortedSet<Integer> versions = new TreeSet<>();
        visit(template.root(), layer, versions);
        return versions;
    }

    /** The same, in text the engine could not read (a template with a syntax error): every mention counts. */
    static SortedSet<Integer> versions(String text, LayerArn layer) {
        SortedSet<Integer> versions = new TreeSet<>();
        collect(text, layer, versions);
        return versions;
    }

    private static void visit(Value value, LayerArn layer, SortedSet<Integer> versions) {
        switch (value) {
            case Value.Scalar s -> collect(s.text(), layer, versions);
            case Value.Sequence seq -> seq.items().forEach(item -> visit(item, layer, versions));
            case Value.Mapping m -> m.entries().stream().map(Entry::value).forEach(v -> visit(v, layer, versions));
            case Value.Intrinsic fn -> visit(fn.argument(), layer, versions);
            case Value.Tagged t -> { } // the engine keeps unknown tags byte for byte: an upgrade never touches them
        }
    }

    private static void collect(String text, LayerArn layer, SortedSet<Integer> versions) {
        if (!text.contains(":layer:" + layer.name() + ":")) {
            return;
        }
        for (LayerArn found : arns(text)) {
            if (found.sameLayer(layer)) {
                versions.add(found.version());
            }
        }
    }

    /**
     * Every layer version ARN in {@code text}, left to right. Each candidate is read with {@link LayerArn#parse},
     * the edit package's own reading, so that this and the upgrade agree on what an ARN is: a candidate starts at
     * {@code arn:} and ends after a run of digits (the version); the first one that parses is the ARN there.
     */
    static List<LayerArn> arns(String text) {
        List<LayerArn> found = new ArrayList<>();
        int start = text.indexOf("arn:");
        while (start >= 0) {
            int next = start + 1;
            int limit = Math.min(text.length(), start + MAX_ARN);
            for (int end = start + 1; end <= limit; end++) {
                if (Character.isWhitespace(text.charAt(end - 1))) {
                    break; // an ARN has no spaces
                }
                if (isDigit(text, end - 1) && !isDigit(text, end)) {
                    Optional<LayerArn> arn = LayerArn.parse(text.substring(start, end));
                    if (arn.isPresent()) {
                        found.add(arn.get());
                        next = end;
                        break;
                    }
                }
            }
            start = text.indexOf("arn:", next);
        }
        return found;
    }

    private static boolean isDigit(String text, int at) {
        return at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9';
    }
}
