package dev.stackdraft.project;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A search box's words as SQL: every word must appear, ignoring case, in one of the given columns. Words are
 * matched as plain text ({@code %}, {@code _} and {@code !} are not wildcards); at most {@value #MAX_WORDS} count.
 * Runs on H2 and PostgreSQL alike.
 */
public final class SearchWords {

    static final int MAX_WORDS = 8;

    private final List<String> words;

    private SearchWords(List<String> words) {
        this.words = words;
    }

    public static SearchWords of(String text) {
        return new SearchWords(Arrays.stream(text.toLowerCase(Locale.ROOT).strip().split("\\s+"))
                .filter(w -> !w.isEmpty()).limit(MAX_WORDS).toList());
    }

    /**
     * Appends {@code and (lower(c1) like :w0 escape '!' or ...)} per word to {@code sql} and the words' patterns to
     * {@code params} (as {@code w0}, {@code w1} ...).
     */
    public void appendTo(StringBuilder sql, Map<String, Object> params, String... columns) {
        for (int i = 0; i < words.size(); i++) {
            String name = "w" + i;
            sql.append(" and (");
            for (int c = 0; c < columns.length; c++) {
                sql.append(c == 0 ? "" : " or ").append("lower(").append(columns[c]).append(") like :").append(name)
                        .append(" escape '!'");
            }
            sql.append(')');
            params.put(name, "%" + escapeLike(words.get(i)) + "%");
        }
    }

    private static String escapeLike(String word) {
        return word.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
