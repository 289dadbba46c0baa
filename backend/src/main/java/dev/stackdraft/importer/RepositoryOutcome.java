package dev.stackdraft.importer;

/** What an import made of one repository. */
public enum RepositoryOutcome {
    /** Not scanned yet. */
    PENDING,
    /** Holds at least one template; each is a project now. */
    IMPORTED,
    /** Scanned; holds no template. */
    NO_TEMPLATE,
    /** Could not be scanned; the reason says why. The other repositories are not affected. */
    FAILED
}
