package dev.stackdraft.appsync;

import graphql.GraphQLError;
import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.OperationTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fields of an API's schema with the resolver of each, read from its SDL with graphql-java. AppSync's own scalars
 * ({@code AWSDateTime} ...) and directives ({@code @aws_api_key} ...) need no declaration in an AppSync schema, so they
 * are declared here, where the schema does not declare them itself, before it is checked.
 */
public final class SchemaFields {

    private static final List<String> APPSYNC_SCALARS = List.of("AWSDate", "AWSTime", "AWSDateTime", "AWSTimestamp",
            "AWSEmail", "AWSJSON", "AWSURL", "AWSPhone", "AWSIPAddress");
    private static final String ANYWHERE = "SCHEMA | SCALAR | OBJECT | FIELD_DEFINITION | ARGUMENT_DEFINITION | INTERFACE"
            + " | UNION | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION";
    /** AppSync's directives: authorization, subscriptions, and those of merged APIs. */
    private static final Map<String, String> APPSYNC_DIRECTIVES = Map.of(
            "aws_api_key", "", "aws_iam", "", "aws_oidc", "", "aws_lambda", "",
            "aws_cognito_user_pools", "(cognito_groups: [String])", "aws_auth", "(cognito_groups: [String])",
            "aws_subscribe", "(mutations: [String])", "canonical", "", "hidden", "", "renamed", "(to: String)");
    private static final List<String> ROOTS = List.of("query", "mutation", "subscription");

    private SchemaFields() {}

    /**
     * Every field of the query, mutation and subscription types (the schema's own, else {@code Query},
     * {@code Mutation}, {@code Subscription}) and of each other type a resolver is attached to, in SDL order
     * (extensions after their type), each with its resolver or none.
     *
     * @throws SchemaException when the SDL does not parse
     */
    public static List<Field> of(GraphQlApi api, String schemaText) {
        Document document = parse(api, schemaText);
        Map<String, List<FieldDefinition>> types = objectTypes(document);
        List<String> listed = new ArrayList<>(roots(document).stream().filter(types::containsKey).toList());
        Set<String> bound = api.resolvers().stream().map(Resolver::typeName).collect(Collectors.toSet());
        types.keySet().stream().filter(t -> bound.contains(t) && !listed.contains(t)).forEach(listed::add);
        List<Field> fields = new ArrayList<>();
        for (String type : listed) {
            for (FieldDefinition definition : types.get(type)) {
                Resolver resolver = api.resolver(type, definition.getName()).orElse(null);
                SourceLocation at = definition.getSourceLocation();
                fields.add(new Field(type, definition.getName(), AstPrinter.printAst(definition.getType()),
                        definition.getInputValueDefinitions().stream().map(SchemaFields::argument).toList(),
                        at == null ? 0 : at.getLine(), at == null ? 0 : at.getColumn(), resolver,
                        resolver == null ? List.of() : api.dataSourcesOf(resolver)));
            }
        }
        return fields;
    }

    /**
     * The resolvers whose field the schema no longer has (its type gone, or the field gone from it): what to offer to
     * remove after a schema change.
     *
     * @throws SchemaException when the SDL does not parse
     */
    public static List<Resolver> orphans(GraphQlApi api, String schemaText) {
        Map<String, List<FieldDefinition>> types = objectTypes(parse(api, schemaText));
        return api.resolvers().stream().filter(r -> !types.containsKey(r.typeName())
                || types.get(r.typeName()).stream().noneMatch(f -> f.getName().equals(r.fieldName()))).toList();
    }

    /**
     * What AppSync would refuse in a schema that parses: types used and not defined, no query type, a directive used
     * wrongly ... (AppSync's own scalars and directives count as defined). Empty when graphql-java builds the schema.
     *
     * @throws SchemaException when the SDL does not parse
     */
    public static List<SchemaProblem> problems(GraphQlApi api, String schemaText) {
        Document document = parse(api, schemaText);
        try {
            TypeDefinitionRegistry registry = new SchemaParser().buildRegistry(document);
            registry.merge(new SchemaParser().parse(prelude(registry)));
            UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
            return List.of();
        } catch (graphql.schema.idl.errors.SchemaProblem problem) {
            return problem.getErrors().stream().map(SchemaFields::problem).toList();
        } catch (RuntimeException e) { // graphql-java's assertions on shapes it does not build (e.g. a repeated root)
            return List.of(new SchemaProblem(1, 1, String.valueOf(e.getMessage())));
        }
    }

    /** The SDL parsed, or a {@link SchemaException} that says where it goes wrong. */
    static Document parse(GraphQlApi api, String schemaText) {
        ParserOptions options = ParserOptions.getDefaultSdlParserOptions();
        try {
            return Parser.parse(ParserEnvironment.newParserEnvironment().document(schemaText).parserOptions(options).build());
        } catch (InvalidSyntaxException e) {
            SourceLocation at = e.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLine());
            int column = at == null ? 1 : Math.max(1, at.getColumn());
            String token = e.getOffendingToken();
            String problem = "the GraphQL schema does not parse: " + (token == null || token.isEmpty() ? "a syntax error"
                    : token.equals("<EOF>") ? "it ends too early (a '}' missing?)" : "unexpected '" + token + "'");
            throw located(api, line, column, problem, "correct the SDL there; AppSync's scalars (AWSDateTime ...) and "
                    + "directives (@aws_api_key ...) need no declaration");
        }
    }

    private static SchemaException located(GraphQlApi api, int line, int column, String problem, String hint) {
        return switch (api.schema()) {
            case SchemaSource.Inline inline when inline.block() -> new SchemaException(new dev.stackdraft.template.SourceLocation(
                    api.file(), inline.line() + line - 1, inline.column() + column - 1), line, column, problem, hint);
            case SchemaSource.Inline inline -> new SchemaException(new dev.stackdraft.template.SourceLocation(api.file(),
                    inline.line(), inline.column()), line, column, problem + " (line " + line + ", column " + column
                    + " of the schema)", hint);
            case SchemaSource.File file -> new SchemaException(new dev.stackdraft.template.SourceLocation(
                    schemaFile(api, file), line, column), line, column, problem, hint);
            default -> new SchemaException(new dev.stackdraft.template.SourceLocation("schema", line, column), line, column,
                    problem, hint);
        };
    }

    /** A schema file's name beside the template's, as a person would open it. */
    private static String schemaFile(GraphQlApi api, SchemaSource.File file) {
        Path template = Path.of(api.file());
        Path parent = template.getParent();
        return (parent == null ? Path.of(file.path()) : parent.resolve(file.path())).normalize().toString();
    }

    /** The object types and their fields (extensions included), in SDL order. */
    private static Map<String, List<FieldDefinition>> objectTypes(Document document) {
        Map<String, List<FieldDefinition>> types = new LinkedHashMap<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof ObjectTypeDefinition type) { // an ObjectTypeExtensionDefinition is one too
                types.computeIfAbsent(type.getName(), k -> new ArrayList<>()).addAll(type.getFieldDefinitions());
            }
        }
        return types;
    }

    /** The names of the query, mutation and subscription types, as the schema renames them or by default. */
    private static List<String> roots(Document document) {
        Map<String, String> named = new LinkedHashMap<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof SchemaDefinition schema) { // its extensions too
                for (OperationTypeDefinition operation : schema.getOperationTypeDefinitions()) {
                    named.put(operation.getName(), operation.getTypeName().getName());
                }
            }
        }
        if (named.isEmpty()) {
            return List.of("Query", "Mutation", "Subscription");
        }
        return ROOTS.stream().filter(named::containsKey).map(named::get).toList();
    }

    private static String argument(InputValueDefinition argument) {
        return argument.getName() + ": " + AstPrinter.printAst(argument.getType());
    }

    /** AppSync's scalars and directives that the schema does not declare itself. */
    private static String prelude(TypeDefinitionRegistry registry) {
        StringBuilder sdl = new StringBuilder();
        APPSYNC_SCALARS.stream().filter(s -> registry.getType(s).isEmpty() && !registry.scalars().containsKey(s))
                .forEach(s -> sdl.append("scalar ").append(s).append('\n'));
        APPSYNC_DIRECTIVES.forEach((name, arguments) -> {
            if (registry.getDirectiveDefinition(name).isEmpty()) {
                sdl.append("directive @").append(name).append(arguments).append(" on ").append(ANYWHERE).append('\n');
            }
        });
        return sdl.toString();
    }

    private static SchemaProblem problem(GraphQLError error) {
        List<SourceLocation> locations = error.getLocations();
        SourceLocation at = locations == null || locations.isEmpty() ? null : locations.getFirst();
        String message = error.getMessage().replaceAll("\\s*\\[@\\d+:\\d+]", "");
        return new SchemaProblem(at == null ? 1 : Math.max(1, at.getLine()), at == null ? 1 : Math.max(1, at.getColumn()),
                message);
    }
}
