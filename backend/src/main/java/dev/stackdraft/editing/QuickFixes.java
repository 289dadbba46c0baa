package dev.stackdraft.editing;

import dev.stackdraft.edit.AddSamTransform;
import dev.stackdraft.edit.KeepLastDuplicateKeys;
import dev.stackdraft.edit.RenameKey;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Finding;
import dev.stackdraft.template.SourceLocation;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Intrinsic;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Sequence;
import dev.stackdraft.template.Value.Tagged;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The obvious fixes for validation findings: a repeated key (keep the last one, which is what YAML readers did), a
 * SAM resource without the SAM transform (add it), a misspelt property or resource attribute the finding suggests the
 * right name for (rename it).
 */
public final class QuickFixes {

    private static final Pattern SUGGESTION = Pattern.compile("did you mean ([A-Za-z0-9:_.-]+)\\?");

    private QuickFixes() {}

    /** The fixes for {@code finding} in {@code template}; empty when no fix is obvious. */
    public static List<QuickFix> of(Template template, Finding finding) {
        return switch (finding.code()) {
            case "duplicate-key" -> keyAt(template, finding.location()).map(found -> duplicate(template, found)).stream().toList();
            case "missing-transform" -> template.transforms().contains("AWS::Serverless-2016-10-31") ? List.of()
                    : List.of(new QuickFix("Add the SAM transform", new AddSamTransform()));
            case "unknown-property", "unknown-resource-key" -> misspelt(template, finding).stream().toList();
            default -> List.of();
        };
    }

    private static QuickFix duplicate(Template template, KeyAt found) {
        String key = found.entry().name();
        List<Entry> occurrences = found.mapping().entries().stream().filter(e -> e.name().equals(key)).toList();
        // on one line (a flow mapping), the column tells them apart
        boolean oneLine = occurrences.stream().map(e -> e.key().span().line()).distinct().count() < occurrences.size();
        List<String> removed = occurrences.subList(0, occurrences.size() - 1).stream().map(e -> where(e, oneLine)).toList();
        String label = "Keep the last '" + key + "' (" + where(occurrences.getLast(), oneLine) + "), remove the "
                + (removed.size() == 1 ? "one at " + removed.getFirst()
                : "ones at " + String.join(", ", removed.subList(0, removed.size() - 1)) + " and " + removed.getLast());
        int others = new KeepLastDuplicateKeys().changes(template).size() - removed.size();
        if (others > 0) {
            label += " (and " + others + " other repeated key" + (others == 1 ? "" : "s") + " in the file)";
        }
        return new QuickFix(label, new KeepLastDuplicateKeys());
    }

    private static String where(Entry entry, boolean withColumn) {
        return "line " + entry.key().span().line() + (withColumn ? ", column " + entry.key().span().column() : "");
    }

    private static Optional<QuickFix> misspelt(Template template, Finding finding) {
        Matcher suggestion = SUGGESTION.matcher(finding.message());
        if (!suggestion.find()) {
            return Optional.empty();
        }
        String to = suggestion.group(1);
        return keyAt(template, finding.location()).filter(found -> found.mapping().entry(to).isEmpty())
                .map(found -> new QuickFix("Rename '" + found.entry().name() + "' to '" + to + "'",
                        new RenameKey(found.path(), found.entry().name(), to)));
    }

    /** The mapping entry whose key stands at {@code location}, with the path of its mapping. */
    private record KeyAt(DocPath path, Mapping mapping, Entry entry) {}

    private static Optional<KeyAt> keyAt(Template template, SourceLocation location) {
        return find(template.root(), DocPath.ROOT, location);
    }

    private static Optional<KeyAt> find(Value value, DocPath path, SourceLocation location) {
        switch (value) {
            case Mapping m -> {
                for (Entry e : m.entries()) {
                    if (e.key().span().line() == location.line() && e.key().span().column() == location.column()) {
                        return Optional.of(new KeyAt(path, m, e));
                    }
                }
                for (Entry e : m.entries()) {
                    Optional<KeyAt> found = find(e.value(), path.child(e.name()), location);
                    if (found.isPresent()) {
                        return found;
                    }
                }
                return Optional.empty();
            }
            case Sequence s -> {
                for (int i = 0; i < s.items().size(); i++) {
                    Optional<KeyAt> found = find(s.items().get(i), path.child(i), location);
                    if (found.isPresent()) {
                        return found;
                    }
                }
                return Optional.empty();
            }
            case Intrinsic fn -> {
                return find(fn.argument(), path.child(fn.fn().longName()), location);
            }
            case Tagged t -> {
                return find(t.value(), path.child(t.tag()), location);
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
