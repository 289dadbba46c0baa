package dev.stackdraft.appsync;

import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Mapping;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Resolvers of an {@code AWS::Serverless::GraphQLApi}: SAM writes pipeline resolvers only, so a field bound to one
 * data source is a resolver whose pipeline is one function of {@code Functions} (named {@code <field>Function}, as the
 * SAM examples do), and the resolver keeps SAM's default code, which hands over to that function.
 */
final class SamWrites {

    private SamWrites() {}

    /** How a SAM function names a data source: its key under DataSources, NONE, or {@code !GetAtt DS.Name}. */
    static Value dataSourceRef(DataSource dataSource) {
        if (dataSource.kind() == DataSource.Kind.NONE && dataSource.logicalId() == null) {
            return Value.string(ApiReader.NONE);
        }
        return AppSyncWrites.dataSourceName(dataSource);
    }

    static List<Change> bind(Template template, GraphQlApi api, String typeName, String fieldName, DataSource dataSource,
                             @Nullable NewCode code) {
        Resource resource = template.resource(api.id()).orElseThrow();
        String function = functionKey(api, typeName, fieldName);
        List<Change> changes = new ArrayList<>(putFunction(template, resource, function,
                function(template, dataSource, typeName, fieldName, code)));
        List<Entry> resolver = new ArrayList<>();
        String key = fieldName.matches("[A-Za-z0-9]+") ? fieldName : Names.freeKey(Names.idPart(fieldName) + "Field",
                api.resolvers().stream().filter(r -> r.typeName().equals(typeName)).map(Resolver::id).toList());
        if (!key.equals(fieldName)) { // SAM makes a logical id of the key: only letters and digits
            resolver.add(Value.entry("FieldName", Value.string(fieldName)));
        }
        resolver.add(Value.entry("Pipeline", Value.sequence(List.of(Value.string(function)))));
        changes.addAll(Changes.put(template, resource.propertyPath(List.of("Resolvers", typeName, key)),
                Value.mapping(resolver)));
        return changes;
    }

    /** A new SAM function: its runtime, data source and code. */
    private static Mapping function(Template template, DataSource dataSource, String typeName, String fieldName,
                                    @Nullable NewCode code) {
        NewCode written = code != null ? code : new NewCode(false, StarterCode.javascript(dataSource.kind(), typeName,
                fieldName, StarterCode.tableKey(template, dataSource)));
        return function(template, dataSource, written);
    }

    static Mapping function(Template template, DataSource dataSource, NewCode code) {
        return Value.mapping(List.of(
                Value.entry("Runtime", Value.mapping(List.of(Value.entry("Name", Value.string("APPSYNC_JS")),
                        Value.entry("Version", Value.string(AppSyncWrites.JS_VERSION))))),
                Value.entry("DataSource", dataSourceRef(dataSource)),
                Value.entry(code.file() ? "CodeUri" : "InlineCode",
                        code.file() ? Value.string(code.text()) : Changes.text(template, code.text()))));
    }

    /** Adds {@code Functions.<key>}; a new Functions section goes before Resolvers, where SAM's examples have it. */
    static List<Change> putFunction(Template template, Resource api, String key, Mapping function) {
        DocPath functions = api.propertyPath(List.of("Functions"));
        if (template.at(functions).isEmpty() && api.property("Resolvers").isPresent()) {
            return List.of(new Change.PutBefore(api.propertiesPath(), "Resolvers", "Functions",
                    Value.mapping(List.of(Value.entry(key, function)))));
        }
        return Changes.put(template, functions.child(key), function);
    }

    /** {@code getOrderFunction}, else {@code QueryGetOrderFunction}, else numbered: a key no function has. */
    private static String functionKey(GraphQlApi api, String typeName, String fieldName) {
        List<String> taken = api.functions().stream().map(PipelineFunction::id).toList();
        String plain = fieldName.replaceAll("[^A-Za-z0-9]", "") + "Function";
        if (!taken.contains(plain) && Character.isLetter(plain.charAt(0))) {
            return plain;
        }
        return Names.freeKey(Names.idPart(typeName) + Names.idPart(fieldName) + "Function", taken);
    }

    /**
     * Points a SAM resolver of one function at another data source: the function itself where no other resolver
     * uses it, else a new function for this field alone (with the same code unless {@code code} is given).
     */
    static List<Change> rebind(Template template, GraphQlApi api, Resolver resolver, DataSource dataSource,
                               @Nullable NewCode code) {
        PipelineFunction function = resolver.pipeline().size() == 1 ? api.function(resolver.pipeline().getFirst()).orElse(null)
                : null;
        if (function == null) {
            throw Refuse.at(template, resolver.line(), resolver.coordinate() + " is a pipeline of "
                    + (resolver.pipeline().isEmpty() ? "no functions" : resolver.pipeline().size() + " functions ("
                    + String.join(", ", resolver.pipeline()) + ")"),
                    "change the data sources of its functions, or unbind it and bind it again");
        }
        Mapping definition = template.at(function.path()).filter(Mapping.class::isInstance).map(Mapping.class::cast)
                .orElse(null);
        if (function.isResource() || definition == null || definition.get("Id").isPresent()) {
            throw Refuse.at(template, function.line(), "the function of " + resolver.coordinate() + " is the resource "
                    + function.id(), "change the DataSourceName of " + function.id());
        }
        long users = api.resolvers().stream().filter(r -> r.pipeline().contains(function.name())).count();
        if (users > 1) {
            NewCode kept = code != null ? code : switch (function.code()) {
                case Code.Inline inline -> new NewCode(false, inline.text());
                case Code.File file -> new NewCode(true, file.path());
                default -> null;
            };
            Resource resource = template.resource(api.id()).orElseThrow();
            String key = functionKey(api, resolver.typeName(), resolver.fieldName());
            List<Change> changes = new ArrayList<>(putFunction(template, resource, key,
                    function(template, dataSource, resolver.typeName(), resolver.fieldName(), kept)));
            changes.add(new Change.Replace(resolver.path().child("Pipeline").child(0), Value.string(key)));
            return changes;
        }
        List<Change> changes = new ArrayList<>();
        if (!dataSource.name().equals(function.dataSource())) {
            changes.addAll(Changes.put(template, function.path().child("DataSource"), dataSourceRef(dataSource)));
        }
        if (code != null) {
            changes.addAll(AppSyncWrites.swap(template, function.path(), definition, "InlineCode", "CodeUri", code));
        }
        return changes;
    }
}
