package dev.stackdraft.cli;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The usage texts: the whole of it for {@code --help}, one command's, and the short one after a usage error. */
final class Usage {

    private static final int WIDTH = 100;
    private static final String INDENT = "      ";

    private Usage() {}

    static String full(List<Command> commands) {
        StringBuilder text = new StringBuilder("""
                usage: stackdraft COMMAND [ARGUMENTS]

                Reads and edits AWS SAM / CloudFormation templates (YAML or JSON) and serverless.yml files. Edits change
                only the lines they must, in the file's own style, and replace the file atomically.

                Commands:
                """);
        for (Command command : commands) {
            forms(command, "  ", text);
        }
        text.append("""
                  help [COMMAND]
                      Print this text, or one command's.

                LAYER is a layer version ARN (arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION), the logical id of a
                layer resource or parameter of the template, or in a serverless.yml a layer's name (or NameLambdaLayer).

                DIR is the folder of the template (or the template itself); its samconfig.toml is where the SAM CLI keeps
                environments, and 'sam deploy --config-env NAME' deploys what env set writes.

                Type.field names a GraphQL field (Query.getOrder); NAME is a data source's name or logical id (NONE in a
                SAM GraphQLApi for the one SAM makes).
                ARN (use-existing) is checked for the resource's type: partition, service, region, account, resource form.

                Options:
                  --dry-run     (editing commands) print the unified diff on stdout and leave the file as it is
                  --help, -h    print usage (after a command: that command's) and exit
                  --version     print the version and exit

                An edit writes the file in place (a temporary file beside it, then an atomic rename; permissions, byte
                order mark and line endings kept) and says on stderr what it did. An edit that changes nothing writes
                nothing.

                AWS commands (layers available, aws ...) reach AWS through the AWS SDK's own settings: AWS_PROFILE,
                AWS_REGION, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_ENDPOINT_URL; throttling is retried with back-off.

                Exit status: 0 ok; 1 an edit refused, a validation error, a file that cannot be read or written, or AWS
                refused or could not be reached (one message on stderr, starting with FILE:LINE:COL where there is a
                place to point at); 2 a usage error.
                """);
        return text.toString();
    }

    static String of(Command command) {
        StringBuilder text = new StringBuilder("usage:\n");
        forms(command, "  stackdraft ", text);
        return text.toString();
    }

    /** The forms of {@code command} (of every command when it is not known), without their descriptions. */
    static String brief(@Nullable Command command, List<Command> commands) {
        StringBuilder text = new StringBuilder("usage:");
        for (Command each : command == null ? commands : List.of(command)) {
            for (Form form : each.forms()) {
                text.append("\n  stackdraft ").append(form.synopsis());
            }
        }
        return text.append("\nRun 'stackdraft --help' for more.").toString();
    }

    private static void forms(Command command, String prefix, StringBuilder text) {
        for (Form form : command.forms()) {
            text.append(prefix).append(form.synopsis()).append('\n');
            wrap(form.description(), text);
        }
    }

    private static void wrap(String description, StringBuilder text) {
        int lineStart = text.length();
        text.append(INDENT);
        for (String word : description.split(" ")) {
            if (text.length() - lineStart + word.length() + 1 > WIDTH && text.length() - lineStart > INDENT.length()) {
                text.append('\n');
                lineStart = text.length();
                text.append(INDENT);
            } else if (text.length() - lineStart > INDENT.length()) {
                text.append(' ');
            }
            text.append(word);
        }
        text.append('\n');
    }
}
