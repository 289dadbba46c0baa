package dev.stackdraft.importer;

import dev.stackdraft.project.ProjectState;
import dev.stackdraft.project.ScannedStack;
import java.util.List;
import java.util.stream.Stream;

/** What came of one repository, to be written to its import item. */
record ItemResult(RepositoryOutcome outcome, int templates, String reason) {

    static ItemResult failed(String reason) {
        return new ItemResult(RepositoryOutcome.FAILED, 0, reason);
    }

    /**
     * The stacks a repository holds: NO_TEMPLATE without any, UNREADABLE when some cannot be read (the reason names
     * the first with its {@code file:line:col} problem; the readable ones are imported all the same), else IMPORTED.
     */
    static ItemResult found(List<ScannedStack> stacks, String note) {
        if (stacks.isEmpty()) {
            return new ItemResult(RepositoryOutcome.NO_TEMPLATE, 0, note);
        }
        List<ScannedStack> unreadable = stacks.stream().filter(s -> s.state() == ProjectState.UNREADABLE).toList();
        if (unreadable.isEmpty()) {
            return new ItemResult(RepositoryOutcome.IMPORTED, stacks.size(), note);
        }
        ScannedStack first = unreadable.getFirst();
        String where = first.message().startsWith(first.path() + ":") ? first.message()
                : first.path() + ": " + first.message(); // the reader's messages start with file:line:col already
        String problem = unreadable.size() + " of " + stacks.size() + (stacks.size() == 1 ? " template" : " templates")
                + " cannot be read; " + where;
        return new ItemResult(RepositoryOutcome.UNREADABLE, stacks.size(),
                String.join("; ", Stream.of(problem, note).filter(s -> !s.isBlank()).toList()));
    }
}
