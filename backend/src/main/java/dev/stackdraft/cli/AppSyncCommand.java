package dev.stackdraft.cli;

import dev.stackdraft.appsync.BindResolver;
import dev.stackdraft.appsync.Code;
import dev.stackdraft.appsync.Field;
import dev.stackdraft.appsync.GraphQlApi;
import dev.stackdraft.appsync.GraphQlApis;
import dev.stackdraft.appsync.Resolver;
import dev.stackdraft.appsync.SchemaFields;
import dev.stackdraft.appsync.SchemaProblem;
import dev.stackdraft.appsync.SchemaSource;
import dev.stackdraft.appsync.UnbindResolver;
import dev.stackdraft.template.Finding;
import dev.stackdraft.template.JsonText;
import dev.stackdraft.template.SourceLocation;
import dev.stackdraft.template.Template;
import dev.stackdraft.template.TemplateException;
import dev.stackdraft.template.TemplateReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code appsync fields|bind|unbind FILE --api ID ...}: the fields of a GraphQL API's schema with their resolvers, and
 * binding a field to a data source or unbinding it, in the form the API is written in.
 */
final class AppSyncCommand implements Command {

    private static final String API = "--api";
    private static final String FIELD = "--field";
    private static final String DATA_SOURCE = "--data-source";
    private static final String CODE = "--code";
    private static final String FORMAT = "--format";

    @Override
    public String name() {
        return "appsync";
    }

    @Override
    public List<Form> forms() {
        return List.of(
                new Form("appsync fields FILE --api ID [--format text|json]",
                        "List every field of the API's Query, Mutation and Subscription types (and of types with a "
                                + "resolver) with its resolver and data source. A schema file (SchemaUri, "
                                + "DefinitionS3Location) is read relative to FILE's folder. Resolvers of fields the schema "
                                + "no longer has, and what AppSync would refuse in the schema, are warned about on stderr."),
                new Form("appsync bind FILE --api ID --field Type.field --data-source NAME [--code PATH] [--dry-run]",
                        "Bind a field to a data source: an AWS::AppSync::Resolver, or in a SAM GraphQLApi a resolver of "
                                + "one function; starter code for the data source's kind unless --code names the .js "
                                + "(or .vtl) file, relative to FILE's folder. A bound field keeps its code."),
                new Form("appsync unbind FILE --api ID --field Type.field [--dry-run]",
                        "Take a field's resolver away (in a SAM GraphQLApi with the functions only it used)."));
    }

    @Override
    public int run(List<String> args, Output output) {
        if (args.isEmpty()) {
            throw new UsageException("missing what to do: fields, bind or unbind");
        }
        String verb = args.getFirst();
        List<String> rest = args.subList(1, args.size());
        return switch (verb) {
            case "fields" -> fields(Arguments.parse(rest, Set.of(API, FORMAT), Set.of()).noMorePositionalsThan(1), output);
            case "bind" -> bind(Arguments.parse(rest, Set.of(API, FIELD, DATA_SOURCE, CODE), FileEdit.SWITCHES)
                    .noMorePositionalsThan(1), output);
            case "unbind" -> {
                Arguments arguments = Arguments.parse(rest, Set.of(API, FIELD), FileEdit.SWITCHES).noMorePositionalsThan(1);
                Path file = arguments.file();
                String[] field = field(arguments);
                yield FileEdit.apply(file, new UnbindResolver(arguments.required(API), field[0], field[1]),
                        arguments.has(FileEdit.DRY_RUN), output);
            }
            default -> throw new UsageException("unknown appsync command '" + verb + "': use fields, bind or unbind");
        };
    }

    private static int bind(Arguments arguments, Output output) {
        Path file = arguments.file();
        String[] field = field(arguments);
        String code = arguments.option(CODE).orElse(null);
        if (code != null && !BindResolver.isFilePath(code)) {
            throw new UsageException(CODE + " takes the path of a .js or .vtl file (or an S3 URI), not '" + code + "'");
        }
        if (code != null && !code.startsWith("s3://") && !Files.exists(folder(file).resolve(code))) {
            output.note("note: " + code + " is not beside " + file + " yet; sam build needs it there");
        }
        BindResolver command = new BindResolver(arguments.required(API), field[0], field[1], arguments.required(DATA_SOURCE),
                code);
        return FileEdit.apply(file, command, arguments.has(FileEdit.DRY_RUN), output);
    }

    private static String[] field(Arguments arguments) {
        String value = arguments.required(FIELD);
        int dot = value.indexOf('.');
        if (dot <= 0 || dot == value.length() - 1 || value.indexOf('.', dot + 1) >= 0) {
            throw new UsageException(FIELD + " takes Type.field, e.g. Query.getOrder, not '" + value + "'");
        }
        return new String[] {value.substring(0, dot), value.substring(dot + 1)};
    }

    private static int fields(Arguments arguments, Output output) {
        Path file = arguments.file();
        String format = arguments.choice(FORMAT, "text", "json");
        Template template = new TemplateReader().read(file);
        String id = arguments.required(API);
        List<GraphQlApi> apis = GraphQlApis.of(template);
        GraphQlApi api = apis.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow(() -> new TemplateException(
                new SourceLocation(template.file(), 1, 1), "there is no GraphQL API '" + id + "'", apis.isEmpty()
                ? "this template defines none" : "GraphQL APIs here: " + apis.stream().map(GraphQlApi::id)
                .collect(Collectors.joining(", "))));
        String sdl = schemaText(file, template, api);
        List<Field> fields = SchemaFields.of(api, sdl);
        List<Resolver> orphans = SchemaFields.orphans(api, sdl);
        List<SchemaProblem> problems = SchemaFields.problems(api, sdl);
        for (SchemaProblem problem : problems) {
            output.problem(Finding.warning("graphql-schema", schemaPlace(template, api, problem), problem.message()).toString());
        }
        for (Resolver orphan : orphans) {
            output.problem(Finding.warning("orphan-resolver", new SourceLocation(template.file(), orphan.line(), 1),
                    "the resolver " + orphan.id() + " is for " + orphan.coordinate() + ", which the schema does not have"
                            + " (unbind it)").toString());
        }
        if (format.equals("json")) {
            output.result(json(api, fields, orphans, problems));
        } else {
            output.result(text(fields));
            long resolved = fields.stream().filter(f -> f.resolver() != null).count();
            output.note(api.id() + ": " + fields.size() + " field" + (fields.size() == 1 ? "" : "s") + ", " + resolved
                    + " with a resolver");
        }
        return StackdraftCli.OK;
    }

    /** The SDL: the template's own, or the schema file beside FILE. */
    private static String schemaText(Path file, Template template, GraphQlApi api) {
        SourceLocation at = new SourceLocation(template.file(), api.line(), 1);
        return switch (api.schema()) {
            case SchemaSource.Inline inline -> inline.text();
            case SchemaSource.File schemaFile -> {
                Path path = folder(file).resolve(schemaFile.path()).normalize();
                if (!Files.isRegularFile(path)) {
                    throw new TemplateException(at, "the schema of " + api.id() + " is the file " + schemaFile.path()
                            + ", which is not at " + path, "put the schema there, or correct the path");
                }
                try {
                    yield Files.readString(path, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case SchemaSource.Remote remote -> throw new TemplateException(at, "the schema of " + api.id() + " is at "
                    + remote.location() + ", not in the repository", "nothing to list from here");
            case SchemaSource.Missing missing -> throw new TemplateException(at, api.id() + " names no schema",
                    "give it SchemaInline or SchemaUri (Definition or DefinitionS3Location on its GraphQLSchema)");
        };
    }

    private static Path folder(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    private static SourceLocation schemaPlace(Template template, GraphQlApi api, SchemaProblem problem) {
        return switch (api.schema()) {
            case SchemaSource.Inline inline when inline.block() -> new SourceLocation(template.file(),
                    inline.line() + problem.line() - 1, inline.column() + problem.column() - 1);
            case SchemaSource.File schemaFile -> new SourceLocation(schemaFile.path(), problem.line(), problem.column());
            default -> new SourceLocation(template.file(), api.line(), 1);
        };
    }

    private static String text(List<Field> fields) {
        int width = fields.stream().mapToInt(f -> f.coordinate().length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (Field field : fields) {
            text.append(field.coordinate()).append(" ".repeat(width - field.coordinate().length())).append("  ");
            Resolver resolver = field.resolver();
            if (resolver == null) {
                text.append("none\n");
                continue;
            }
            text.append(field.dataSources().isEmpty() ? "?" : String.join(" > ", field.dataSources()))
                    .append("  (").append(resolver.kind().name().toLowerCase(Locale.ROOT))
                    .append(resolver.kind() == Resolver.Kind.PIPELINE ? " " + String.join(", ", resolver.pipeline()) : "")
                    .append(", ").append(resolver.runtime()).append(", ").append(code(resolver.code()))
                    .append(", ").append(resolver.id()).append(" at line ").append(resolver.line()).append(")\n");
        }
        return text.toString();
    }

    private static String code(Code code) {
        return switch (code) {
            case Code.Inline inline -> "inline code";
            case Code.File file -> file.path();
            case Code.Remote remote -> remote.location();
            case Code.Vtl vtl -> "VTL " + (vtl.request() == null ? "-" : code(vtl.request())) + " / "
                    + (vtl.response() == null ? "-" : code(vtl.response()));
            case Code.None none -> "no code";
        };
    }

    private static String json(GraphQlApi api, List<Field> fields, List<Resolver> orphans, List<SchemaProblem> problems) {
        StringBuilder json = new StringBuilder("{\"api\":").append(JsonText.quote(api.id()))
                .append(",\"form\":").append(JsonText.quote(api.form().name()))
                .append(",\"schema\":").append(schemaJson(api.schema())).append(",\"fields\":[");
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            json.append(i == 0 ? "" : ",").append("{\"type\":").append(JsonText.quote(f.typeName()))
                    .append(",\"field\":").append(JsonText.quote(f.name()))
                    .append(",\"returns\":").append(JsonText.quote(f.type()))
                    .append(",\"arguments\":").append(strings(f.arguments()))
                    .append(",\"line\":").append(f.line())
                    .append(",\"resolver\":").append(f.resolver() == null ? "null" : resolverJson(f.resolver()))
                    .append(",\"dataSources\":").append(strings(f.dataSources())).append('}');
        }
        json.append("],\"orphans\":[");
        for (int i = 0; i < orphans.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"field\":").append(JsonText.quote(orphans.get(i).coordinate()))
                    .append(",\"resolver\":").append(resolverJson(orphans.get(i))).append('}');
        }
        json.append("],\"problems\":[");
        for (int i = 0; i < problems.size(); i++) {
            SchemaProblem p = problems.get(i);
            json.append(i == 0 ? "" : ",").append("{\"line\":").append(p.line()).append(",\"column\":").append(p.column())
                    .append(",\"message\":").append(JsonText.quote(p.message())).append('}');
        }
        return json.append("]}").toString();
    }

    private static String schemaJson(SchemaSource schema) {
        return switch (schema) {
            case SchemaSource.Inline inline -> "{\"source\":\"inline\",\"line\":" + inline.line() + "}";
            case SchemaSource.File file -> "{\"source\":\"file\",\"path\":" + JsonText.quote(file.path()) + "}";
            case SchemaSource.Remote remote -> "{\"source\":\"remote\",\"location\":" + JsonText.quote(remote.location()) + "}";
            case SchemaSource.Missing missing -> "{\"source\":\"none\"}";
        };
    }

    private static String resolverJson(Resolver r) {
        return "{\"id\":" + JsonText.quote(r.id()) + ",\"kind\":" + JsonText.quote(r.kind().name())
                + ",\"dataSource\":" + (r.dataSource() == null ? "null" : JsonText.quote(r.dataSource()))
                + ",\"pipeline\":" + strings(r.pipeline()) + ",\"runtime\":" + JsonText.quote(r.runtime().name())
                + ",\"code\":" + JsonText.quote(code(r.code())) + ",\"line\":" + r.line() + "}";
    }

    private static String strings(List<String> values) {
        return values.stream().map(JsonText::quote).collect(Collectors.joining(",", "[", "]"));
    }
}
