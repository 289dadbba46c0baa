/**
 * The {@code stackdraft} command line: {@link dev.stackdraft.cli.StackdraftCli} parses the arguments and hands
 * each command (graph, validate, layers, rename, tags, aws) to the engine, or to {@code dev.stackdraft.aws} for
 * what needs AWS, in one call. Commands only translate arguments into engine calls and results into text: no
 * template logic lives here. Edits are written in place
 * atomically, or shown as a diff with {@code --dry-run}. Exit status: 0 ok, 1 refused or invalid input, 2 usage.
 * Depends on neither Spring nor Vaadin, and starts fast: no reflection, no heavy static state.
 */
@NullMarked
package dev.stackdraft.cli;

import org.jspecify.annotations.NullMarked;
