package dev.stackdraft.template;

import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The names {@code Fn::ForEach} loops (LanguageExtensions transform) define: each loop's identifier inside its
 * body, and the logical ids its resource templates generate ({@code Bucket${Name}} generates {@code Bucket...}).
 */
final class ForEachLoops {

    private static final String PREFIX = "Fn::ForEach::";

    private final Template template;
    private final List<Pattern> generated = new ArrayList<>();

    ForEachLoops(Template template) {
        this.template = template;
        template.section("Resources").ifPresent(this::collect);
    }

    private void collect(Mapping section) {
        for (Entry entry : section.entries()) {
            if (entry.name().startsWith(PREFIX) && entry.value() instanceof Sequence loop && loop.items().size() > 2
                    && loop.items().get(2) instanceof Mapping body) {
                for (Entry item : body.entries()) {
                    if (item.name().startsWith(PREFIX)) {
                        collect(new Mapping(List.of(item), false, body.span()));
                    } else {
                        generated.add(pattern(item.name()));
                    }
                }
            }
        }
    }

    /** {@code Bucket${Name}&{Other}} as a pattern: the literal parts, anything for each placeholder. */
    private static Pattern pattern(String key) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < key.length()) {
            int open = indexOfPlaceholder(key, i);
            if (open < 0) {
                regex.append(Pattern.quote(key.substring(i)));
                break;
            }
            int close = key.indexOf('}', open);
            if (close < 0) {
                regex.append(Pattern.quote(key.substring(i)));
                break;
            }
            if (open > i) {
                regex.append(Pattern.quote(key.substring(i, open)));
            }
            regex.append(".+");
            i = close + 1;
        }
        return Pattern.compile(regex.toString());
    }

    private static int indexOfPlaceholder(String key, int from) {
        int dollar = key.indexOf("${", from);
        int amp = key.indexOf("&{", from);
        return dollar < 0 ? amp : amp < 0 ? dollar : Math.min(dollar, amp);
    }

    /** Whether a loop defines what this reference names: an enclosing loop's identifier or a generated id. */
    boolean defines(Reference reference) {
        List<Object> segments = reference.path().segments();
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i) instanceof String s && s.startsWith(PREFIX)) {
                Value loop = template.at(new DocPath(segments.subList(0, i + 1))).orElse(null);
                if (loop instanceof Sequence seq && !seq.items().isEmpty() && seq.items().getFirst() instanceof Scalar id
                        && id.text().equals(reference.target())) {
                    return true;
                }
            }
        }
        return generated.stream().anyMatch(p -> p.matcher(reference.target()).matches());
    }
}
