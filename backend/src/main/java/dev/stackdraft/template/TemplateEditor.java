package dev.stackdraft.template;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies {@link Change}s to a template as text patches, then proves the result: the new text is read
 * again and its meaning must equal the old meaning with exactly those changes. Anything else (a patch that
 * went wrong in a case we did not foresee) is refused and the original stays as it was.
 */
public final class TemplateEditor {

    private final TemplateReader reader;

    public TemplateEditor() {
        this(new TemplateReader());
    }

    public TemplateEditor(TemplateReader reader) {
        this.reader = reader;
    }

    public EditResult apply(Template template, List<Change> changes) {
        if (changes.isEmpty()) {
            return new EditResult(template, template); // nothing to write, so nothing to refuse either
        }
        // taking away the entries a repeated key overrides is the way out of such a file, and means no change
        if (template.hasReadErrors() && !changes.stream().allMatch(Change.RemoveRepeatedKey.class::isInstance)) {
            Finding first = template.findings().stream().filter(Finding::isError).findFirst().orElseThrow();
            throw new TemplateException(first.location(), "the file is not edited while it has this problem: "
                    + first.message(), "fix it first; an edit must not guess which of two meanings you want");
        }
        Patcher patcher = new Patcher(template, changes);
        List<TextPatch> patches = new ArrayList<>();
        for (Change change : changes) {
            patches.add(patcher.patch(change));
        }
        String text = applyPatches(template, patches);
        Template after;
        try {
            after = reader.read(template.file(), template.source().bom() ? "\uFEFF" + text : text);
        } catch (TemplateException e) {
            throw unsafe(template, "the result would not parse (" + e.problem() + ")");
        }
        Object expected = PlainEdits.apply(Plain.of(template.root()), changes);
        Object actual = Plain.of(after.root());
        if (!expected.equals(actual)) {
            throw unsafe(template, "the result would differ from the intended change at "
                    + firstDifference(expected, actual, ""));
        }
        return new EditResult(template, after);
    }

    private static String applyPatches(Template template, List<TextPatch> written) {
        String text = template.source().text();
        List<TextPatch> patches = joinRemovals(text, written);
        List<TextPatch> ordered = new ArrayList<>(patches);
        // from the end backwards so that offsets stay valid; insertions at one place keep the changes' order, and
        // come after a removal that starts there (a line added below an entry whose next lines go)
        ordered.sort(Comparator.comparingInt(TextPatch::start).reversed()
                .thenComparing(Comparator.comparingInt(TextPatch::end).reversed()));
        StringBuilder out = new StringBuilder(text);
        int limit = Integer.MAX_VALUE;
        List<TextPatch> sameStart = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            TextPatch patch = ordered.get(i);
            if (patch.end() > limit) {
                throw unsafe(template, "two changes touch the same text");
            }
            sameStart.add(patch);
            if (i + 1 < ordered.size() && ordered.get(i + 1).start() == patch.start()
                    && ordered.get(i + 1).end() == patch.start() && patch.end() == patch.start()) {
                continue;
            }
            StringBuilder inserted = new StringBuilder();
            sameStart.stream().sorted(Comparator.comparingInt(patches::indexOf)).forEach(p -> inserted.append(p.text()));
            TextPatch widest = sameStart.stream().max(Comparator.comparingInt(TextPatch::end)).orElseThrow();
            out.replace(patch.start(), widest.end(), inserted.toString());
            limit = patch.start();
            sameStart.clear();
        }
        return out.toString();
    }

    /**
     * Removals that overlap or touch become one (the lines of neighbouring entries that go together); and where a
     * removal reaches the end of a file without a final newline, the newline before it goes instead, so that the
     * file still ends without one.
     */
    private static List<TextPatch> joinRemovals(String text, List<TextPatch> patches) {
        List<TextPatch> out = new ArrayList<>();
        List<TextPatch> removals = new ArrayList<>();
        for (TextPatch patch : patches) {
            (patch.text().isEmpty() && patch.end() > patch.start() ? removals : out).add(patch);
        }
        removals.sort(Comparator.comparingInt(TextPatch::start));
        List<TextPatch> joined = new ArrayList<>();
        for (TextPatch removal : removals) {
            TextPatch last = joined.isEmpty() ? null : joined.getLast();
            if (last != null && removal.start() <= last.end()) {
                joined.set(joined.size() - 1, new TextPatch(last.start(), Math.max(last.end(), removal.end()), ""));
            } else {
                joined.add(removal);
            }
        }
        for (TextPatch removal : joined) {
            int start = removal.start();
            if (removal.end() == text.length() && !text.endsWith("\n") && start > 0 && text.charAt(start - 1) == '\n') {
                start -= start >= 2 && text.charAt(start - 2) == '\r' ? 2 : 1;
            }
            out.add(new TextPatch(start, removal.end(), ""));
        }
        return out;
    }

    private static TemplateException unsafe(Template template, String why) {
        return new TemplateException(new SourceLocation(template.file(), 1, 1),
                "this edit cannot be written safely: " + why,
                "the file is unchanged; please report this with the template");
    }

    private static String firstDifference(Object expected, Object actual, String path) {
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            for (Object key : e.keySet()) {
                if (!a.containsKey(key)) {
                    return path + "." + key + " (missing)";
                }
                if (!Objects.equals(e.get(key), a.get(key))) {
                    return firstDifference(e.get(key), a.get(key), path + "." + key);
                }
            }
            for (Object key : a.keySet()) {
                if (!e.containsKey(key)) {
                    return path + "." + key + " (unexpected)";
                }
            }
        }
        if (expected instanceof List<?> e && actual instanceof List<?> a && e.size() == a.size()) {
            for (int i = 0; i < e.size(); i++) {
                if (!Objects.equals(e.get(i), a.get(i))) {
                    return firstDifference(e.get(i), a.get(i), path + "[" + i + "]");
                }
            }
        }
        return path.isEmpty() ? "the top level" : path.substring(1);
    }
}
