package dev.stackdraft.cli;

import dev.stackdraft.edit.Editor;
import dev.stackdraft.edit.ExistingSwitch;
import dev.stackdraft.edit.StopUsingExisting;
import dev.stackdraft.edit.UseExisting;
import dev.stackdraft.environment.Environment;
import dev.stackdraft.environment.Environments;
import dev.stackdraft.template.EditResult;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code use-existing set|clear FILE --resource ID ...}: an environment uses an existing resource instead of creating
 * one ({@link UseExisting} on the template, the ARN in the environment's {@code parameter_overrides} of the
 * samconfig.toml beside FILE), and back. Both files are worked out before either is written; {@code --dry-run} prints
 * both diffs.
 */
final class UseExistingCommand implements Command {

    private static final String RESOURCE = "--resource";
    private static final String ENV = "--env";
    private static final String ARN = "--arn";
    private static final String REGION = "--region";
    private static final String VALUE = "--value";

    @Override
    public String name() {
        return "use-existing";
    }

    @Override
    public List<Form> forms() {
        return List.of(
                new Form("use-existing set FILE --resource ID --env ENV --arn ARN [--value PARAM=V]... [--region R] [--dry-run]",
                        "Make environment ENV use the existing resource ARN instead of creating ID: the template gets a "
                                + "parameter <ID>ExistingArn (empty: create it), a condition and !If at every reference, if "
                                + "it has not yet; the ARN (checked for the resource's type; an SSM parameter's gives its "
                                + "name) goes to ENV's parameter_overrides in the samconfig.toml beside FILE, which is "
                                + "created if missing (a new ENV needs --region). Values the ARN cannot tell, such as a "
                                + "table's StreamArn, are --value <ID>ExistingStreamArn=V."),
                new Form("use-existing clear FILE --resource ID [--env ENV] [--dry-run]",
                        "With --env, ENV creates ID again (its values leave parameter_overrides); without, every "
                                + "environment does, and the template is given back as it was before use-existing set."));
    }

    @Override
    public int run(List<String> args, Output output) {
        if (args.isEmpty()) {
            throw new UsageException("missing what to do: set or clear");
        }
        String verb = args.getFirst();
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        Map<String, String> values = verb.equals("set") ? Arguments.takePairs(rest, VALUE, "PARAM=VALUE") : Map.of();
        Arguments arguments = switch (verb) {
            case "set" -> Arguments.parse(rest, Set.of(RESOURCE, ENV, ARN, REGION), FileEdit.SWITCHES);
            case "clear" -> Arguments.parse(rest, Set.of(RESOURCE, ENV), FileEdit.SWITCHES);
            default -> throw new UsageException("unknown use-existing command '" + verb + "': use set or clear");
        };
        Path file = arguments.noMorePositionalsThan(1).file();
        String resource = arguments.required(RESOURCE);
        Template template = new TemplateReader().read(file);
        Path folder = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of("."));
        Environments environments = Environments.read(folder);
        Plan plan = verb.equals("set")
                ? set(template, resource, arguments.required(ENV), arguments.required(ARN), arguments.option(REGION), values, environments)
                : clear(template, resource, arguments.option(ENV), environments);
        return plan.write(file, template, environments, arguments.has(FileEdit.DRY_RUN), output);
    }

    /** Both files' new texts and what was done, before anything is written. */
    private record Plan(EditResult templateEdit, String samconfig, String what) {

        int write(Path file, Template template, Environments environments, boolean dryRun, Output output) {
            boolean templateChanged = templateEdit.changed();
            boolean configChanged = !samconfig.equals(environments.text());
            if (!templateChanged && !configChanged) {
                output.note(what + ": nothing to change, " + file + " and " + environments.file() + " left as they were");
                return StackdraftCli.OK;
            }
            List<String> sizes = new ArrayList<>();
            StringBuilder diffs = new StringBuilder();
            if (templateChanged) {
                String diff = templateEdit.diff();
                diffs.append(diff);
                sizes.add(file.getFileName() + ": " + FileEdit.DiffSize.of(diff));
            }
            if (configChanged) {
                String diff = environments.diff(samconfig);
                diffs.append(diff);
                sizes.add(environments.file().getFileName() + ": " + FileEdit.DiffSize.of(diff)
                        + (environments.exists() ? "" : ", created"));
            }
            if (dryRun) {
                output.result(diffs.toString());
                output.note(what + " (" + String.join("; ", sizes) + "; dry run, nothing written)");
                return StackdraftCli.OK;
            }
            if (templateChanged) {
                AtomicWrite.replace(file, template.source().bytes(), templateEdit.after().source().bytes());
            }
            if (configChanged) {
                if (environments.exists()) {
                    AtomicWrite.replace(environments.file(), environments.text().getBytes(StandardCharsets.UTF_8),
                            samconfig.getBytes(StandardCharsets.UTF_8));
                } else {
                    environments.write(samconfig);
                }
            }
            output.note(what + " (" + String.join("; ", sizes) + ")");
            return StackdraftCli.OK;
        }
    }

    private static Plan set(Template template, String resource, String env, String arn, Optional<String> region,
                            Map<String, String> values, Environments environments) {
        // refused (a resource that is not there, a type it does not know ...) before the ARN is looked at
        EditResult edit = ExistingSwitch.of(template, resource).isPresent() ? new EditResult(template, template)
                : new Editor().apply(template, new UseExisting(resource));
        ExistingSwitch existing = ExistingSwitch.of(edit.after(), resource).orElseThrow();
        String type = edit.after().resource(resource).map(Resource::type).orElseThrow().value();
        List<String> problems = UseExisting.arnProblems(type, arn);
        if (!problems.isEmpty()) {
            throw new CliFailure("--arn " + arn + " is not an ARN of " + type + ": " + String.join("; ", problems));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(existing.parameter(), UseExisting.parameterValue(type, arn));
        values.forEach((key, value) -> {
            String name = existing.perEnvironmentParameters().contains(key) ? key : resource + "Existing" + key;
            if (!existing.perEnvironmentParameters().contains(name) || name.equals(existing.parameter())) {
                throw new UsageException(VALUE + " " + key + ": " + resource + "'s further values are "
                        + (existing.perEnvironmentParameters().size() > 1
                        ? String.join(", ", existing.perEnvironmentParameters().subList(1, existing.perEnvironmentParameters().size()))
                        : "none (the ARN tells everything)"));
            }
            parameters.put(name, value);
        });
        String samconfig = withValues(environments, env, region, parameters);
        List<String> missing = existing.perEnvironmentParameters().stream().skip(1).filter(p -> !parameters.containsKey(p))
                .filter(p -> environments.environment(env).map(e -> !e.parameterOverrides().containsKey(p)).orElse(true)).toList();
        String what = "Environment " + env + " uses the existing " + arn + " for " + resource
                + (missing.isEmpty() ? "" : "; it needs " + String.join(", ", missing) + " too (" + VALUE + " NAME=VALUE)");
        return new Plan(edit, samconfig, what);
    }

    /** The samconfig text with {@code parameters} set for {@code env}; a new environment needs its region. */
    private static String withValues(Environments environments, String env, Optional<String> region, Map<String, String> parameters) {
        Optional<Environment> existing = environments.environment(env);
        try {
            if (existing.isEmpty()) {
                String newRegion = region.orElseThrow(() -> new UsageException("there is no environment " + env + " in "
                        + environments.file() + " yet: give " + REGION + " to create it (as env set does)"));
                return environments.set(env, newRegion, null, null, parameters);
            }
            if (region.isPresent() && !region.get().equals(existing.get().region())) {
                throw new UsageException("environment " + env + " deploys to " + existing.get().region() + "; " + REGION
                        + " is for a new environment (change its region with env set)");
            }
            String text = environments.text();
            for (Map.Entry<String, String> parameter : parameters.entrySet()) {
                text = Environments.parse(environments.file(), text).setParameter(env, parameter.getKey(), parameter.getValue());
            }
            return text;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Plan clear(Template template, String resource, Optional<String> env, Environments environments) {
        Optional<ExistingSwitch> existing = ExistingSwitch.of(template, resource);
        if (template.resource(resource).isEmpty()) {
            new StopUsingExisting(resource).changes(template); // refused, naming the resources there are
        }
        List<String> names = existing.map(ExistingSwitch::perEnvironmentParameters).orElse(List.of());
        List<Environment> cleared = env.isPresent()
                ? List.of(environments.environment(env.get()).orElseThrow(() -> new CliFailure("there is no environment "
                        + env.get() + " in " + environments.file() + (environments.exists() ? "" : " (there is no such file)"))))
                : environments.list();
        String text = environments.text();
        for (Environment environment : cleared) {
            for (String key : environment.parameterOverrides().keySet()) {
                if (names.contains(key) || existing.isEmpty() && key.startsWith(resource + "Existing")) {
                    text = Environments.parse(environments.file(), text).removeParameter(environment.name(), key);
                }
            }
        }
        EditResult edit = env.isEmpty() && existing.isPresent()
                ? new Editor().apply(template, new StopUsingExisting(resource)) : new EditResult(template, template);
        String what = env.map(e -> "Environment " + e + " creates " + resource + " again")
                .orElse("Every environment creates " + resource + " again");
        return new Plan(edit, text, what);
    }
}
