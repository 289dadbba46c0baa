package dev.stackdraft.appsync;

import dev.stackdraft.edit.AddSamTransform;
import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.template.Change;
import dev.stackdraft.template.Dialect;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.LogicalId;
import dev.stackdraft.template.Resolution;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A new {@code AWS::Serverless::GraphQLApi} at the end of Resources: its name, the SDL inline, API_KEY auth with one
 * key (an API_KEY API cannot be called without one); the SAM transform is declared where the template lacks it. The
 * SDL must parse.
 */
public record NewGraphQlApi(String id, String name, String schemaInline) implements EditCommand {

    @Override
    public List<Change> changes(Template template) {
        if (template.dialect() == Dialect.SERVERLESS) {
            throw Refuse.file(template, "a serverless.yml takes no AWS::Serverless::GraphQLApi",
                    "add the API to a SAM template");
        }
        if (!new LogicalId(id).isValidForCloudFormation()) {
            throw Refuse.file(template, "'" + id + "' is not a valid logical id", "use letters and digits only (A-Z, a-z, 0-9)");
        }
        if (Resolution.referable(template).contains(id) || template.conditionNames().contains(id)) {
            throw Refuse.file(template, "'" + id + "' is already defined in this template", "choose another name");
        }
        GraphQlApi draft = new GraphQlApi(id, GraphQlApi.Form.SERVERLESS, template.file(), new SchemaSource.Missing(), null,
                List.of(), List.of(), List.of(), 1);
        try {
            SchemaFields.parse(draft, schemaInline);
        } catch (SchemaException e) {
            throw Refuse.file(template, e.problem() + " (line " + e.sdlLine() + ", column " + e.sdlColumn()
                    + " of the schema)", e.hint());
        }
        List<Change> changes = new ArrayList<>();
        if (!template.transforms().contains("AWS::Serverless-2016-10-31")) {
            changes.addAll(new AddSamTransform().changes(template));
        }
        Value key = Value.mapping(List.of(Value.entry("Description", Value.string("Key for calling " + name))));
        Value properties = Value.mapping(List.of(
                Value.entry("Name", Value.string(name)),
                Value.entry("SchemaInline", Changes.text(template, schemaInline.endsWith("\n") ? schemaInline : schemaInline + "\n")),
                Value.entry("Auth", Value.mapping(List.of(Value.entry("Type", Value.string("API_KEY"))))),
                Value.entry("ApiKeys", Value.mapping(List.of(Value.entry("DefaultKey", key))))));
        Value api = Value.mapping(List.of(Value.entry("Type", Value.string(GraphQlApis.SAM_API)),
                Value.entry("Properties", properties)));
        changes.addAll(Changes.put(template, DocPath.of("Resources", id), api));
        return changes;
    }

    @Override
    public String describe() {
        return "Add GraphQL API " + id;
    }
}
