package dev.stackdraft.appsync;

import dev.stackdraft.appsync.GraphQlApi.Form;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Scalar;
import dev.stackdraft.template.Value.ScalarStyle;
import dev.stackdraft.template.Value.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reads one API of either form, with the {@code AWS::AppSync::*} resources whose {@code ApiId} names it. */
final class ApiReader {

    static final String SCHEMA = "AWS::AppSync::GraphQLSchema";
    static final String DATA_SOURCE = "AWS::AppSync::DataSource";
    static final String RESOLVER = "AWS::AppSync::Resolver";
    static final String FUNCTION = "AWS::AppSync::FunctionConfiguration";
    static final String NONE = "NONE";

    private final Template template;

    ApiReader(Template template) {
        this.template = template;
    }

    GraphQlApi appSync(Resource api) {
        String id = api.id().value();
        SchemaSource schema = new SchemaSource.Missing();
        String schemaId = null;
        for (Resource r : members(id, SCHEMA)) {
            Optional<Value> definition = r.property("Definition");
            Optional<Value> location = r.property("DefinitionS3Location");
            if (definition.isPresent()) {
                schema = inline(definition.get(), r.propertyPath(List.of("Definition")));
            } else if (location.isPresent()) {
                schema = fileOrRemote(location.get());
            }
            schemaId = r.id().value();
        }
        List<DataSource> dataSources = new ArrayList<>(members(id, DATA_SOURCE).stream().map(this::dataSource).toList());
        List<PipelineFunction> functions = new ArrayList<>(members(id, FUNCTION).stream()
                .map(f -> function(f, dataSources)).toList());
        List<Resolver> resolvers = members(id, RESOLVER).stream().map(r -> resolver(r, dataSources, functions)).toList();
        return new GraphQlApi(id, Form.APPSYNC, template.file(), schema, schemaId, dataSources, resolvers, functions,
                api.line());
    }

    GraphQlApi serverless(Resource api) {
        String id = api.id().value();
        Optional<Mapping> properties = api.properties();
        SchemaSource schema = new SchemaSource.Missing();
        if (api.property("SchemaInline").isPresent()) {
            schema = inline(api.property("SchemaInline").get(), api.propertyPath(List.of("SchemaInline")));
        } else if (api.property("SchemaUri").isPresent()) {
            schema = fileOrRemote(api.property("SchemaUri").get());
        }
        List<DataSource> dataSources = new ArrayList<>();
        Values.mapping(Values.mapping(properties, "DataSources"), "DynamoDb").ifPresent(m -> m.entries().forEach(e ->
                dataSources.add(new DataSource(e.name(), null, DataSource.Kind.DYNAMODB, samTableTarget(e.value())))));
        Values.mapping(Values.mapping(properties, "DataSources"), "Lambda").ifPresent(m -> m.entries().forEach(e ->
                dataSources.add(new DataSource(e.name(), null, DataSource.Kind.LAMBDA,
                        e.value() instanceof Mapping ds ? defined(ds.get("FunctionArn").orElse(null)) : null))));
        members(id, DATA_SOURCE).forEach(r -> dataSources.add(dataSource(r)));

        List<PipelineFunction> functions = new ArrayList<>();
        DocPath functionsPath = api.propertyPath(List.of("Functions"));
        Values.mapping(properties, "Functions").ifPresent(m -> {
            for (Entry e : m.entries()) {
                functions.add(samFunction(e, functionsPath.child(e.name()), dataSources));
            }
        });
        if (functions.stream().anyMatch(f -> NONE.equals(f.dataSource()))) {
            dataSources.add(new DataSource(NONE, null, DataSource.Kind.NONE, null));
        }
        List<String> byId = functions.stream().map(PipelineFunction::id).toList();
        members(id, FUNCTION).stream().filter(f -> !byId.contains(f.id().value()))
                .forEach(f -> functions.add(function(f, dataSources)));

        List<Resolver> resolvers = new ArrayList<>();
        DocPath resolversPath = api.propertyPath(List.of("Resolvers"));
        Values.mapping(properties, "Resolvers").ifPresent(types -> {
            for (Entry type : types.entries()) {
                if (type.value() instanceof Mapping fields) {
                    for (Entry field : fields.entries()) {
                        resolvers.add(samResolver(type.name(), field, resolversPath.child(type.name()).child(field.name())));
                    }
                }
            }
        });
        members(id, RESOLVER).forEach(r -> resolvers.add(resolver(r, dataSources, functions)));
        return new GraphQlApi(id, Form.SERVERLESS, template.file(), schema, null, dataSources, resolvers, functions,
                api.line());
    }

    /** The resources of {@code type} whose {@code ApiId} refers to {@code apiId}. */
    List<Resource> members(String apiId, String type) {
        return template.resources().stream().filter(r -> r.type().value().equals(type))
                .filter(r -> Values.refersTo(r.property("ApiId").orElse(null), apiId)).toList();
    }

    // ---- AWS::AppSync::* resources -----------------------------------------------------------------------------

    private DataSource dataSource(Resource r) {
        String name = nameOf(r);
        String type = r.property("Type").map(Values::text).orElse("");
        return switch (type) {
            case "AMAZON_DYNAMODB" -> new DataSource(name, r.id().value(), DataSource.Kind.DYNAMODB,
                    defined(config(r, "DynamoDBConfig", "TableName")));
            case "AWS_LAMBDA" -> new DataSource(name, r.id().value(), DataSource.Kind.LAMBDA,
                    defined(config(r, "LambdaConfig", "LambdaFunctionArn")));
            case "HTTP" -> new DataSource(name, r.id().value(), DataSource.Kind.HTTP,
                    Values.text(config(r, "HttpConfig", "Endpoint")));
            case NONE -> new DataSource(name, r.id().value(), DataSource.Kind.NONE, null);
            default -> new DataSource(name, r.id().value(), DataSource.Kind.OTHER, null);
        };
    }

    private static @Nullable Value config(Resource r, String config, String key) {
        return r.properties().flatMap(p -> p.mapping(config)).flatMap(c -> c.get(key)).orElse(null);
    }

    private PipelineFunction function(Resource r, List<DataSource> dataSources) {
        Mapping properties = r.properties().orElse(Value.mapping(List.of()));
        CodeRuntime runtime = runtime(properties);
        return new PipelineFunction(nameOf(r), dataSourceName(properties.get("DataSourceName").orElse(null), dataSources),
                runtime, resourceCode(properties, runtime), r.id().value(), r.path(), r.line());
    }

    private Resolver resolver(Resource r, List<DataSource> dataSources, List<PipelineFunction> functions) {
        Mapping properties = r.properties().orElse(Value.mapping(List.of()));
        boolean pipeline = "PIPELINE".equals(properties.get("Kind").map(Values::text).orElse(null));
        List<String> names = new ArrayList<>();
        properties.mapping("PipelineConfig").flatMap(c -> c.get("Functions")).ifPresent(list -> {
            if (list instanceof Sequence seq) {
                for (Value item : seq.items()) {
                    String fn = Values.named(item, "FunctionId");
                    names.add(fn == null ? String.valueOf(Values.text(item))
                            : functions.stream().filter(f -> f.id().equals(fn)).map(PipelineFunction::name).findFirst().orElse(fn));
                }
            }
        });
        CodeRuntime runtime = runtime(properties);
        return new Resolver(properties.get("TypeName").map(Values::text).orElse(""),
                properties.get("FieldName").map(Values::text).orElse(""),
                pipeline ? Resolver.Kind.PIPELINE : Resolver.Kind.UNIT,
                pipeline ? null : dataSourceName(properties.get("DataSourceName").orElse(null), dataSources),
                names, runtime, resourceCode(properties, runtime), r.id().value(), r.path(), r.line());
    }

    private static CodeRuntime runtime(Mapping properties) {
        return properties.mapping("Runtime").flatMap(m -> m.get("Name")).map(Values::text)
                .filter(n -> n.equals("APPSYNC_JS")).isPresent() ? CodeRuntime.APPSYNC_JS : CodeRuntime.VTL;
    }

    private Code resourceCode(Mapping properties, CodeRuntime runtime) {
        if (runtime == CodeRuntime.APPSYNC_JS) {
            return code(properties, "Code", "CodeS3Location");
        }
        Code request = code(properties, "RequestMappingTemplate", "RequestMappingTemplateS3Location");
        Code response = code(properties, "ResponseMappingTemplate", "ResponseMappingTemplateS3Location");
        if (request instanceof Code.None && response instanceof Code.None) {
            return request;
        }
        return new Code.Vtl(request instanceof Code.None ? null : request, response instanceof Code.None ? null : response);
    }

    private Code code(Mapping properties, String inlineKey, String fileKey) {
        Optional<Value> inline = properties.get(inlineKey);
        if (inline.isPresent()) {
            String text = Values.text(inline.get());
            return text != null ? new Code.Inline(text) : new Code.Remote(describe(inline.get()));
        }
        return properties.get(fileKey).map(this::codeFile).orElse(new Code.None());
    }

    private Code codeFile(Value value) {
        String text = Values.text(value);
        return text != null && isLocalPath(text) && value instanceof Scalar ? new Code.File(text)
                : new Code.Remote(text != null ? text : describe(value));
    }

    /** A data source's name from {@code !GetAtt DS.Name} (the DS's own name) or as written. */
    private static @Nullable String dataSourceName(@Nullable Value value, List<DataSource> dataSources) {
        String id = Values.named(value, "Name");
        if (id != null) {
            return dataSources.stream().filter(d -> id.equals(d.logicalId())).map(DataSource::name).findFirst().orElse(id);
        }
        String text = Values.text(value);
        return text != null && text.equalsIgnoreCase(NONE) ? NONE : text;
    }

    private static String nameOf(Resource r) {
        return r.property("Name").filter(Scalar.class::isInstance).map(Values::text).orElse(r.id().value());
    }

    // ---- AWS::Serverless::GraphQLApi -----------------------------------------------------------------------------

    private @Nullable String samTableTarget(Value dataSource) {
        if (!(dataSource instanceof Mapping ds)) {
            return null;
        }
        String byArn = Values.named(ds.get("TableArn").orElse(null), "Arn");
        if (byArn != null && template.resource(byArn).isPresent()) {
            return byArn;
        }
        return defined(ds.get("TableName").orElse(null));
    }

    private PipelineFunction samFunction(Entry entry, DocPath path, List<DataSource> dataSources) {
        int line = entry.key().span().line();
        if (!(entry.value() instanceof Mapping fn)) {
            return new PipelineFunction(entry.name(), null, CodeRuntime.APPSYNC_JS, new Code.None(), entry.name(), path, line);
        }
        String byId = Values.named(fn.get("Id").orElse(null), "FunctionId");
        Optional<Resource> resource = byId == null ? Optional.empty() : template.resource(byId);
        if (resource.isPresent()) { // SAM's Id: a function configuration written as a resource
            PipelineFunction defined = function(resource.get(), dataSources);
            return new PipelineFunction(entry.name(), defined.dataSource(), defined.runtime(), defined.code(), entry.name(),
                    path, line);
        }
        String name = dataSourceName(fn.get("DataSource").orElse(null), dataSources);
        return new PipelineFunction(entry.name(), name, CodeRuntime.APPSYNC_JS, samCode(fn), entry.name(), path, line);
    }

    private Resolver samResolver(String typeName, Entry entry, DocPath path) {
        int line = entry.key().span().line();
        Mapping resolver = entry.value() instanceof Mapping m ? m : Value.mapping(List.of());
        List<String> pipeline = new ArrayList<>();
        resolver.get("Pipeline").ifPresent(list -> {
            if (list instanceof Sequence seq) {
                seq.items().forEach(item -> pipeline.add(String.valueOf(Values.text(item))));
            }
        });
        String fieldName = resolver.get("FieldName").map(Values::text).orElse(entry.name());
        return new Resolver(typeName, fieldName, Resolver.Kind.PIPELINE, null, pipeline, CodeRuntime.APPSYNC_JS,
                samCode(resolver), entry.name(), path, line);
    }

    private Code samCode(Mapping properties) {
        return code(properties, "InlineCode", "CodeUri");
    }

    // ---- schema and file places ----------------------------------------------------------------------------------

    private SchemaSource inline(Value value, DocPath path) {
        String text = Values.text(value);
        if (text == null) {
            return new SchemaSource.Remote(describe(value));
        }
        Scalar scalar = value instanceof Scalar s ? s : scalarInside(value);
        int line = scalar == null ? value.span().line() : scalar.span().line();
        int column = scalar == null ? value.span().column() : scalar.span().column();
        boolean block = scalar != null && (scalar.style() == ScalarStyle.LITERAL || scalar.style() == ScalarStyle.FOLDED)
                && scalar.span().isKnown();
        if (block) {
            String source = template.source().text();
            int next = source.indexOf('\n', scalar.span().start());
            line = scalar.span().line() + 1;
            column = 1 + indentation(source, next + 1);
        } else if (scalar != null && scalar.style() != ScalarStyle.PLAIN) {
            column++; // past the opening quote
        }
        return new SchemaSource.Inline(text, path, Math.max(1, line), Math.max(1, column), block);
    }

    private static @Nullable Scalar scalarInside(Value value) {
        if (value instanceof Value.Intrinsic fn) {
            if (fn.argument() instanceof Scalar s) {
                return s;
            }
            if (fn.argument() instanceof Sequence seq && !seq.items().isEmpty() && seq.items().getFirst() instanceof Scalar s) {
                return s;
            }
        }
        return null;
    }

    /** The spaces before the first non-blank line from {@code offset} on. */
    private static int indentation(String text, int offset) {
        int lineStart = offset;
        while (lineStart < text.length()) {
            int i = lineStart;
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            if (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                return i - lineStart;
            }
            int nl = text.indexOf('\n', i);
            if (nl < 0) {
                break;
            }
            lineStart = nl + 1;
        }
        return 0;
    }

    private SchemaSource fileOrRemote(Value value) {
        String text = Values.text(value);
        return text != null && value instanceof Scalar && isLocalPath(text) ? new SchemaSource.File(text)
                : new SchemaSource.Remote(text != null ? text : describe(value));
    }

    static boolean isLocalPath(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return !text.isBlank() && !lower.startsWith("s3://") && !lower.startsWith("http://") && !lower.startsWith("https://");
    }

    /** The logical id a {@code Ref}/{@code GetAtt} names, else the value's text. */
    private static @Nullable String defined(@Nullable Value value) {
        return Values.target(value);
    }

    private static String describe(Value value) {
        return value instanceof Value.Intrinsic fn ? fn.fn().shortTag() + " ..." : String.valueOf(Values.text(value));
    }
}
