package dev.stackdraft.importer;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which repositories of an import to list.
 *
 * @param text     words that must each appear (ignoring case) in the repository's name or the reason; blank for all
 * @param outcomes only these outcomes; empty for all
 */
public record ResultFilter(String text, Set<RepositoryOutcome> outcomes) {

    public static final ResultFilter ALL = new ResultFilter("", Set.of());
    /** What needs the user's attention: repositories that failed, or hold templates that cannot be read. */
    public static final ResultFilter PROBLEMS = new ResultFilter("",
            EnumSet.of(RepositoryOutcome.FAILED, RepositoryOutcome.UNREADABLE));

    public ResultFilter {
        text = text.strip();
        outcomes = Set.copyOf(outcomes);
    }

    public ResultFilter withText(String newText) {
        return new ResultFilter(newText, outcomes);
    }
}
