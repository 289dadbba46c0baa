package dev.stackdraft.appsync;

import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.template.Change;
import dev.stackdraft.template.Template;
import java.util.List;

/**
 * Takes a field's resolver away: its {@code AWS::AppSync::Resolver}, or in the SAM form its entry under
 * {@code Resolvers} with the pipeline functions no other resolver uses. Unbinding what {@link BindResolver} bound gives
 * the template back byte for byte.
 */
public record UnbindResolver(String api, String typeName, String fieldName) implements EditCommand {

    @Override
    public List<Change> changes(Template template) {
        GraphQlApi target = GraphQlApis.require(template, api);
        Resolver resolver = target.resolver(typeName, fieldName).orElseThrow(() -> Refuse.at(template, target.line(),
                typeName + "." + fieldName + " of " + api + " has no resolver", target.resolvers().isEmpty()
                        ? "the API has no resolvers" : "resolved fields: " + String.join(", ",
                        target.resolvers().stream().map(Resolver::coordinate).toList())));
        return Unbinding.of(template, target, List.of(resolver));
    }

    @Override
    public String describe() {
        return "Unbind " + typeName + "." + fieldName + " of " + api;
    }
}
