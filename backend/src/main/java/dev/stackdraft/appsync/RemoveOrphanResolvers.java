package dev.stackdraft.appsync;

import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.template.Change;
import dev.stackdraft.template.Template;
import java.util.List;

/**
 * Takes away the resolvers whose field {@code schemaText} no longer has ({@link SchemaFields#orphans}), as
 * {@link UnbindResolver} does each: what to offer after a schema change.
 */
public record RemoveOrphanResolvers(String api, String schemaText) implements EditCommand {

    @Override
    public List<Change> changes(Template template) {
        GraphQlApi target = GraphQlApis.require(template, api);
        return Unbinding.of(template, target, SchemaFields.orphans(target, schemaText));
    }

    @Override
    public String describe() {
        return "Remove the resolvers of " + api + " whose fields the schema no longer has";
    }
}
