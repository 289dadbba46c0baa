package dev.stackdraft.cli;

import dev.stackdraft.template.TemplateException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code stackdraft} command: reads and edits SAM / CloudFormation templates and serverless.yml files from a
 * shell or a CI job. {@link #run} is the whole program, callable in-process; {@link #main} only adds the
 * process's streams and exit status.
 *
 * <p>Exit status: {@value #OK} ok, {@value #FAILED} an edit refused or input invalid (one message on stderr that
 * starts with {@code file:line:col}; never a stack trace), {@value #USAGE} a usage error.
 */
public final class StackdraftCli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final List<Command> commands;

    StackdraftCli(List<Command> commands) {
        this.commands = List.copyOf(commands);
    }

    static StackdraftCli standard() {
        return new StackdraftCli(List.of(new GraphCommand(), new ValidateCommand(), new LayersCommand(),
                new RenameCommand(), new TagsCommand(), new AwsCommand(), new EnvCommand(),
                new AppSyncCommand(), new UseExistingCommand()));
    }

    public static void main(String[] args) {
        // the AWS SDK logs through SLF4J, which the jar carries without a provider: no "no providers" notice on stderr
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = run(args, out, err);
        System.exit(status);
    }

    /**
     * Runs one command line.
     *
     * @param args what follows {@code stackdraft}, e.g. {@code ["layers", "add", "template.yaml", "--function", ...]}
     * @param out  where results go: JSON, diagrams, findings, diffs
     * @param err  where notes, problems and usage errors go
     * @return the exit status: {@link #OK}, {@link #FAILED} or {@link #USAGE}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return standard().execute(Arrays.asList(args), new Output(out, err));
    }

    int execute(List<String> args, Output output) {
        try {
            return dispatch(args, output);
        } catch (UsageException e) {
            output.note(e.getMessage());
            output.problem(Usage.brief(commandNamed(args.isEmpty() ? "" : args.getFirst()), commands));
            return USAGE;
        } catch (TemplateException e) {
            output.problem(e.getMessage());
            return FAILED;
        } catch (CliFailure e) {
            output.note(e.getMessage());
            return FAILED;
        } catch (UncheckedIOException e) {
            output.note("cannot read or write a file: " + AtomicWrite.reason(e.getCause()));
            return FAILED;
        } catch (RuntimeException | Error e) { // a bug, a class missing from the jar, a stack or heap too small
            output.note("internal error: " + (e.getMessage() == null ? "no message" : e.getMessage())
                    + " (" + e.getClass().getName() + "; please report it with the template)");
            return FAILED;
        } finally {
            output.flush();
        }
    }

    private int dispatch(List<String> args, Output output) {
        if (args.isEmpty()) {
            throw new UsageException("missing a command");
        }
        String first = args.getFirst();
        switch (first) {
            case "--help", "-h", "help" -> {
                if (args.size() == 1) {
                    output.result(Usage.full(commands));
                    return OK;
                }
                output.result(Usage.of(known(args.get(1))));
                return OK;
            }
            case "--version", "version" -> {
                output.result("stackdraft " + Version.current());
                return OK;
            }
            default -> { }
        }
        Command command = known(first);
        List<String> rest = args.subList(1, args.size());
        if (asksForHelp(rest)) {
            output.result(Usage.of(command));
            return OK;
        }
        return command.run(rest, output);
    }

    private static boolean asksForHelp(List<String> args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    private Command known(String name) {
        @Nullable Command command = commandNamed(name);
        if (command == null) {
            throw new UsageException((name.startsWith("-") ? "unknown option " : "unknown command ") + "'" + name + "'");
        }
        return command;
    }

    private @Nullable Command commandNamed(String name) {
        for (Command command : commands) {
            if (command.name().equals(name)) {
                return command;
            }
        }
        return null;
    }
}
