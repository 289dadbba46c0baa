package dev.stackdraft.project;

import dev.stackdraft.hosting.HostKind;
import dev.stackdraft.hosting.HostRepository;
import org.jspecify.annotations.Nullable;

/**
 * A repository as recorded: its row id, the host it belongs to, what the host said about it, and the commit its
 * templates were last read at (null before the first scan).
 */
public record StoredRepository(long id, HostKind kind, String apiBase, HostRepository repository,
                               @Nullable String lastCommit) {}
