package dev.stackdraft.editing.links;

import dev.stackdraft.template.Template;
import dev.stackdraft.template.UnifiedDiff;
import java.util.List;

/** The lines an edit added and removed, read from the unified diff of the two texts. */
record TextChange(List<String> added, List<String> removed) {

    static TextChange of(Template before, Template after) {
        List<String> lines = UnifiedDiff.of("t", before.source().text(), after.source().text()).lines()
                .filter(l -> !l.startsWith("+++") && !l.startsWith("---")).toList();
        return new TextChange(lines.stream().filter(l -> l.startsWith("+")).map(l -> l.substring(1)).toList(),
                lines.stream().filter(l -> l.startsWith("-")).map(l -> l.substring(1)).toList());
    }
}
