package dev.stackdraft.appsync;

import dev.stackdraft.appsync.GraphQlApi.Form;
import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.template.Change;
import dev.stackdraft.template.Template;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Binds a field to a data source: a UNIT {@code AWS::AppSync::Resolver} (APPSYNC_JS, or VTL templates where the API
 * already uses VTL) in the APPSYNC form; in the SAM form a resolver under {@code Resolvers} whose pipeline is one new
 * function of {@code Functions} (SAM writes pipeline resolvers only). A field already bound gets the new data source
 * and keeps its code unless {@code code} is given.
 *
 * @param api        the API's logical id
 * @param dataSource the data source's name or logical id ({@link DataSource#name()}); {@code NONE} in the SAM form for
 *                   the data source SAM makes
 * @param code       the code: text written into the template, or, where it is one line naming a {@code .js}/{@code .vtl}
 *                   file or an S3 URI ({@link #isFilePath}), that path (the caller writes the file, relative to the
 *                   template's folder); null for the starter code of the data source's kind ({@link StarterCode}). For
 *                   VTL it is the request template; the response template is the starter's.
 */
public record BindResolver(String api, String typeName, String fieldName, String dataSource, @Nullable String code)
        implements EditCommand {

    /** Whether {@code code} is taken as a file path rather than as code. */
    public static boolean isFilePath(@Nullable String code) {
        return NewCode.isFilePath(code);
    }

    @Override
    public List<Change> changes(Template template) {
        GraphQlApi target = GraphQlApis.require(template, api);
        Names.checkGraphQlName(template, "type", typeName);
        Names.checkGraphQlName(template, "field", fieldName);
        DataSource source = dataSource(template, target, dataSource);
        NewCode newCode = NewCode.of(code);
        Optional<Resolver> existing = target.resolver(typeName, fieldName);
        if (existing.isPresent()) {
            Resolver resolver = existing.get();
            return resolver.isResource() ? AppSyncWrites.rebind(template, target, resolver, source, newCode)
                    : SamWrites.rebind(template, target, resolver, source, newCode);
        }
        return target.form() == Form.APPSYNC ? AppSyncWrites.bind(template, target, typeName, fieldName, source, newCode)
                : SamWrites.bind(template, target, typeName, fieldName, source, newCode);
    }

    /** The data source {@code name} of the API, or a refusal that lists the ones it has. */
    static DataSource dataSource(Template template, GraphQlApi api, String name) {
        Optional<DataSource> found = api.dataSource(name);
        if (found.isPresent()) {
            return found.get();
        }
        if (api.form() == Form.SERVERLESS && name.equalsIgnoreCase(ApiReader.NONE)) { // SAM makes it on first use
            return new DataSource(ApiReader.NONE, null, DataSource.Kind.NONE, null);
        }
        List<String> names = api.dataSources().stream().map(DataSource::name).toList();
        throw Refuse.at(template, api.line(), api.id() + " has no data source '" + name + "'", names.isEmpty()
                ? "it has none yet: add one first" : "its data sources: " + String.join(", ", names));
    }

    @Override
    public String describe() {
        return "Bind " + typeName + "." + fieldName + " of " + api + " to " + dataSource;
    }
}
