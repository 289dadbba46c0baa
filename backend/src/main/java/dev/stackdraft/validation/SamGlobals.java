package dev.stackdraft.validation;

import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Span;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What SAM's {@code Globals} give a resource: the section named after its type ({@code Globals.Function} for
 * {@code AWS::Serverless::Function}), less what the resource's {@code IgnoreGlobals} turns away.
 */
final class SamGlobals {

    private static final String PREFIX = "AWS::Serverless::";

    private SamGlobals() {}

    /** The Globals section for this resource's type, if the template is SAM and has one. */
    static Optional<Mapping> section(Template template, Resource resource) {
        String type = resource.type().value();
        if (!template.isSam() || !type.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return template.globals().flatMap(g -> g.mapping(type.substring(PREFIX.length())));
    }

    /** The global properties that apply to this resource (none under {@code IgnoreGlobals: '*'}). */
    static List<Entry> applying(Template template, Resource resource) {
        Optional<Mapping> section = section(template, resource);
        if (section.isEmpty()) {
            return List.of();
        }
        Set<String> ignored = new HashSet<>();
        Optional<Value> ignore = resource.definition().get("IgnoreGlobals");
        if (ignore.isPresent()) {
            if (ignore.get() instanceof Scalar s) {
                if (s.text().equals("*")) {
                    return List.of();
                }
                ignored.add(s.text());
            } else if (ignore.get() instanceof Sequence seq) {
                seq.items().stream().filter(Scalar.class::isInstance).forEach(v -> ignored.add(((Scalar) v).text()));
            }
        }
        return section.get().entries().stream().filter(e -> !ignored.contains(e.name())).toList();
    }

    /**
     * The resource's Properties with the applying globals merged in as SAM merges them: what the resource does
     * not set is added, and where both set a mapping the two mappings are merged the same way, deeper down.
     * Entries keep their own positions. Empty when Properties is neither absent nor a mapping.
     */
    static Optional<Mapping> mergedProperties(Template template, Resource resource) {
        Optional<Value> written = resource.definition().get("Properties");
        if (written.isPresent() && !(written.get() instanceof Mapping) && !isNull(written.get())) {
            return Optional.empty();
        }
        Span span = written.map(Value::span).orElse(resource.key().span());
        Mapping own = written.orElse(null) instanceof Mapping m ? m : new Mapping(List.of(), false, span);
        return Optional.of(merge(own, applying(template, resource)));
    }

    private static Mapping merge(Mapping own, List<Entry> globals) {
        List<Entry> entries = new ArrayList<>(own.entries());
        for (Entry global : globals) {
            int at = indexOf(entries, global.name());
            if (at < 0) {
                entries.add(global);
            } else if (entries.get(at).value() instanceof Mapping mine && global.value() instanceof Mapping theirs) {
                entries.set(at, new Entry(entries.get(at).key(), merge(mine, theirs.entries())));
            }
        }
        return new Mapping(entries, own.flow(), own.span());
    }

    private static int indexOf(List<Entry> entries, String name) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    static boolean isNull(Value value) {
        return value instanceof Scalar s && s.isNull();
    }
}
