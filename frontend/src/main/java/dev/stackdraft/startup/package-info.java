/**
 * Start-up checks of the web server that the backend cannot make: the HTTP port is free. Failures are
 * {@link dev.stackdraft.config.StartupProblem}s, which the start-up failure analyzer prints as one short paragraph.
 */
@NullMarked
package dev.stackdraft.startup;

import org.jspecify.annotations.NullMarked;
