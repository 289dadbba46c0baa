/**
 * What the server tells its operators through Micrometer (scraped as Prometheus text at
 * {@code /actuator/prometheus} by the web app): imports (repositories per state of the running imports, read from
 * the database so every instance says the same; each job's duration and outcome), calls to the git hosts
 * (requests, rate-limit waits and their time, failures by kind) and commits (pushed, or why not).
 *
 * <p>The features publish plain events ({@link dev.stackdraft.importer.ImportFinished},
 * {@link dev.stackdraft.project.WriteBackFinished}) or report to a plain observer
 * ({@link dev.stackdraft.hosting.HostCallObserver}); only this package knows Micrometer. Names follow Micrometer's
 * conventions (dot-separated, lower case; the Prometheus registry turns {@code stackdraft.host.calls.waits} into
 * {@code stackdraft_host_calls_waits_seconds}).
 */
@NullMarked
package dev.stackdraft.metrics;

import org.jspecify.annotations.NullMarked;
