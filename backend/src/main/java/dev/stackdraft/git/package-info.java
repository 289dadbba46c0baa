/**
 * Working copies of the repositories that hold templates: shallow clones over HTTPS (or {@code file://} for the
 * local provider) with the user's token into a cache folder, refreshed before an edit session, and commits of
 * edited templates pushed back, re-applying the edit commands when the branch moved meanwhile. Never
 * force-pushes. JGit only; no Spring, and no knowledge of hosts ({@code hosting} hands us a URL and
 * {@link dev.stackdraft.git.GitCredentials}).
 *
 * <p>The public API: {@link dev.stackdraft.git.WorkingCopies} ({@code checkout}) gives a
 * {@link dev.stackdraft.git.WorkingCopy}; {@link dev.stackdraft.git.TemplateWriteBack} ({@code commit}) turns
 * it, edit commands, an {@link dev.stackdraft.git.Author} and a {@link dev.stackdraft.git.Target} into an
 * {@link dev.stackdraft.git.Outcome}; failures of the remote are {@link dev.stackdraft.git.GitException}s.
 */
@NullMarked
package dev.stackdraft.git;

import org.jspecify.annotations.NullMarked;
