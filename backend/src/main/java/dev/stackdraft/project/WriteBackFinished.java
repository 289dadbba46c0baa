package dev.stackdraft.project;

/**
 * Published (as a Spring application event) when a write-back ends, whatever became of it, so that what watches
 * the server (metrics) learns of it without the write-back knowing them.
 *
 * @param projectId the project written to
 * @param result    what became of it: only {@link WriteBackResult.Committed} changed the repository
 */
public record WriteBackFinished(long projectId, WriteBackResult result) {
}
