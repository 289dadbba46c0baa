package dev.stackdraft.cli;

import dev.stackdraft.environment.Environment;
import dev.stackdraft.environment.Environments;
import dev.stackdraft.template.JsonText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code env list|set|remove DIR ...}: the environments in the {@code samconfig.toml} beside the template in DIR,
 * as {@code sam deploy --config-env NAME} reads them.
 */
final class EnvCommand implements Command {

    private static final String ENV = "--env";
    private static final String REGION = "--region";
    private static final String ACCOUNT = "--account";
    private static final String STACK_NAME = "--stack-name";
    private static final String PARAMETER = "--parameter";
    private static final String FORMAT = "--format";

    @Override
    public String name() {
        return "env";
    }

    @Override
    public List<Form> forms() {
        return List.of(
                new Form("env list DIR [--format text|json]",
                        "List the environments of the samconfig.toml (or samconfig.yaml) in DIR: region, stack, account "
                                + "and parameter values, each as sam deploy --config-env NAME reads it (deploy over global)."),
                new Form("env set DIR --env NAME --region R [--account ID] [--stack-name S] [--parameter K=V]... [--dry-run]",
                        "Create or change an environment: a new one gets what sam deploy --guided writes; an existing one "
                                + "changes only the keys given. The account id goes to [NAME.stackdraft.parameters], "
                                + "which no sam command reads."),
                new Form("env remove DIR --env NAME [--dry-run]",
                        "Remove an environment's tables, with the comments just above them."));
    }

    @Override
    public int run(List<String> args, Output output) {
        if (args.isEmpty()) {
            throw new UsageException("missing what to do: list, set or remove");
        }
        String verb = args.getFirst();
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        Map<String, String> parameters = verb.equals("set") ? Arguments.takePairs(rest, PARAMETER, "KEY=VALUE") : Map.of();
        Arguments arguments = switch (verb) {
            case "list" -> Arguments.parse(rest, Set.of(FORMAT), Set.of());
            case "set" -> Arguments.parse(rest, Set.of(ENV, REGION, ACCOUNT, STACK_NAME), FileEdit.SWITCHES);
            case "remove" -> Arguments.parse(rest, Set.of(ENV), FileEdit.SWITCHES);
            default -> throw new UsageException("unknown env command '" + verb + "': use list, set or remove");
        };
        Path dir = folder(arguments.noMorePositionalsThan(1).positional(0, "DIR"));
        if (verb.equals("list")) {
            return list(dir, arguments.choice(FORMAT, "text", "json"), output);
        }
        Environments environments = Environments.read(dir);
        String name = arguments.required(ENV);
        String after;
        String what;
        try {
            if (verb.equals("set")) {
                String region = arguments.required(REGION);
                @Nullable String stack = arguments.option(STACK_NAME).orElse(null);
                @Nullable String account = arguments.option(ACCOUNT).orElse(null);
                after = environments.set(name, region, stack, account, parameters);
                what = "Set environment " + name + " (region " + region + (stack == null ? "" : ", stack " + stack)
                        + (account == null ? "" : ", account " + account)
                        + (parameters.isEmpty() ? "" : ", parameters " + String.join(", ", parameters.keySet())) + ")";
            } else {
                after = environments.remove(name);
                what = "Remove environment " + name;
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return write(environments, after, what, arguments.has(FileEdit.DRY_RUN), output);
    }

    private static int list(Path dir, String format, Output output) {
        Environments environments = Environments.read(dir);
        List<Environment> list = environments.list();
        if (format.equals("json")) {
            StringBuilder json = new StringBuilder("{\"file\":").append(environments.exists()
                    ? JsonText.quote(environments.file().toString()) : "null").append(",\"environments\":[");
            for (int i = 0; i < list.size(); i++) {
                Environment env = list.get(i);
                json.append(i == 0 ? "" : ",").append("{\"name\":").append(JsonText.quote(env.name()))
                        .append(",\"stackName\":").append(quoteOrNull(env.stackName()))
                        .append(",\"region\":").append(quoteOrNull(env.region()))
                        .append(",\"accountId\":").append(quoteOrNull(env.accountId()))
                        .append(",\"parameterOverrides\":").append(object(env.parameterOverrides()))
                        .append(",\"tags\":").append(object(env.tags()))
                        .append(",\"capabilities\":[")
                        .append(String.join(",", env.capabilities().stream().map(JsonText::quote).toList())).append("]}");
            }
            output.result(json.append("]}").toString());
            return StackdraftCli.OK;
        }
        if (!environments.exists()) {
            output.note("no samconfig.toml, samconfig.yaml or samconfig.yml in " + dir + ": no environments");
            return StackdraftCli.OK;
        }
        StringBuilder text = new StringBuilder();
        for (Environment env : list) {
            text.append(env.name()).append('\n');
            line(text, "region", env.region());
            line(text, "stack", env.stackName());
            line(text, "account", env.accountId());
            env.parameterOverrides().forEach((k, v) -> line(text, "parameter " + k, v));
            env.tags().forEach((k, v) -> line(text, "tag " + k, v));
        }
        output.result(text.toString());
        output.note(list.size() + (list.size() == 1 ? " environment in " : " environments in ") + environments.file());
        return StackdraftCli.OK;
    }

    private static int write(Environments environments, String after, String what, boolean dryRun, Output output) {
        Path file = environments.file();
        if (after.equals(environments.text())) {
            output.note(what + ": nothing to change, " + file + " left as it was");
            return StackdraftCli.OK;
        }
        String diff = environments.diff(after);
        String size = FileEdit.DiffSize.of(diff).toString();
        if (dryRun) {
            output.result(diff);
            output.note(what + " (" + size + "; dry run, " + file + " not written)");
            return StackdraftCli.OK;
        }
        if (environments.exists()) {
            AtomicWrite.replace(file, environments.text().getBytes(StandardCharsets.UTF_8), after.getBytes(StandardCharsets.UTF_8));
        } else {
            environments.write(after);
        }
        output.note(what + " (" + size + (environments.exists() ? "" : "; " + file + " created") + ")");
        return StackdraftCli.OK;
    }

    /** DIR, or a template file in it (then its folder). */
    private static Path folder(String given) {
        if (given.isEmpty()) {
            throw new UsageException("DIR is empty");
        }
        Path path = Path.of(given);
        if (Files.isRegularFile(path)) {
            Path parent = path.toAbsolutePath().getParent();
            return parent == null ? path : parent;
        }
        if (!Files.isDirectory(path)) {
            throw new CliFailure(path + ": no such folder (check the path)");
        }
        return path;
    }

    private static void line(StringBuilder text, String label, @Nullable String value) {
        if (value != null) {
            text.append("  ").append(label).append(": ").append(value).append('\n');
        }
    }

    private static String quoteOrNull(@Nullable String value) {
        return value == null ? "null" : JsonText.quote(value);
    }

    private static String object(Map<String, String> map) {
        List<String> entries = new ArrayList<>();
        map.forEach((k, v) -> entries.add(JsonText.quote(k) + ":" + JsonText.quote(v)));
        return "{" + String.join(",", entries) + "}";
    }
}
