package dev.stackdraft.editing;

import dev.stackdraft.environment.Environments;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A change to the project's {@code samconfig.toml} (its environments) made in an editing session, next to the
 * template's commands: a parameter value for one environment, or an environment itself. Each is applied by
 * {@link Environments} losslessly and committed together with the template.
 */
public sealed interface ConfigEdit {

    /**
     * The file's new text.
     *
     * @throws IllegalArgumentException            for a name or value SAM would not take
     * @throws dev.stackdraft.template.TemplateException when the file cannot be edited safely there
     */
    String apply(Environments config);

    /** What it does, in a sentence for the list of pending changes. */
    String describe();

    /** Sets a template parameter's value for one environment ({@code parameter_overrides}). */
    record SetParameter(String environment, String parameter, String value) implements ConfigEdit {
        @Override
        public String apply(Environments config) {
            return config.setParameter(environment, parameter, value);
        }

        @Override
        public String describe() {
            return "Set " + parameter + " to " + value + " in environment " + environment;
        }
    }

    /** Takes a template parameter's value out of one environment: the template's default applies again. */
    record RemoveParameter(String environment, String parameter) implements ConfigEdit {
        @Override
        public String apply(Environments config) {
            return config.removeParameter(environment, parameter);
        }

        @Override
        public String describe() {
            return "Use " + parameter + "'s default in environment " + environment;
        }
    }

    /**
     * Creates or changes an environment: region, stack name and AWS account ({@link Environments#set}).
     *
     * @param stackName null: keep the environment's (a new one gets {@code <folder>-<name>})
     * @param accountId null: keep what is there
     */
    record SetEnvironment(String name, String region, @Nullable String stackName, @Nullable String accountId)
            implements ConfigEdit {
        @Override
        public String apply(Environments config) {
            return config.set(name, region, stackName, accountId, Map.of());
        }

        @Override
        public String describe() {
            return (accountId == null ? "Set environment " + name + " to " + region
                    : "Tie environment " + name + " to AWS account " + accountId + " in " + region)
                    + (stackName == null ? "" : " (stack " + stackName + ")");
        }
    }
}
