package dev.stackdraft.edit;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import java.util.List;

/**
 * A referenced resource: infrastructure outside the stack (a central error-reporting function, an existing topic, a
 * VPC) given by its ARN, written as a {@code String} parameter whose default is that ARN, so that each environment
 * can name its own in {@code samconfig.toml}. The graph draws it as an outside node, connectable like a resource; the
 * references to it are {@code !Ref} to the parameter. {@link InlineParameter} writes the ARN itself instead.
 *
 * @param name the parameter's name
 * @param arn  the resource's ARN, checked for its form (partition, service, region, account, resource)
 */
public record AddReferencedResource(String name, String arn) implements EditCommand {

    @Override
    public List<Change> changes(Template template) {
        String checked = arn.strip();
        dev.stackdraft.arn.ArnCheck check = dev.stackdraft.arn.Arns.check(checked);
        if (!check.valid()) {
            throw Refusals.file(template, "'" + arn + "' is not an ARN Stackdraft can reference: "
                    + String.join(" ", check.problems()),
                    "give the resource's full ARN: arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE");
        }
        return new SetSectionEntry("Parameters", name, Value.mapping(List.of(
                Value.entry("Type", Value.plain("String")),
                Value.entry("Default", Value.plain(checked)),
                Value.entry("Description", Value.string("An existing resource this stack uses, not creates; each "
                        + "environment may name its own in samconfig.toml's parameter_overrides"))))).changes(template);
    }

    @Override
    public String describe() {
        return "Reference " + arn + " as " + name;
    }
}
