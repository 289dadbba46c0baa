package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.Template;
import java.util.List;
import java.util.Optional;

/**
 * Lets each environment use an existing resource instead of creating {@code resource}, in plain CloudFormation:
 * <ul>
 * <li>a String parameter {@code <Resource>ExistingArn} (default empty: create it; an {@code AllowedPattern} of the
 *     type's ARNs), or {@code <Resource>ExistingName} for types named by name (SSM parameters);</li>
 * <li>a condition {@code <Resource>IsNew: !Equals [!Ref <Parameter>, ""]} and {@code Condition: <Resource>IsNew} on the
 *     resource and on what only configures it (its queue, topic or bucket policy, a log group named after it, its
 *     versions and aliases, connectors that give its role permissions: {@code existing-companions.tsv});</li>
 * <li>every {@code Ref}, {@code GetAtt} and {@code Fn::Sub} that names it wrapped, its own bytes kept, in
 *     {@code !If [<Resource>IsNew, <as written>, <what the existing one gives>]}: derived from the ARN with
 *     {@code !Select}/{@code !Split}/{@code !Sub} where the type's form allows ({@code existing-outputs.tsv}), else a
 *     further parameter {@code <Resource>Existing<Attribute>} asked per environment; a {@code !Sub} gets the same string
 *     with those values as its variables;</li>
 * <li>connector ends that name it by {@code Id} written as {@code Type} and {@code Arn}, which an existing one has too.</li>
 * </ul>
 * Refused with a reason: a type whose outputs it does not know (there is no generic ARN-only fallback: a type's
 * {@code Ref} may be a name, an id, a URL ... and guessing would deploy the wrong thing), a resource that has a
 * {@code Condition} already (it does not combine conditions), anything that {@code DependsOn} it, references to names
 * SAM derives from it, S3 and Cognito events that SAM must wire inside the template, serverless.yml. A resource nothing
 * refers to can be switched too: the parameter then only says "do not create it here".
 * {@link StopUsingExisting} undoes it byte for byte.
 */
public record UseExisting(String resource) implements EditCommand {

    @Override
    public List<Change> changes(Template template) {
        return ExistingPlan.of(template, resource).changes();
    }

    /** Whether {@code resource} can be switched to an existing one (for showing the toggle only where it works). */
    public static boolean possible(Template template, String resource) {
        return whyNot(template, resource).isEmpty();
    }

    /** Why {@code resource} cannot be switched, as a sentence and what to do; empty where it can. */
    public static Optional<String> whyNot(Template template, String resource) {
        try {
            ExistingPlan.of(template, resource).changes();
            return Optional.empty();
        } catch (EditRefusedException e) {
            return Optional.of(e.problem() + (e.hint().isEmpty() ? "" : ": " + e.hint()));
        }
    }

    /**
     * What is wrong with {@code arn} as the existing resource for a resource of {@code type}, each a sentence (see
     * {@link dev.stackdraft.arn.Arns#check(String, String)}); empty when it fits.
     */
    public static List<String> arnProblems(String type, String arn) {
        return dev.stackdraft.arn.Arns.check(arn, type).problems();
    }

    /**
     * What an environment sets the switch's parameter to, given the existing resource's ARN: the ARN itself, or for a
     * type given by name (an SSM parameter) the name the ARN names ({@code arn:...:parameter/app/x} → {@code /app/x},
     * {@code arn:...:parameter/x} → {@code x}). Check the ARN first with {@link dev.stackdraft.arn.Arns#check(String, String)}.
     */
    public static String parameterValue(String type, String arn) {
        boolean byName = ExistingKinds.of(type).map(ExistingKinds.Kind::byName).orElse(false);
        if (!byName) {
            return arn;
        }
        int slash = arn.indexOf("parameter/");
        String name = slash < 0 ? arn : arn.substring(slash + "parameter/".length());
        return name.contains("/") ? "/" + name : name;
    }

    @Override
    public String describe() {
        return "Use an existing resource for " + resource + " where an environment gives one";
    }
}
