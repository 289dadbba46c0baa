package dev.stackdraft.project;

import dev.stackdraft.hosting.HostKind;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A project as the dashboard lists it.
 *
 * @param repository   the repository's full name ({@code owner/name})
 * @param lastCommit   the commit of {@code branch} the template was read at
 * @param stateMessage empty when {@link ProjectState#VALID}; otherwise the counts and the first finding, or why
 *                     the template could not be read
 * @param dialect      {@code SAM}, {@code CLOUDFORMATION}, {@code SERVERLESS}; {@code UNKNOWN} when unreadable
 * @param webUrl       the repository's page on its host; null for the local provider
 */
public record ProjectSummary(long id, HostKind host, String repository, String templatePath, String branch,
                             String lastCommit, int resourceCount, ProjectState state, String stateMessage,
                             String dialect, @Nullable URI webUrl, Instant updatedAt) {}
