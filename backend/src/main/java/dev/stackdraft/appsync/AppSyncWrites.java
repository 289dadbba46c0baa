package dev.stackdraft.appsync;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Fn;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Mapping;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Resolvers written as {@code AWS::AppSync::Resolver} resources: the APPSYNC form, and unit resolvers beside SAM's. */
final class AppSyncWrites {

    static final String JS_VERSION = "1.0.0";
    private static final String RESPONSE = "ResponseMappingTemplate";

    private AppSyncWrites() {}

    static Value getAtt(String id, String attribute) {
        return Value.intrinsic(Fn.GET_ATT, Value.string(id + "." + attribute));
    }

    /** How a resource names a data source: {@code !GetAtt DS.Name} where the template defines it, else its name. */
    static Value dataSourceName(DataSource dataSource) {
        return dataSource.logicalId() != null ? getAtt(dataSource.logicalId(), "Name") : Value.string(dataSource.name());
    }

    /** A new UNIT resolver resource at the end of Resources. */
    static List<Change> bind(Template template, GraphQlApi api, String typeName, String fieldName, DataSource dataSource,
                             @Nullable NewCode code) {
        String id = Names.freeLogicalId(template, Names.idPart(typeName) + Names.idPart(fieldName) + "Resolver", List.of());
        List<Entry> properties = new ArrayList<>();
        properties.add(Value.entry("ApiId", getAtt(api.id(), "ApiId")));
        properties.add(Value.entry("TypeName", Value.string(typeName)));
        properties.add(Value.entry("FieldName", Value.string(fieldName)));
        properties.add(Value.entry("DataSourceName", dataSourceName(dataSource)));
        properties.add(Value.entry("Kind", Value.string("UNIT")));
        CodeRuntime runtime = api.preferredRuntime();
        properties.addAll(codeEntries(template, runtime, dataSource, typeName, fieldName, code));
        List<Entry> definition = new ArrayList<>();
        definition.add(Value.entry("Type", Value.string(ApiReader.RESOLVER)));
        if (api.schemaId() != null) { // AppSync refuses a resolver for a field its schema does not have yet
            definition.add(Value.entry("DependsOn", Value.string(api.schemaId())));
        }
        definition.add(Value.entry("Properties", Value.mapping(properties)));
        return Changes.put(template, DocPath.of("Resources", id), Value.mapping(definition));
    }

    /** The runtime and code of a new resolver or function resource. */
    static List<Entry> codeEntries(Template template, CodeRuntime runtime, DataSource dataSource, String typeName,
                                   String fieldName, @Nullable NewCode code) {
        List<Entry> entries = new ArrayList<>();
        List<String> key = StarterCode.tableKey(template, dataSource);
        if (runtime == CodeRuntime.APPSYNC_JS) {
            entries.add(Value.entry("Runtime", Value.mapping(List.of(Value.entry("Name", Value.string("APPSYNC_JS")),
                    Value.entry("RuntimeVersion", Value.string(JS_VERSION))))));
            NewCode written = code != null ? code
                    : new NewCode(false, StarterCode.javascript(dataSource.kind(), typeName, fieldName, key));
            entries.add(Value.entry(written.file() ? "CodeS3Location" : "Code", Changes.text(template, written.text())));
        } else {
            NewCode written = code != null ? code
                    : new NewCode(false, StarterCode.vtlRequest(dataSource.kind(), typeName, fieldName, key));
            entries.add(Value.entry(written.file() ? "RequestMappingTemplateS3Location" : "RequestMappingTemplate",
                    Changes.text(template, written.text())));
            entries.add(Value.entry(RESPONSE, Changes.text(template,
                    StarterCode.vtlResponse(dataSource.kind(), typeName, fieldName))));
        }
        return entries;
    }

    /**
     * Points an existing UNIT resolver resource at another data source, and gives it new code where {@code code} is
     * given (or starter code where it has none and the data source is no Lambda function, which alone can go without).
     */
    static List<Change> rebind(Template template, GraphQlApi api, Resolver resolver, DataSource dataSource,
                               @Nullable NewCode code) {
        if (resolver.kind() == Resolver.Kind.PIPELINE) {
            throw Refuse.at(template, resolver.line(), resolver.coordinate() + " is a pipeline resolver of "
                    + (resolver.pipeline().isEmpty() ? "no functions" : "functions " + String.join(", ", resolver.pipeline())),
                    "change the data sources of its functions, or unbind it and bind it again");
        }
        Resource resource = template.resource(resolver.id()).orElseThrow();
        Mapping properties = resource.properties().orElseThrow(() -> Refuse.at(template, resolver.line(),
                resolver.id() + " has no Properties", "edit it by hand"));
        DocPath path = resource.propertiesPath();
        List<Change> changes = new ArrayList<>();
        if (!dataSource.name().equals(resolver.dataSource()) || properties.get("DataSourceName").isEmpty()) {
            changes.addAll(Changes.put(template, path.child("DataSourceName"), dataSourceName(dataSource)));
        }
        boolean noCode = resolver.code() instanceof Code.None;
        if (code == null && !(noCode && dataSource.kind() != DataSource.Kind.LAMBDA)) {
            return changes;
        }
        List<String> key = StarterCode.tableKey(template, dataSource);
        if (resolver.runtime() == CodeRuntime.APPSYNC_JS) {
            NewCode written = code != null ? code : new NewCode(false,
                    StarterCode.javascript(dataSource.kind(), resolver.typeName(), resolver.fieldName(), key));
            changes.addAll(swap(template, path, properties, "Code", "CodeS3Location", written));
        } else {
            NewCode written = code != null ? code : new NewCode(false,
                    StarterCode.vtlRequest(dataSource.kind(), resolver.typeName(), resolver.fieldName(), key));
            changes.addAll(swap(template, path, properties, "RequestMappingTemplate", "RequestMappingTemplateS3Location",
                    written));
            if (properties.get(RESPONSE).isEmpty() && properties.get(RESPONSE + "S3Location").isEmpty()) {
                changes.add(new Change.Put(path, RESPONSE, Changes.text(template,
                        StarterCode.vtlResponse(dataSource.kind(), resolver.typeName(), resolver.fieldName()))));
            }
        }
        return changes;
    }

    /** Writes code under {@code inlineKey} or {@code fileKey}, taking the other one away. */
    static List<Change> swap(Template template, DocPath path, Mapping properties, String inlineKey, String fileKey,
                             NewCode code) {
        String keep = code.file() ? fileKey : inlineKey;
        String drop = code.file() ? inlineKey : fileKey;
        List<Change> changes = new ArrayList<>();
        if (properties.get(drop).isPresent()) {
            changes.add(new Change.RemoveKey(path, drop));
        }
        Value text = code.file() ? Value.string(code.text()) : Changes.text(template, code.text());
        changes.add(properties.get(keep).isPresent() ? new Change.Replace(path.child(keep), text)
                : new Change.Put(path, keep, text));
        return changes;
    }
}
