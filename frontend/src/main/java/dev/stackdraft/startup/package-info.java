/**
 * Start-up checks the backend cannot make, run before any bean is made: the HTTP port is free, and each host's
 * sign-in has both its client id and secret or neither ({@link dev.stackdraft.startup.OAuthClientSettings}, also
 * read by {@code security.HostSignIns}). Failures are
 * {@link dev.stackdraft.config.StartupProblem}s, which the start-up failure analyzer prints as one short paragraph.
 */
@NullMarked
package dev.stackdraft.startup;

import org.jspecify.annotations.NullMarked;
