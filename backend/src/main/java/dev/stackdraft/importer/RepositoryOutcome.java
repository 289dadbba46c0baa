package dev.stackdraft.importer;

/** What an import made of one repository. */
public enum RepositoryOutcome {
    /** Not scanned yet. */
    PENDING,
    /** Holds at least one template; each is a project now. */
    IMPORTED,
    /** Scanned; holds no template. */
    NO_TEMPLATE,
    /**
     * Holds templates, and at least one cannot be read (the reason says which and where); the readable ones are
     * projects all the same, the unreadable ones are projects in state UNREADABLE.
     */
    UNREADABLE,
    /** Could not be scanned; the reason says why. The other repositories are not affected. */
    FAILED
}
