package dev.stackdraft.cli;

import java.io.PrintStream;

/**
 * Where a command writes: results to {@code out} (JSON, diagrams, findings, diffs), one-line notes and problems to
 * {@code err}, so that {@code stackdraft graph t.yaml > graph.json} stays clean.
 */
final class Output {

    static final String PREFIX = "stackdraft: ";

    private final PrintStream out;
    private final PrintStream err;

    Output(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Writes a result to stdout, ending it with a newline if it has none. */
    void result(String text) {
        out.print(text);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            out.print('\n');
        }
    }

    /** A one-line note on stderr, e.g. {@code stackdraft: Add layer X to Fn (1 line added)}. */
    void note(String message) {
        err.println(PREFIX + message);
    }

    /** A message on stderr exactly as given (a template problem already starts with file:line:col). */
    void problem(String message) {
        err.println(message);
    }

    void flush() {
        out.flush();
        err.flush();
    }
}
