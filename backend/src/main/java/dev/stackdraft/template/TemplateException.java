package dev.stackdraft.template;

/**
 * Input we refuse, or an edit we refuse, said once and clearly: where, what is wrong, what to do.
 * It never carries a parser's stack trace to the user: {@link #getMessage()} is the whole story.
 */
public class TemplateException extends RuntimeException {

    private final SourceLocation location;
    private final String problem;
    private final String hint;

    public TemplateException(SourceLocation location, String problem, String hint) {
        super(location + ": " + problem + (hint.isEmpty() ? "" : " (" + hint + ")"), null, false, false);
        this.location = location;
        this.problem = problem;
        this.hint = hint;
    }

    public SourceLocation location() {
        return location;
    }

    public String problem() {
        return problem;
    }

    /** What the user can do about it; may be empty. */
    public String hint() {
        return hint;
    }
}
