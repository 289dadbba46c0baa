/**
 * Custom runtimes (issue 8): whether a function on an OS-only runtime ({@code provided.al2023},
 * {@code provided.al2}) has the {@code bootstrap} file Lambda starts it with, in its code folder in the
 * repository or in one of its layers ({@link dev.stackdraft.runtime.BootstrapCheck}), and a small shell bootstrap
 * to write into the code folder when it has none. Reads templates and asks the caller for files (the repository's,
 * an account layer's); depends on neither Spring nor Vaadin.
 */
@NullMarked
package dev.stackdraft.runtime;

import org.jspecify.annotations.NullMarked;
