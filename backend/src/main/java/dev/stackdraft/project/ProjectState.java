package dev.stackdraft.project;

/** What the template engine made of a project's template. */
public enum ProjectState {
    /** Read and validated without an error or a warning. */
    VALID,
    /** Read, but validation reported errors or warnings. */
    HAS_FINDINGS,
    /** Could not be read as a template (syntax error, not UTF-8, over 1 MB ...). */
    UNREADABLE
}
