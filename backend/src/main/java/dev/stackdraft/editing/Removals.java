package dev.stackdraft.editing;

import dev.stackdraft.edit.RemoveResourceWithReferences;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Span;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Mapping;
import java.util.List;
import java.util.Optional;

/** What removing a resource together with its references would take away, as the confirmation dialog lists it. */
public final class Removals {

    private Removals() {}

    /**
     * What {@link RemoveResourceWithReferences} would take away besides the resource, in file order; empty when
     * nothing refers to it.
     *
     * @throws dev.stackdraft.edit.EditRefusedException when that command would be refused (its message says why)
     */
    public static List<ReferenceRemoval> of(Template template, String id) {
        return new RemoveResourceWithReferences(id).places(template).stream()
                .map(place -> removal(template, place)).toList();
    }

    private static ReferenceRemoval removal(Template template, DocPath place) {
        Value parent = template.at(place.parent()).orElseThrow();
        Value value = template.at(place).orElseThrow();
        Span start = parent instanceof Mapping m && place.last() instanceof String key
                ? m.entry(key).map(Entry::key).map(Value::span).orElse(value.span()) : value.span();
        String text = template.source().text();
        int from = parent instanceof Value.Sequence list && !list.flow() ? listDash(text, start.start()) : start.start();
        int end = Math.max(start.end(), value.span().end());
        int line = start.line() - (int) text.substring(from, start.start()).chars().filter(c -> c == '\n').count();
        return new ReferenceRemoval(name(template, place), line, dedent(text.substring(from, end), from - lineStart(text, from)));
    }

    /** The lines as they stand below their first, which starts at {@code column}: that much indentation less. */
    private static String dedent(String lines, int column) {
        List<String> out = new java.util.ArrayList<>();
        for (String line : lines.split("\\r?\\n", -1)) {
            int cut = 0;
            while (!out.isEmpty() && cut < column && cut < line.length() && line.charAt(cut) == ' ') {
                cut++;
            }
            out.add(line.substring(cut).stripTrailing());
        }
        return String.join("\n", out).strip();
    }

    private static int lineStart(String text, int offset) {
        return text.lastIndexOf('\n', offset - 1) + 1;
    }

    /** The dash of a block list item whose value starts at {@code offset}, else {@code offset} itself. */
    private static int listDash(String text, int offset) {
        int i = offset - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i >= 0 && text.charAt(i) == '-' ? i : offset;
    }

    /** The place named from its resource ({@code Fn.Policies[0]}), or from the top of the template. */
    static String name(Template template, DocPath place) {
        Optional<Resource> owner = template.resources().stream().filter(r -> place.startsWith(r.path())).findFirst();
        if (owner.isEmpty()) {
            return place.toString();
        }
        Resource resource = owner.get();
        DocPath base = place.startsWith(resource.propertiesPath()) ? resource.propertiesPath() : resource.path();
        String rest = new DocPath(place.segments().subList(base.segments().size(), place.segments().size())).toString();
        return resource.id().value() + (rest.isEmpty() ? "" : rest.startsWith("[") ? rest : "." + rest);
    }
}
