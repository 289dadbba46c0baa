package dev.stackdraft.importer;

/**
 * One repository of an import.
 *
 * @param repository the repository's full name ({@code owner/name}); for a host that could not be listed, the host
 * @param templates  how many templates (projects) it holds
 * @param reason     why it failed, or a note (nothing changed since the last import, not every file was read);
 *                   empty otherwise
 */
public record RepositoryResult(String repository, RepositoryOutcome outcome, int templates, String reason) {}
