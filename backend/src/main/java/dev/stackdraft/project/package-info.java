/**
 * Projects: the stacks (templates) found in the repositories a user can read, and who may see what. The public
 * API for the UI is {@link dev.stackdraft.project.ProjectService} (the dashboard's list and search); the importer
 * records what it finds through {@link dev.stackdraft.project.ProjectStore}; edits are committed back to a project's
 * repository through {@link dev.stackdraft.project.ProjectWriteBack}, each outcome a
 * {@link dev.stackdraft.project.WriteBackResult} the UI shows as it is; {@link dev.stackdraft.project.LayerUpgrades}
 * moves a layer to a new version in every project of the user that uses it, a commit or pull request each. A user sees only projects of
 * repositories in their {@code repository_access}, re-checked against the host through
 * {@link dev.stackdraft.project.UserHosts} once older than {@code stackdraft.access.cache-ttl}.
 */
@NullMarked
package dev.stackdraft.project;

import org.jspecify.annotations.NullMarked;
