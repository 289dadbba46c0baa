package dev.stackdraft.cli;

import java.util.List;

/** One command of the CLI: its usage, and running it. Stateless; a fresh {@link Output} per run. */
interface Command {

    /** The word that selects it, e.g. {@code layers}. */
    String name();

    /** Its forms, in the order the usage lists them. */
    List<Form> forms();

    /**
     * Runs it on the arguments after its name.
     *
     * @return the exit status
     * @throws UsageException for arguments that do not fit its forms
     */
    int run(List<String> args, Output output);
}
