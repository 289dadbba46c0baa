package dev.stackdraft.appsync;

import dev.stackdraft.appsync.GraphQlApi.Form;
import dev.stackdraft.edit.EditCommand;
import dev.stackdraft.template.Change;
import dev.stackdraft.template.DocPath;
import dev.stackdraft.template.Resource;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.Value;
import dev.stackdraft.template.Value.Entry;
import dev.stackdraft.template.Value.Mapping;
import dev.stackdraft.template.Value.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes a field's resolver a PIPELINE resolver that runs exactly {@code functions}, in that order: adding, removing and
 * reordering functions are all this one command. The list in the template changes by the fewest item moves (the
 * functions both orders keep in the same sequence stay, the others are taken out and put in again where they belong),
 * so that a diff shows the move and reordering back gives the file back byte for byte.
 *
 * <p>SAM form: {@code Resolvers.<Type>.<field>.Pipeline}, a new entry where the field has none. APPSYNC form (and any
 * {@code AWS::AppSync::Resolver}): {@code Kind: PIPELINE} with {@code PipelineConfig.Functions} of
 * {@code !GetAtt Fn.FunctionId}; a field with no resolver gets a new one whose before and after code
 * ({@link #PASS_THROUGH}) hands the arguments to the first function and returns the last one's result.
 *
 * <p>A UNIT resolver turned into a pipeline loses its {@code DataSourceName} and its code, which gives way to the
 * pass-through: a unit resolver's code builds a request for its data source and returns {@code ctx.result}, which a
 * pipeline's before and after steps do not have (their result is {@code ctx.prev.result}), so it is never the right
 * before/after code. To keep that code, make it a pipeline function first ({@link NewPipelineFunction}) and list it.
 *
 * @param functions the pipeline functions' names ({@link PipelineFunction#name()}), in the order they run; not empty
 */
public record SetPipeline(String api, String typeName, String fieldName, List<String> functions) implements EditCommand {

    /** A pipeline resolver's before and after steps that change nothing. */
    static final String PASS_THROUGH = """
            export function request(ctx) {
              return {};
            }

            export function response(ctx) {
              return ctx.prev.result;
            }
            """;

    public SetPipeline {
        functions = List.copyOf(functions);
    }

    @Override
    public List<Change> changes(Template template) {
        GraphQlApi target = GraphQlApis.require(template, api);
        Names.checkGraphQlName(template, "type", typeName);
        Names.checkGraphQlName(template, "field", fieldName);
        if (functions.isEmpty()) {
            throw Refuse.at(template, target.line(), "a pipeline resolver needs at least one function",
                    "to take the resolver of " + typeName + "." + fieldName + " away, unbind it instead");
        }
        List<PipelineFunction> chosen = new ArrayList<>();
        for (String name : functions) {
            chosen.add(target.function(name).orElseThrow(() -> Refuse.at(template, target.line(),
                    api + " has no pipeline function '" + name + "'", target.functions().isEmpty()
                            ? "it has none yet: add one first" : "its functions: " + String.join(", ",
                            target.functions().stream().map(PipelineFunction::name).toList()))));
        }
        Optional<Resolver> existing = target.resolver(typeName, fieldName);
        boolean resource = existing.map(Resolver::isResource).orElse(target.form() == Form.APPSYNC);
        for (PipelineFunction function : chosen) {
            requireReachable(template, function, resource);
        }
        if (!resource) {
            return existing.isPresent() ? samPipeline(template, existing.get())
                    : newSamResolver(template, target);
        }
        return existing.isPresent() ? resourcePipeline(template, existing.get(), chosen)
                : newResource(template, target, chosen);
    }

    /**
     * A SAM {@code Pipeline} lists keys of the API's {@code Functions}; a resolver resource names a function resource by
     * {@code !GetAtt}. A function of the other kind has no name the resolver can use.
     */
    private static void requireReachable(Template template, PipelineFunction function, boolean resourceResolver) {
        if (resourceResolver && !function.isResource()) {
            throw Refuse.at(template, function.line(), "the function " + function.name() + " is a key of the SAM API's "
                    + "Functions, which an AWS::AppSync::Resolver cannot name", "use a function that is an "
                    + ApiReader.FUNCTION + " resource, or move the resolver under the API's Resolvers");
        }
        if (!resourceResolver && function.isResource()) {
            throw Refuse.at(template, function.line(), "the function " + function.name() + " is the resource "
                    + function.id() + ", which a SAM Pipeline cannot name", "list it under the API's Functions with "
                    + "Id: !GetAtt " + function.id() + ".FunctionId, and name that key");
        }
    }

    // ---- SAM: Resolvers.<Type>.<field>.Pipeline -------------------------------------------------------------------

    private List<Change> samPipeline(Template template, Resolver resolver) {
        DocPath pipeline = resolver.path().child("Pipeline");
        if (template.at(pipeline).isEmpty()) {
            return Changes.put(template, pipeline, Value.sequence(functions.stream().map(Value::string).toList()));
        }
        return reorder(template, pipeline, resolver.pipeline(), functions.stream().<Value>map(Value::string).toList());
    }

    private List<Change> newSamResolver(Template template, GraphQlApi target) {
        Resource resource = template.resource(target.id()).orElseThrow();
        List<Entry> resolver = new ArrayList<>();
        // SAM makes a logical id of the key: letters and digits only, else FieldName names the field
        String key = fieldName.matches("[A-Za-z0-9]+") ? fieldName : Names.freeKey(Names.idPart(fieldName) + "Field",
                target.resolvers().stream().filter(r -> r.typeName().equals(typeName)).map(Resolver::id).toList());
        if (!key.equals(fieldName)) {
            resolver.add(Value.entry("FieldName", Value.string(fieldName)));
        }
        resolver.add(Value.entry("Pipeline", Value.sequence(functions.stream().map(Value::string).toList())));
        return Changes.put(template, resource.propertyPath(List.of("Resolvers", typeName, key)), Value.mapping(resolver));
    }

    // ---- AWS::AppSync::Resolver: Kind PIPELINE, PipelineConfig.Functions --------------------------------------------

    private List<Change> resourcePipeline(Template template, Resolver resolver, List<PipelineFunction> chosen) {
        Resource resource = template.resource(resolver.id()).orElseThrow();
        Mapping properties = resource.properties().orElseThrow(() -> Refuse.at(template, resolver.line(),
                resolver.id() + " has no Properties", "edit it by hand"));
        DocPath path = resource.propertiesPath();
        List<Value> wanted = chosen.stream().map(f -> AppSyncWrites.getAtt(f.id(), "FunctionId")).toList();
        DocPath list = path.child("PipelineConfig").child("Functions");
        if (resolver.kind() == Resolver.Kind.PIPELINE) {
            if (template.at(list).orElse(null) instanceof Sequence) {
                return reorder(template, list, resolver.pipeline(), wanted);
            }
            return Changes.put(template, list, Value.sequence(wanted));
        }
        List<Change> changes = new ArrayList<>();
        for (String key : List.of("DataSourceName", "RequestMappingTemplate", "RequestMappingTemplateS3Location",
                "ResponseMappingTemplate", "ResponseMappingTemplateS3Location", "CodeS3Location")) {
            if (properties.get(key).isPresent()) {
                changes.add(new Change.RemoveKey(path, key));
            }
        }
        Value kind = Value.string("PIPELINE");
        changes.add(properties.get("Kind").isPresent() ? new Change.Replace(path.child("Kind"), kind)
                : new Change.Put(path, "Kind", kind));
        if (resolver.runtime() != CodeRuntime.APPSYNC_JS) {
            changes.add(properties.get("Runtime").isPresent() ? new Change.Replace(path.child("Runtime"), jsRuntime())
                    : new Change.Put(path, "Runtime", jsRuntime()));
        }
        Value code = Changes.text(template, PASS_THROUGH);
        changes.add(properties.get("Code").isPresent() ? new Change.Replace(path.child("Code"), code)
                : new Change.Put(path, "Code", code));
        Value config = Value.mapping(List.of(Value.entry("Functions", Value.sequence(wanted))));
        changes.add(properties.get("PipelineConfig").isPresent() ? new Change.Replace(path.child("PipelineConfig"), config)
                : new Change.Put(path, "PipelineConfig", config));
        return changes;
    }

    private List<Change> newResource(Template template, GraphQlApi target, List<PipelineFunction> chosen) {
        String id = Names.freeLogicalId(template, Names.idPart(typeName) + Names.idPart(fieldName) + "Resolver", List.of());
        List<Entry> properties = new ArrayList<>();
        properties.add(Value.entry("ApiId", AppSyncWrites.getAtt(target.id(), "ApiId")));
        properties.add(Value.entry("TypeName", Value.string(typeName)));
        properties.add(Value.entry("FieldName", Value.string(fieldName)));
        properties.add(Value.entry("Kind", Value.string("PIPELINE")));
        properties.add(Value.entry("PipelineConfig", Value.mapping(List.of(Value.entry("Functions",
                Value.sequence(chosen.stream().map(f -> AppSyncWrites.getAtt(f.id(), "FunctionId")).toList()))))));
        properties.add(Value.entry("Runtime", jsRuntime()));
        properties.add(Value.entry("Code", Changes.text(template, PASS_THROUGH)));
        List<Entry> definition = new ArrayList<>();
        definition.add(Value.entry("Type", Value.string(ApiReader.RESOLVER)));
        if (target.schemaId() != null) { // AppSync refuses a resolver for a field its schema does not have yet
            definition.add(Value.entry("DependsOn", Value.string(target.schemaId())));
        }
        definition.add(Value.entry("Properties", Value.mapping(properties)));
        return Changes.put(template, DocPath.of("Resources", id), Value.mapping(definition));
    }

    private static Value jsRuntime() {
        return Value.mapping(List.of(Value.entry("Name", Value.string("APPSYNC_JS")),
                Value.entry("RuntimeVersion", Value.string(AppSyncWrites.JS_VERSION))));
    }

    // ---- the fewest moves ---------------------------------------------------------------------------------------

    /**
     * Turns the list at {@code path}, whose items name {@code old} (as the reader resolved them), into {@code functions}:
     * the longest run both keep in order stays where it is; every other old item is removed, and every other wanted
     * name is inserted before the next kept item (the old item's own text where it was there before, so a move keeps
     * how it was written). All indices are places in the list as it is now.
     */
    private List<Change> reorder(Template template, DocPath path, List<String> old, List<Value> wantedValues) {
        if (old.equals(functions)) {
            return List.of();
        }
        Sequence list = (Sequence) template.at(path).orElseThrow();
        int[][] common = new int[old.size() + 1][functions.size() + 1];
        for (int i = old.size() - 1; i >= 0; i--) {
            for (int j = functions.size() - 1; j >= 0; j--) {
                common[i][j] = old.get(i).equals(functions.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        boolean[] keptOld = new boolean[old.size()];
        boolean[] keptWanted = new boolean[functions.size()];
        for (int i = 0, j = 0; i < old.size() && j < functions.size(); ) {
            if (old.get(i).equals(functions.get(j))) {
                keptOld[i++] = true;
                keptWanted[j++] = true;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        List<Change> changes = new ArrayList<>();
        List<Integer> takenFrom = new ArrayList<>();
        for (int i = 0; i < old.size(); i++) {
            if (!keptOld[i]) {
                changes.add(new Change.RemoveItem(path, i));
            }
        }
        int nextKept = 0; // the old index the next wanted name goes before
        for (int j = 0; j < functions.size(); j++) {
            if (keptWanted[j]) {
                nextKept = indexOfKept(old, keptOld, functions.get(j), nextKept) + 1;
                continue;
            }
            int before = nextKept;
            while (before < old.size() && !keptOld[before]) {
                before++;
            }
            changes.add(new Change.Insert(path, before, movedText(list, old, keptOld, takenFrom, functions.get(j))
                    .orElse(wantedValues.get(j))));
        }
        return changes;
    }

    /** The index of the kept old item {@code name} at or after {@code from}. */
    private static int indexOfKept(List<String> old, boolean[] keptOld, String name, int from) {
        for (int i = from; i < old.size(); i++) {
            if (keptOld[i] && old.get(i).equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException(name + " is not kept after " + from);
    }

    /** The text of an old item {@code name} that goes from its place (each used once), where there is one. */
    private static Optional<Value> movedText(Sequence list, List<String> old, boolean[] keptOld, List<Integer> takenFrom,
                                             String name) {
        for (int i = 0; i < old.size(); i++) {
            if (!keptOld[i] && !takenFrom.contains(i) && old.get(i).equals(name)) {
                takenFrom.add(i);
                return Optional.of(list.items().get(i));
            }
        }
        return Optional.empty();
    }

    @Override
    public String describe() {
        return "Set the pipeline of " + typeName + "." + fieldName + " of " + api + " to " + String.join(", ", functions);
    }
}
