/**
 * Environments as SAM users keep them: the {@code samconfig.toml} (or {@code samconfig.yaml}) beside a template,
 * read into {@link dev.stackdraft.environment.Environment}s and edited losslessly by
 * {@link dev.stackdraft.environment.Environments} (comments, order, layout and quoting kept; an unchanged file
 * written back byte for byte). Depends on neither Spring nor Vaadin.
 */
@NullMarked
package dev.stackdraft.environment;

import org.jspecify.annotations.NullMarked;
