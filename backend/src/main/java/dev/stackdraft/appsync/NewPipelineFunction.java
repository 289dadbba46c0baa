package dev.stackdraft.appsync;

import dev.stackdraft.appsync.GraphQlApi.Form;
import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A new pipeline function of an API, on one of its data sources, in APPSYNC_JS: in the SAM form
 * {@code Functions.<name>} of the {@code AWS::Serverless::GraphQLApi}; in the APPSYNC form an
 * {@code AWS::AppSync::FunctionConfiguration} at the end of Resources. {@link SetPipeline} then puts it in a resolver.
 *
 * @param name       what pipelines call it (a GraphQL name; in the SAM form letters and digits, as SAM makes a logical
 *                   id of it)
 * @param dataSource the data source's name or logical id ({@link DataSource#name()}); {@code NONE} in the SAM form for
 *                   the data source SAM makes
 * @param code       the code, or a {@code .js} file path / S3 URI ({@link BindResolver#isFilePath}); null for the starter
 *                   code of the data source's kind ({@link StarterCode}), chosen as for a field of the function's name
 *                   (a {@code create*}, {@code update*} or {@code delete*} function writes, others read)
 */
public record NewPipelineFunction(String api, String name, String dataSource, @Nullable String code)
        implements EditCommand {

    @Override
    public List<Change> changes(Template template) {
        GraphQlApi target = GraphQlApis.require(template, api);
        Names.checkGraphQlName(template, "function", name);
        if (target.function(name).isPresent()) {
            throw Refuse.at(template, target.function(name).get().line(), api + " has a pipeline function '" + name
                    + "' already", "choose another name, or put that one in the pipeline");
        }
        DataSource source = BindResolver.dataSource(template, target, dataSource);
        NewCode written = NewCode.of(code);
        if (written == null) {
            written = new NewCode(false, starter(template, source));
        }
        if (target.form() == Form.SERVERLESS) {
            if (!name.matches("[A-Za-z0-9]+")) {
                throw Refuse.file(template, "'" + name + "' cannot be a key of a SAM API's Functions",
                        "SAM makes logical ids of them: letters and digits only");
            }
            Resource resource = template.resource(target.id()).orElseThrow();
            return SamWrites.putFunction(template, resource, name, SamWrites.function(template, source, written));
        }
        String base = Names.idPart(name);
        String id = Names.freeLogicalId(template, base.endsWith("Function") ? base : base + "Function", List.of());
        List<Entry> properties = new ArrayList<>();
        properties.add(Value.entry("ApiId", AppSyncWrites.getAtt(target.id(), "ApiId")));
        properties.add(Value.entry("Name", Value.string(name)));
        properties.add(Value.entry("DataSourceName", AppSyncWrites.dataSourceName(source)));
        properties.addAll(AppSyncWrites.codeEntries(template, CodeRuntime.APPSYNC_JS, source, "Query", name, written));
        return Changes.put(template, DocPath.of("Resources", id), Value.mapping(List.of(
                Value.entry("Type", Value.string(ApiReader.FUNCTION)), Value.entry("Properties", Value.mapping(properties)))));
    }

    /** The starter code of a field named like the function, headed by the function's name rather than a field's. */
    private String starter(Template template, DataSource source) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean writes = List.of("create", "put", "add", "update", "set", "delete", "remove").stream()
                .anyMatch(lower::startsWith);
        String type = writes ? "Mutation" : "Query";
        String text = StarterCode.javascript(source.kind(), type, name, StarterCode.tableKey(template, source));
        return text.replace("/** " + type + "." + name + ": ", "/** pipeline function " + name + ": ");
    }

    @Override
    public String describe() {
        return "Add pipeline function " + name + " on " + dataSource + " to " + api;
    }
}
