/**
 * Working copies of the repositories that hold templates: shallow clones over HTTPS with the user's token
 * into a cache folder, refreshed before an edit session, and commits of edited templates pushed back,
 * re-applying the edit commands when the branch moved meanwhile. Never force-pushes. JGit only; no Spring.
 */
@NullMarked
package dev.stackdraft.git;

import org.jspecify.annotations.NullMarked;
