package dev.stackdraft.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a scalar's source text where only whole words of its value changed (a renamed {@code ${Id}}, a
 * new layer version), so that a quoted string folded over twenty lines keeps its twenty lines. Words
 * (letters, digits, {@code _.:/-}) are never escaped or folded in YAML, so the n-th word of the value is the
 * n-th word of its source text; where that does not hold the caller writes the scalar anew.
 */
final class WordSubstitution {

    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.:/-]+");

    private WordSubstitution() {}

    /** {@code escapes}: whether backslashes in the source are escapes (double-quoted scalars), where words may hide. */
    static Optional<String> apply(String source, String oldValue, String newValue, boolean escapes) {
        if (escapes && source.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        List<String> oldWords = new ArrayList<>();
        List<String> newWords = new ArrayList<>();
        if (!split(oldValue, oldWords).equals(split(newValue, newWords)) || oldWords.size() != newWords.size()) {
            return Optional.empty();
        }
        Matcher m = WORD.matcher(source);
        StringBuilder out = new StringBuilder();
        int last = 0;
        int index = 0;
        while (m.find()) {
            if (index >= oldWords.size() || !m.group().equals(oldWords.get(index))) {
                return Optional.empty();
            }
            out.append(source, last, m.start()).append(newWords.get(index));
            last = m.end();
            index++;
        }
        if (index != oldWords.size()) {
            return Optional.empty();
        }
        return Optional.of(out.append(source.substring(last)).toString());
    }

    /** Collects the words of {@code text} and answers the text between them, which must not change. */
    private static List<String> split(String text, List<String> words) {
        List<String> between = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        int last = 0;
        while (m.find()) {
            between.add(text.substring(last, m.start()));
            words.add(m.group());
            last = m.end();
        }
        between.add(text.substring(last));
        return between;
    }
}
