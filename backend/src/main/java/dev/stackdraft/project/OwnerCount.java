package dev.stackdraft.project;

/**
 * An owner of repositories the user can see, with how many of the user's projects it holds: what the dashboard's
 * owner filter offers when a user belongs to several organisations or groups.
 *
 * @param owner a GitHub user or organisation, or a GitLab namespace with its groups ({@code group/subgroup})
 */
public record OwnerCount(String owner, int projects) {}
