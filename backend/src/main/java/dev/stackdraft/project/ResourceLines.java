package dev.stackdraft.project;

import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which resource's definition holds a line of the file: from the line of its logical id to the line where its
 * definition ends. Lets a finding, which knows only its line, be shown on the card of its resource.
 */
final class ResourceLines {

    private record Range(String id, int first, int last) {}

    private final List<Range> ranges;

    private ResourceLines(List<Range> ranges) {
        this.ranges = ranges;
    }

    static ResourceLines of(Template template) {
        String text = template.source().text();
        int[] lineStarts = lineStarts(text);
        List<Range> ranges = new ArrayList<>();
        for (Resource resource : template.resources()) {
            int end = resource.definition().span().end();
            int last = end < 0 ? resource.line() : lineOf(lineStarts, Math.max(0, end - 1));
            ranges.add(new Range(resource.id().value(), resource.line(), Math.max(resource.line(), last)));
        }
        return new ResourceLines(ranges);
    }

    /** The resource whose definition holds the (1-based) line; the innermost when ranges nest (they should not). */
    Optional<String> resourceAt(int line) {
        Range best = null;
        for (Range range : ranges) {
            if (range.first() <= line && line <= range.last()
                    && (best == null || range.last() - range.first() < best.last() - best.first())) {
                best = range;
            }
        }
        return Optional.ofNullable(best).map(Range::id);
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The 1-based line of an offset. */
    private static int lineOf(int[] lineStarts, int offset) {
        int found = java.util.Arrays.binarySearch(lineStarts, offset);
        return (found >= 0 ? found : -found - 2) + 1;
    }
}
