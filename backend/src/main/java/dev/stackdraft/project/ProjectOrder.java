package dev.stackdraft.project;

/** The orders the dashboard's project list can be sorted in. */
public enum ProjectOrder {
    /** By repository full name, ignoring case, then template path. */
    REPOSITORY,
    /** By template path, then repository. */
    TEMPLATE,
    /** By the number of resources. */
    RESOURCES,
    /** By state, worst first: unreadable, has findings, valid. */
    STATE,
    /** By when the template was last read. */
    UPDATED
}
