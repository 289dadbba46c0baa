package dev.stackdraft.project;

import org.jspecify.annotations.Nullable;

/**
 * Which of a user's projects the dashboard asks for, and in what order; the database does the searching, filtering
 * and sorting, a page at a time.
 *
 * @param text       words that must each appear (ignoring case) in the repository's full name or the template's
 *                   path; blank for all
 * @param state      only projects in this state; null for all
 * @param owner      only repositories of this owner ({@link OwnerCount#owner()}); null for all
 * @param order      the column to sort by; ties are broken by repository, path and id, so pages never overlap
 * @param descending sort {@code order} from the largest down
 */
public record ProjectQuery(String text, @Nullable ProjectState state, @Nullable String owner, ProjectOrder order,
                           boolean descending) {

    /** Every project, by repository name. */
    public static final ProjectQuery ALL = new ProjectQuery("", null, null, ProjectOrder.REPOSITORY, false);

    public ProjectQuery {
        text = text.strip();
    }

    public static ProjectQuery matching(String text, @Nullable ProjectState state) {
        return new ProjectQuery(text, state, null, ProjectOrder.REPOSITORY, false);
    }

    public ProjectQuery withOwner(@Nullable String newOwner) {
        return new ProjectQuery(text, state, newOwner, order, descending);
    }

    public ProjectQuery sortedBy(ProjectOrder newOrder, boolean newDescending) {
        return new ProjectQuery(text, state, owner, newOrder, newDescending);
    }
}
